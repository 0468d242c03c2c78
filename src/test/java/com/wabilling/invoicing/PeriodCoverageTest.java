package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodCoverageTest {

    private static final PeriodCoverage.Range JUNE_AMSTERDAM = range("2023-05-31T22:00:00Z", "2023-06-30T22:00:00Z");

    @Test
    void wholeMonthCoveredByConsecutiveUtcPeriods() {
        assertThat(PeriodCoverage.missing(JUNE_AMSTERDAM, List.of(range("2023-06-01T00:00:00Z", "2023-07-01T00:00:00Z"),
                range("2023-05-25T00:00:00Z", "2023-06-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void namesEveryGap() {
        List<PeriodCoverage.Range> gaps = PeriodCoverage.missing(JUNE_AMSTERDAM, List.of(
                range("2023-06-01T00:00:00Z", "2023-06-10T00:00:00Z"),
                range("2023-06-12T00:00:00Z", "2023-06-20T00:00:00Z")));

        assertThat(gaps).containsExactly(range("2023-05-31T22:00:00Z", "2023-06-01T00:00:00Z"),
                range("2023-06-10T00:00:00Z", "2023-06-12T00:00:00Z"),
                range("2023-06-20T00:00:00Z", "2023-06-30T22:00:00Z"));
    }

    @Test
    void nothingReconstructedIsOneGap() {
        assertThat(PeriodCoverage.missing(JUNE_AMSTERDAM, List.of())).containsExactly(JUNE_AMSTERDAM);
    }

    private static PeriodCoverage.Range range(String from, String to) {
        return new PeriodCoverage.Range(Instant.parse(from), Instant.parse(to));
    }
}
