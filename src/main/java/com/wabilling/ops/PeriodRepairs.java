package com.wabilling.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.conversations.ReconstructJobConfiguration;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;

/**
 * What the monthly run rebuilds (docs/operations.md, "The monthly run"): first every rebuild a crash
 * or a failure left unfinished (resumed with its own command), then every recorded period whose inputs
 * changed since it was built (rebuilt with its own boundaries), oldest first.
 */
final class PeriodRepairs {

    /** One period to rebuild: the reconstruct arguments that do it, and why. */
    record Repair(ScopeMode mode, LocalDate from, LocalDate to, boolean unfinished, String why, String[] arguments) {
    }

    private final PeriodRegistry ledger;

    PeriodRepairs(PeriodRegistry ledger) {
        this.ledger = ledger;
    }

    /**
     * The oldest rebuild that started and did not finish. Resumed before anything is healed: a stale period
     * rebuilt first could change what the unfinished one carries in while it is half built. Phone-number
     * scope only, the scope invoices are computed from; periods of the WABA scope are analyses a person runs.
     */
    Optional<Repair> nextUnfinished() {
        return ledger.unfinishedRebuilds(ScopeMode.PHONE_NUMBER).stream().findFirst()
                .map(r -> new Repair(ScopeMode.PHONE_NUMBER, r.from(), r.to(), true, "its rebuild did not finish (a"
                        + " crash or a failure); resuming " + r.command(), arguments(r.command())));
    }

    /** The oldest recorded period whose inputs changed since it was built, to rebuild with its own boundaries. */
    Optional<Repair> nextStale() {
        ScopeMode mode = ScopeMode.PHONE_NUMBER;
        for (PeriodRegistry.Recorded r : ledger.recorded(mode)) { // ordered by from
            Period period = new Period(r.from(), r.to(), mode);
            PeriodRegistry.Fingerprint now = ledger.fingerprint(mode, period.from(), period.to());
            if (!now.equals(r.fingerprint())) {
                MonthlyRunPlan.Days window = new MonthlyRunPlan.Days(date(period.readFrom()), date(period.readTo()));
                return Optional.of(new Repair(mode, r.from(), r.to(), false, MonthlyRunPlan.whyStale(r, now, window),
                        reconstruct(r.from(), r.to(), mode, MonthlyRunPlan.key("heal", mode, r, now))));
            }
        }
        return Optional.empty();
    }

    /** The launcher arguments of a reconstruct of [from, to) in the mode, as the run keyed by {@code key}. */
    static String[] reconstruct(LocalDate from, LocalDate to, ScopeMode mode, String key) {
        return new String[] {ReconstructJobConfiguration.JOB_NAME, "from=" + from, "to=" + to,
            "conversation-scope=" + mode.parameter(), "rerun=" + key};
    }

    /** A stored command line ("jobs/wa-billing reconstruct a=b ...") as launcher arguments. */
    static String[] arguments(String command) {
        String[] words = command.trim().split(" +");
        return Arrays.copyOfRange(words, 1, words.length);
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
