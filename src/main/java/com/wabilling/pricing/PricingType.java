package com.wabilling.pricing;

import java.util.Locale;

/** Whether a delivered message is charged (docs/per-message-pricing.md 2), in Meta's webhook vocabulary ({@code pricing.type}). */
public enum PricingType {
    REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT;

    /** {@code regular}, {@code free_customer_service}, {@code free_entry_point}. */
    public String metaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean charged() {
        return this == REGULAR;
    }
}
