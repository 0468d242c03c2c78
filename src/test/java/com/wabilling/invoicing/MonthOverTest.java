package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** A month can be invoiced once it has ended in UTC-12, the last zone to end a day (docs/billing-rules.md 4.1). */
class MonthOverTest {

    @Test
    void aMonthEndsEverywhereAtNoonUtcOnTheNextMonthsFirstDay() {
        // 2026-12-01 00:00 at -12:00 is 2026-12-01 12:00 UTC; February 2026 has 28 days
        assertThat(MonthOver.end(YearMonth.of(2026, 11))).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(MonthOver.end(YearMonth.of(2026, 2))).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(MonthOver.end(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2027-01-01T12:00:00Z"));
    }

    @Test
    void theMonthIsRefusedUntilItsEndAndAllowedFromThen() {
        YearMonth november = YearMonth.of(2026, 11);

        assertThat(MonthOver.refusal(november, Instant.parse("2026-12-01T11:59:59.999Z"))).hasValueSatisfying(
                r -> assertThat(r).startsWith("month=2026-11 has not ended yet")
                        .endsWith("run it from 2026-12-01T12:00:00Z on"));
        assertThat(MonthOver.refusal(november, Instant.parse("2026-12-01T12:00:00Z"))).isEmpty();
        assertThat(MonthOver.refusal(november, Instant.parse("2026-12-06T06:38:23.512Z"))).isEmpty();
        assertThat(MonthOver.refusal(YearMonth.of(2026, 12), Instant.parse("2026-12-06T06:38:23.512Z"))).isPresent();
        assertThat(MonthOver.refusal(YearMonth.of(2027, 1), Instant.parse("2026-12-06T06:38:23.512Z"))).isPresent();
    }
}
