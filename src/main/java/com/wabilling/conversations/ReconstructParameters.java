package com.wabilling.conversations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.wabilling.periods.PeriodParameters;

/**
 * The reconstruct job's parameter checks, before it starts (a refusal is bad usage, exit 2): the
 * parameters' own checks, then a period that reaches no further than the end of today, UTC, by the
 * application's clock (docs/billing-rules.md 3.4). Today may be in it (its messages so far; a later import names
 * the period stale), but a day that has not begun holds no message yet.
 */
final class ReconstructParameters implements JobParametersValidator {

    private final Clock clock;

    ReconstructParameters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        ReconstructJobConfiguration.PARAMETERS.validator().validate(parameters);
        LocalDate to = PeriodParameters.of(parameters).toDate();
        Optional<String> refusal = refusal(to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (refusal.isPresent()) {
            throw new InvalidJobParametersException(ReconstructJobConfiguration.JOB_NAME + ": " + refusal.get());
        }
    }

    /** Why a period ending at {@code to} (exclusive) cannot be reconstructed on {@code today}, or empty. */
    static Optional<String> refusal(LocalDate to, LocalDate today) {
        LocalDate latest = today.plusDays(1);
        if (!to.isAfter(latest)) {
            return Optional.empty();
        }
        return Optional.of("to=" + to + " is after tomorrow (" + latest + ", UTC): the period would reach into days"
                + " that have not begun (today is " + today + "), which hold no messages yet; end it at to=" + latest
                + " at the latest, or run it from " + to.minusDays(1) + " (UTC) on");
    }
}
