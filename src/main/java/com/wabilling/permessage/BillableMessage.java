package com.wabilling.permessage;

import java.time.Instant;

import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;

/** What invoicing needs of a pricing record (docs/per-message-pricing.md 2, 4). */
public record BillableMessage(String messageId, String wabaId, String phoneNumberId, PricingCategory category,
        PricingType type, String market, Instant deliveredAt, boolean insideServiceWindow) {

    /** The same record billed in another category (docs/per-message-pricing.md 4, "Authentication-international"). */
    public BillableMessage billedAs(PricingCategory billed) {
        return billed == category ? this : new BillableMessage(messageId, wabaId, phoneNumberId, billed, type, market,
                deliveredAt, insideServiceWindow);
    }
}
