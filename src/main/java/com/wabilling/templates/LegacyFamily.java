package com.wabilling.templates;

import java.util.Locale;
import java.util.Set;

/** The family a legacy category value belongs to (docs/billing-rules.md 2). */
public enum LegacyFamily {
    OTP, TRANSACTIONAL, MARKETING, OTHER;

    private static final Set<String> TRANSACTIONAL_VALUES = Set.of(
            "TRANSACTIONAL", "UTILITY", "ACCOUNT_UPDATE", "ALERT_UPDATE", "APPOINTMENT_UPDATE", "AUTO_REPLY",
            "ISSUE_RESOLUTION", "PAYMENT_UPDATE", "PERSONAL_FINANCE_UPDATE", "RESERVATION_UPDATE",
            "SHIPPING_UPDATE", "TICKET_UPDATE", "TRANSPORTATION_UPDATE");

    /** Case, surrounding blanks and space/hyphen separators are not significant ("Shipping update"). */
    public static LegacyFamily of(String legacyCategory) {
        String value = legacyCategory == null ? ""
                : legacyCategory.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (value.equals("OTP") || value.equals("AUTHENTICATION")) {
            return OTP;
        }
        if (value.equals("MARKETING")) {
            return MARKETING;
        }
        return TRANSACTIONAL_VALUES.contains(value) ? TRANSACTIONAL : OTHER;
    }
}
