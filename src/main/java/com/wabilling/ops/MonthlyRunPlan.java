package com.wabilling.ops;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;

import com.wabilling.conversations.PeriodRegistry;

/**
 * The arithmetic of the monthly run (docs/operations.md, "The monthly run"), kept apart from running
 * jobs so that it can be tested on its own: which UTC days a month's invoices need, which of them no
 * recorded period covers, and the run keys that make each step a new run exactly when its inputs
 * changed (and the same run, resumed, after a crash).
 */
final class MonthlyRunPlan {

    private MonthlyRunPlan() {
    }

    /** A range of UTC days [from, to). */
    record Days(LocalDate from, LocalDate to) {
        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /**
     * The UTC days an account-local month can touch: zones lie between UTC-12 and UTC+14, so a month
     * starts at most 14 h before its first UTC day and ends at most 12 h after its last.
     */
    static Days needed(YearMonth month) {
        return new Days(month.atDay(1).minusDays(1), month.plusMonths(1).atDay(1).plusDays(1));
    }

    /** The parts of {@code needed} that no recorded period covers, in order. */
    static List<Days> gaps(Days needed, List<PeriodRegistry.Recorded> recorded) {
        List<PeriodRegistry.Recorded> sorted = new ArrayList<>(recorded);
        sorted.sort(Comparator.comparing(PeriodRegistry.Recorded::from));
        List<Days> gaps = new ArrayList<>();
        LocalDate cursor = needed.from();
        for (PeriodRegistry.Recorded r : sorted) {
            if (!r.to().isAfter(cursor)) {
                continue;
            }
            if (!r.from().isBefore(needed.to())) {
                break;
            }
            if (r.from().isAfter(cursor)) {
                gaps.add(new Days(cursor, r.from()));
            }
            cursor = r.to();
        }
        if (cursor.isBefore(needed.to())) {
            gaps.add(new Days(cursor, needed.to()));
        }
        return gaps;
    }

    /** Why a recorded period is stale, in the operator's words. */
    static String whyStale(PeriodRegistry.Recorded recorded, PeriodRegistry.Fingerprint now, Days window) {
        List<String> reasons = new ArrayList<>();
        long change = now.windowMessages() - recorded.fingerprint().windowMessages();
        if (change != 0) {
            reasons.add(Math.abs(change) + (change > 0 ? " more" : " fewer") + " message" + (Math.abs(change) == 1 ? "" : "s")
                    + " in the days it reads (" + window + ") than when it was built");
        }
        if (!now.carriedHash().equals(recorded.fingerprint().carriedHash())) {
            reasons.add("what it carries in from the days before it changed (an earlier period was rebuilt)");
        }
        if (reasons.isEmpty()) {
            reasons.add("its inputs changed since it was built");
        }
        return String.join("; ", reasons);
    }

    /** A short deterministic key of the given parts: the same inputs give the same run (and resume it). */
    static String key(String prefix, Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part).append('\n');
        }
        return prefix + "-" + DigestUtils.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
