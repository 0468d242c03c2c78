package com.wabilling.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.wabilling.conversations.Period;
import com.wabilling.conversations.PeriodLedger;
import com.wabilling.conversations.ReconstructJobConfiguration;
import com.wabilling.conversations.ScopeMode;

/**
 * What the monthly run rebuilds before anything else (docs/operations.md, "The monthly run"): a
 * rebuild a crash or a failure left unfinished (resumed with its own command), and every recorded
 * period whose inputs changed since it was built (rebuilt with its own boundaries), oldest first.
 */
final class PeriodRepairs {

    /** One period to rebuild: the reconstruct arguments that do it, and why. */
    record Repair(ScopeMode mode, LocalDate from, LocalDate to, boolean unfinished, String why, String[] arguments) {
    }

    private final PeriodLedger ledger;

    PeriodRepairs(PeriodLedger ledger) {
        this.ledger = ledger;
    }

    /** The oldest repair left, an unfinished rebuild before a stale period of the same start. */
    Optional<Repair> next() {
        List<Repair> repairs = new ArrayList<>();
        for (ScopeMode mode : ScopeMode.values()) {
            for (PeriodLedger.Rebuild r : ledger.unfinishedRebuilds(mode)) {
                repairs.add(new Repair(mode, r.from(), r.to(), true, "its rebuild did not finish (a crash or a failure);"
                        + " resuming " + r.command(), arguments(r.command())));
            }
            for (PeriodLedger.Recorded r : ledger.recorded(mode)) {
                Period period = new Period(r.from(), r.to(), mode);
                PeriodLedger.Fingerprint now = ledger.fingerprint(mode, period.from(), period.to());
                if (!now.equals(r.fingerprint())) {
                    String key = MonthlyRunPlan.key("heal", mode, r, now);
                    MonthlyRunPlan.Days window = new MonthlyRunPlan.Days(date(period.readFrom()), date(period.readTo()));
                    repairs.add(new Repair(mode, r.from(), r.to(), false, MonthlyRunPlan.whyStale(r, now, window),
                            reconstruct(r.from(), r.to(), mode, key)));
                }
            }
        }
        return repairs.stream().min(Comparator.comparing(Repair::from).thenComparing(r -> !r.unfinished())
                .thenComparing(Repair::to));
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
