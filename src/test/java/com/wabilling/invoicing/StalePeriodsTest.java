package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.pricing.BillingAccount;

/** Which recorded periods a month's invoices use, so that a stale one refuses the month. */
class StalePeriodsTest {

    private static final YearMonth JUNE = YearMonth.of(2023, 6);

    @Test
    void aPeriodIsUsedWhenItsConversationsAreBilledInOrReachIntoSomeAccountsLocalMonth() {
        // conversations of [05-25, 05-29) reach 72 h past its end: up to 2023-06-01T00:00Z. Kolkata's June starts
        // 2023-05-31T18:30Z (UTC+5:30): used; Sao Paulo's starts 2023-06-01T03:00Z (UTC-3): not used
        PeriodRegistry.Recorded late = recorded("2023-05-25", "2023-05-29");
        assertThat(StalePeriods.usedBy(late, List.of(account("Asia/Kolkata")), JUNE)).isTrue();
        assertThat(StalePeriods.usedBy(late, List.of(account("America/Sao_Paulo")), JUNE)).isFalse();

        // [07-01, 07-06) starts 2023-07-01T00:00Z: Sao Paulo's June ends 03:00Z that day (used), Amsterdam's
        // ended 2023-06-30T22:00Z (CEST, UTC+2: not used)
        PeriodRegistry.Recorded july = recorded("2023-07-01", "2023-07-06");
        assertThat(StalePeriods.usedBy(july, List.of(account("America/Sao_Paulo")), JUNE)).isTrue();
        assertThat(StalePeriods.usedBy(july, List.of(account("Europe/Amsterdam")), JUNE)).isFalse();
        assertThat(StalePeriods.usedBy(july, List.of(account("Europe/Amsterdam"), account("America/Sao_Paulo")),
                JUNE)).isTrue();
    }

    @Test
    void theRefusalNamesEachPeriodWithItsReconstructCommand() {
        assertThat(StalePeriods.refusal(JUNE, List.of(recorded("2023-05-25", "2023-07-06"))))
                .startsWith("cannot invoice 2023-06: 1 reconstructed period it uses was built on")
                .endsWith("2023-05-25 to 2023-07-06: jobs/wa-billing reconstruct from=2023-05-25 to=2023-07-06"
                        + " rerun=<new value>");
    }

    private static PeriodRegistry.Recorded recorded(String from, String to) {
        return new PeriodRegistry.Recorded(LocalDate.parse(from), LocalDate.parse(to),
                new PeriodRegistry.Fingerprint(0, ""));
    }

    private static BillingAccount account(String zone) {
        return new BillingAccount("1", "A", ZoneId.of(zone), Currency.getInstance("USD"), BigDecimal.ZERO);
    }
}
