package com.wabilling.pricing;

import java.util.Locale;

/**
 * The category of a per-message pricing record (docs/per-message-pricing.md 2), named as in Meta's status
 * webhook ({@code pricing.category}) so records compare one to one.
 */
public enum PricingCategory {
    REFERRAL_CONVERSION, UTILITY, AUTHENTICATION, MARKETING, SERVICE,
    /**
     * An AUTHENTICATION message billed at the authentication-international rate (docs/per-message-pricing.md 4,
     * "Authentication-international"): never a reconstructed record's category, assigned when invoicing.
     */
    AUTHENTICATION_INTERNATIONAL,
    /** A marketing template sent through the Marketing Messages API (Meta: {@code marketing_lite}). */
    MARKETING_LITE;

    /** Meta's webhook spelling: {@code utility}, {@code referral_conversion}, ... */
    public String metaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A template's own category (docs/billing-rules.md 2): SERVICE and REFERRAL_CONVERSION never are. */
    public boolean isTemplateCategory() {
        return this == UTILITY || this == AUTHENTICATION || this == MARKETING;
    }

    /**
     * docs/per-message-pricing.md 4: the rate-card column a message of this category is priced from; SERVICE
     * messages pay the utility rate, REFERRAL_CONVERSION messages are always free (empty).
     */
    public java.util.Optional<ConversationCategory> rateColumn() {
        return switch (this) {
            case UTILITY, SERVICE -> java.util.Optional.of(ConversationCategory.UTILITY);
            case AUTHENTICATION -> java.util.Optional.of(ConversationCategory.AUTHENTICATION);
            case AUTHENTICATION_INTERNATIONAL -> java.util.Optional.of(ConversationCategory.AUTHENTICATION_INTERNATIONAL);
            // docs/per-message-pricing.md 4: Marketing Messages API messages pay the market's marketing rate
            case MARKETING, MARKETING_LITE -> java.util.Optional.of(ConversationCategory.MARKETING);
            case REFERRAL_CONVERSION -> java.util.Optional.empty();
        };
    }

    /**
     * docs/per-message-pricing.md 3: only utility and authentication messages have volume tiers;
     * authentication-international ones count in their own bucket.
     */
    public boolean hasVolumeTiers() {
        return this == UTILITY || this == AUTHENTICATION || this == AUTHENTICATION_INTERNATIONAL;
    }
}
