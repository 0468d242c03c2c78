package com.wabilling.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** A reconstruct run's period, parsed in one place from its parameters (docs/billing-rules.md 3.4). */
class PeriodParametersTest {

    @Test
    void theParametersNameThePeriodAndItsScopeMode() {
        var parameters = new JobParametersBuilder().addString("from", "2026-10-01").addString("to", "2026-11-01")
                .addString("conversation-scope", "waba").addString("rerun", "2").toJobParameters();

        Period period = PeriodParameters.of(parameters);

        assertThat(period).isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), ScopeMode.WABA));
        assertThat(period.from()).hasToString("2026-10-01T00:00:00Z");
    }

    @Test
    void withoutAScopeModeItIsPerPhoneNumberAndAMapGivesTheSamePeriod() {
        var parameters = new JobParametersBuilder().addString("from", "2023-05-29").addString("to", "2023-07-03")
                .toJobParameters();

        assertThat(PeriodParameters.of(parameters)).isEqualTo(new Period(LocalDate.of(2023, 5, 29),
                LocalDate.of(2023, 7, 3), ScopeMode.PHONE_NUMBER));
        assertThat(PeriodParameters.of(Map.of("from", "2023-05-29", "to", "2023-07-03")))
                .isEqualTo(PeriodParameters.of(parameters));
    }

    @Test
    void aMissingBoundIsNamed() {
        assertThatThrownBy(() -> PeriodParameters.of(Map.of("from", "2023-05-29"))).hasMessageContaining("to=");
    }
}
