package com.wabilling.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One graduated band of a volume tier table (docs/per-message-pricing.md 3, docs/formats.md volume-tiers.csv): the
 * n-th charged message of the month gets {@code rate} when fromVolume ≤ n ≤ toVolume.
 *
 * @param toVolume inclusive upper bound, null for the unbounded last band
 */
public record VolumeBand(long fromVolume, Long toVolume, BigDecimal rate) {

    public VolumeBand {
        Objects.requireNonNull(rate, "rate");
        if (fromVolume < 1 || (toVolume != null && toVolume < fromVolume)) {
            throw new IllegalArgumentException("not a band: " + fromVolume + "-" + toVolume);
        }
    }

    public boolean unbounded() {
        return toVolume == null;
    }

    public boolean contains(long n) {
        return n >= fromVolume && (toVolume == null || n <= toVolume);
    }

    /** The invoice line's pricing band: {@code 1-100000}, {@code 100001+}. */
    public String label() {
        return toVolume == null ? fromVolume + "+" : fromVolume + "-" + toVolume;
    }
}
