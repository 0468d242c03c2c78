package com.wabilling.pricing;

import java.util.Objects;
import java.util.Set;

/**
 * The pricing decision for one delivered business message (docs/per-message-pricing.md 2): the category and
 * pricing_type of its pricing record, and the anomalies to report.
 *
 * @param awaitsServiceFreeTier a PMP-2026-10 service message whose type depends on how many service
 *        messages its phone number already had this month: {@link ServiceFreeTier} settles it; until
 *        then {@code type} is {@code REGULAR}, what it costs once the tier is used up
 */
public record MessagePrice(PricingCategory category, PricingType type, boolean awaitsServiceFreeTier,
        Set<PricingAnomaly> anomalies) {

    public MessagePrice {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        anomalies = Set.copyOf(anomalies);
        if (awaitsServiceFreeTier && (category != PricingCategory.SERVICE || type != PricingType.REGULAR)) {
            throw new IllegalArgumentException("only a regular SERVICE message awaits the service free tier");
        }
    }

    /** The same decision with the free tier settled. */
    MessagePrice settled(PricingType settledType) {
        return new MessagePrice(category, settledType, false, anomalies);
    }
}
