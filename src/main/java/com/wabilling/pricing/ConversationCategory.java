package com.wabilling.pricing;

import java.util.Locale;

/**
 * The category of a conversation (docs/formats.md, conversations CSV), which the rate card prices: a
 * template of category C opens a C conversation (docs/billing-rules.md 3.3 rule 3), so the names match.
 */
public enum ConversationCategory {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE, FREE_ENTRY_POINT,
    /**
     * Not a conversation category: the rate-card column {@code authentication_international}, which prices
     * per-message AUTHENTICATION_INTERNATIONAL messages only (docs/per-message-pricing.md 4).
     */
    AUTHENTICATION_INTERNATIONAL;

    /** Meta's webhook names; null when the value is not one of them. */
    public static ConversationCategory ofMeta(String metaCategory) {
        if (metaCategory == null) {
            return null;
        }
        return switch (metaCategory.strip().toLowerCase(Locale.ROOT)) {
            case "marketing" -> MARKETING;
            case "utility" -> UTILITY;
            case "authentication" -> AUTHENTICATION;
            case "service" -> SERVICE;
            case "referral_conversion", "free_entry_point" -> FREE_ENTRY_POINT;
            default -> null;
        };
    }
}
