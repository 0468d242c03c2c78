package com.wabilling.periods;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A reconstruction period [from, to) in UTC, in one scope mode (docs/billing-rules.md 3.4). */
public record Period(LocalDate fromDate, LocalDate toDate, ScopeMode mode) {

    /** The customer service window and a referral's window (docs/billing-rules.md 3.2-3.3). */
    public static final Duration WINDOW = Duration.ofHours(24);
    /** A free entry point's window (docs/billing-rules.md 3.3; docs/per-message-pricing.md 2 rule 1). */
    public static final Duration FREE_ENTRY_POINT_WINDOW = Duration.ofHours(72);

    public Instant from() {
        return fromDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant to() {
        return toDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The state at the start needs the day before; counts of its conversations need up to 72 h after. */
    public Instant readFrom() {
        return from().minus(WINDOW);
    }

    public Instant readTo() {
        return to().plus(FREE_ENTRY_POINT_WINDOW);
    }

    /** A conversation open at the start opened at most 72 h before it (a free entry point). */
    public Instant carriedFrom() {
        return from().minus(FREE_ENTRY_POINT_WINDOW);
    }

    /** File name stem, {@code 2023-06-01_2023-07-01}. */
    public String fileStem() {
        return fromDate + "_" + toDate;
    }
}
