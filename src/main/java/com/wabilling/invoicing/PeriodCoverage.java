package com.wabilling.invoicing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which parts of a range no reconstructed period covers (docs/billing-rules.md 4.1). */
public final class PeriodCoverage {

    /** A half-open range of instants [from, to). */
    public record Range(Instant from, Instant to) {
    }

    private PeriodCoverage() {
    }

    /** Whether two half-open ranges share an instant. */
    public static boolean overlap(Range a, Range b) {
        return a.from().isBefore(b.to()) && b.from().isBefore(a.to());
    }

    public static List<Range> missing(Range needed, List<Range> covered) {
        List<Range> sorted = new ArrayList<>(covered);
        sorted.sort(Comparator.comparing(Range::from));
        List<Range> gaps = new ArrayList<>();
        Instant cursor = needed.from();
        for (Range r : sorted) {
            if (!r.to().isAfter(cursor)) {
                continue;
            }
            if (!r.from().isBefore(needed.to())) {
                break;
            }
            if (r.from().isAfter(cursor)) {
                gaps.add(new Range(cursor, r.from()));
            }
            cursor = r.to();
            if (!cursor.isBefore(needed.to())) {
                return gaps;
            }
        }
        if (cursor.isBefore(needed.to())) {
            gaps.add(new Range(cursor, needed.to()));
        }
        return gaps;
    }
}
