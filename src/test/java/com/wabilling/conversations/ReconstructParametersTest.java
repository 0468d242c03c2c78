package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A period may include today (UTC) but no day that has not begun (docs/billing-rules.md 3.4). */
class ReconstructParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void aPeriodEndingWithTodayRunsAndOneReachingFurtherIsRefused() {
        assertThat(ReconstructParameters.refusal(LocalDate.of(2026, 12, 6), TODAY)).isEmpty();
        assertThat(ReconstructParameters.refusal(LocalDate.of(2026, 12, 7), TODAY)).isEmpty();
        assertThat(ReconstructParameters.refusal(LocalDate.of(2026, 12, 8), TODAY))
                .hasValueSatisfying(r -> assertThat(r).startsWith("to=2026-12-08 is after tomorrow (2026-12-07, UTC)")
                .endsWith("run it from 2026-12-07 (UTC) on"));
        assertThat(ReconstructParameters.refusal(LocalDate.of(2027, 1, 1), TODAY)).isPresent();
    }
}
