package com.wabilling.conversations;

import java.util.Locale;

import com.wabilling.templates.TemplateCategory;

/** The category of a conversation (formats.md, conversations CSV). */
public enum ConversationCategory {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE, FREE_ENTRY_POINT;

    public static ConversationCategory of(TemplateCategory category) {
        return valueOf(category.name());
    }

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
