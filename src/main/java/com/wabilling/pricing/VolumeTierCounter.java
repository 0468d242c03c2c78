package com.wabilling.pricing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Graduated volume tiers (docs/per-message-pricing.md 3): counts the {@code regular} UTILITY and AUTHENTICATION
 * messages per (portfolio, market, category, account-local month) and gives the n-th the band that
 * contains n, from the table effective on its local date (the count still starts at the month's start).
 * Counts in call order: the caller feeds each bucket by delivery time, then message_id, across the
 * portfolio's WABAs. Not thread-safe.
 */
public final class VolumeTierCounter {

    /** The outcome for one message: its position in the bucket (0 when not counted) and its band if any. */
    public record Assignment(long position, Optional<VolumeBand> band) {

        static final Assignment NOT_COUNTED = new Assignment(0, Optional.empty());

        /** No band: the rate card's list rate applies. */
        public boolean listRate() {
            return band.isEmpty();
        }
    }

    private record Bucket(String portfolioId, String market, PricingCategory category, YearMonth month) {
    }

    private final VolumeTiers tiers;
    private final Map<Bucket, Long> counted = new HashMap<>();

    public VolumeTierCounter(VolumeTiers tiers) {
        this.tiers = Objects.requireNonNull(tiers);
    }

    /** Starts a bucket from the charged messages already counted this month (e.g. in earlier periods). */
    public void alreadyCounted(String portfolioId, String market, PricingCategory category, YearMonth month, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        counted.put(new Bucket(portfolioId, market, category, month), n);
    }

    /**
     * @param localDate the message's delivery date in its account's time zone
     * @param currency the account's currency, which picks the band table
     */
    public Assignment assign(String portfolioId, String market, String currency, PricingCategory category,
            PricingType type, LocalDate localDate) {
        // free messages never count and service messages have no tiers (docs/per-message-pricing.md 3)
        if (!type.charged() || !category.hasVolumeTiers()) {
            return Assignment.NOT_COUNTED;
        }
        Bucket bucket = new Bucket(Objects.requireNonNull(portfolioId), Objects.requireNonNull(market), category,
                YearMonth.from(localDate));
        long n = counted.merge(bucket, 1L, Long::sum);
        return new Assignment(n, tiers.band(market, currency, category, localDate, n));
    }

    public long counted(String portfolioId, String market, PricingCategory category, YearMonth month) {
        return counted.getOrDefault(new Bucket(portfolioId, market, category, month), 0L);
    }
}
