package com.wabilling.pricing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication-international (docs/per-message-pricing.md 4, "Authentication-international"): from a
 * per-portfolio, per-market start instant, an AUTHENTICATION message of that portfolio to that market
 * delivered at or after the start is billed as AUTHENTICATION_INTERNATIONAL. Built from the optional
 * auth-international.csv by {@link AuthInternationalRows}; without it nothing changes.
 */
public final class AuthInternational {

    /** No auth-international.csv: every authentication message stays AUTHENTICATION. */
    public static final AuthInternational NONE = new AuthInternational(Map.of());

    /** A (portfolio, market) that is eligible. */
    public record Key(String portfolioId, String market) {
        public Key {
            Objects.requireNonNull(portfolioId);
            Objects.requireNonNull(market);
        }
    }

    private final Map<Key, Instant> starts;

    public AuthInternational(Map<Key, Instant> starts) {
        this.starts = Map.copyOf(starts);
    }

    public boolean isEmpty() {
        return starts.isEmpty();
    }

    /** When the portfolio became eligible in the market, if it did. */
    public Optional<Instant> start(String portfolioId, String market) {
        return Optional.ofNullable(starts.get(new Key(portfolioId, market)));
    }

    /**
     * The category a pricing record is billed in: AUTHENTICATION_INTERNATIONAL for an AUTHENTICATION record
     * of an eligible (portfolio, market) delivered at or after the start, else the record's own category.
     */
    public PricingCategory billedAs(String portfolioId, String market, Instant deliveredAt, PricingCategory category) {
        if (category != PricingCategory.AUTHENTICATION) {
            return category;
        }
        Instant start = starts.get(new Key(portfolioId, market));
        return start != null && !deliveredAt.isBefore(start) ? PricingCategory.AUTHENTICATION_INTERNATIONAL : category;
    }
}
