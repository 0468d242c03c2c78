package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wabilling.pricing.BillingAccount;

/** docs/billing-rules.md 4.1: an account's month in its own time zone, across DST changes. */
class BillingMonthTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // zone, month, first instant, last instant (exclusive), hours
        "Europe/Amsterdam, 2024-03, 2024-02-29T23:00:00Z, 2024-03-31T22:00:00Z, 743", // ends after spring forward
        "Europe/Amsterdam, 2023-10, 2023-09-30T22:00:00Z, 2023-10-31T23:00:00Z, 745", // fall back inside
        "Europe/Amsterdam, 2023-11, 2023-10-31T23:00:00Z, 2023-11-30T23:00:00Z, 720",
        "America/Sao_Paulo, 2023-06, 2023-06-01T03:00:00Z, 2023-07-01T03:00:00Z, 720", // no DST since 2019
        "America/Sao_Paulo, 2018-11, 2018-11-01T03:00:00Z, 2018-12-01T02:00:00Z, 719", // DST began 4 Nov at midnight
        "America/Sao_Paulo, 2019-02, 2019-02-01T02:00:00Z, 2019-03-01T03:00:00Z, 673", // and ended 17 Feb
        "Pacific/Auckland, 2024-04, 2024-03-31T11:00:00Z, 2024-04-30T12:00:00Z, 721", // DST ended 7 April
        "Pacific/Auckland, 2024-09, 2024-08-31T12:00:00Z, 2024-09-30T11:00:00Z, 719", // DST began 29 September
        "Asia/Kolkata, 2023-06, 2023-05-31T18:30:00Z, 2023-06-30T18:30:00Z, 720"})
    void monthRunsFromLocalMidnightToLocalMidnight(String zone, String month, String start, String end, long hours) {
        BillingAccount account = InvoiceCalculatorTest.account(zone, "0");
        YearMonth m = YearMonth.parse(month);

        assertThat(account.monthStart(m)).isEqualTo(Instant.parse(start));
        assertThat(account.monthEnd(m)).isEqualTo(Instant.parse(end));
        assertThat(Duration.between(account.monthStart(m), account.monthEnd(m)).toHours()).isEqualTo(hours);
    }
}
