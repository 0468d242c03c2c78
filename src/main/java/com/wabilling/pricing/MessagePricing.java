package com.wabilling.pricing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Prices one delivered business message under a per-message regime (docs/per-message-pricing.md 2 rules 1-3).
 * Pure: the caller keeps the per-scope state (windows, pending referrals) and says where the message
 * falls; the service free tier, which counts across customers, is {@link ServiceFreeTier}'s.
 */
public final class MessagePricing {

    private MessagePricing() {
    }

    /**
     * @param freeEntryPoint the message is inside an open FEP window, or opens one (a referral is pending)
     * @param insideServiceWindow delivered inside the customer service window
     */
    public static MessagePrice decide(Regime regime, boolean freeEntryPoint, DeliveredContent content,
            boolean insideServiceWindow) {
        if (!regime.perMessage()) {
            throw new IllegalArgumentException(regime.name() + " bills conversations, not messages;"
                    + " per-message pricing needs a regime from 2025-07-01 on");
        }
        Set<PricingAnomaly> anomalies = anomalies(content, insideServiceWindow);
        if (freeEntryPoint) { // rule 1, whatever the content
            return new MessagePrice(PricingCategory.REFERRAL_CONVERSION, PricingType.FREE_ENTRY_POINT, false, anomalies);
        }
        if (content.template()) { // rule 2
            PricingCategory c = content.templateCategory();
            boolean freeUtility = c == PricingCategory.UTILITY && insideServiceWindow
                    && !regime.utilityInServiceWindowCharged();
            if (c == PricingCategory.MARKETING && content.marketingMessagesApi()) {
                c = PricingCategory.MARKETING_LITE; // its own category, at the marketing rate (section 4)
            }
            return new MessagePrice(c, freeUtility ? PricingType.FREE_CUSTOMER_SERVICE : PricingType.REGULAR, false,
                    anomalies);
        }
        // rule 3: service messages; the window does not make them free, only the regime and its tier do
        if (regime.everyServiceMessageFree()) {
            return new MessagePrice(PricingCategory.SERVICE, PricingType.FREE_CUSTOMER_SERVICE, false, anomalies);
        }
        return new MessagePrice(PricingCategory.SERVICE, PricingType.REGULAR, true, anomalies);
    }

    // reported whatever rule prices the message, as in the conversation era (docs/billing-rules.md 3.3 rules 4-5)
    private static Set<PricingAnomaly> anomalies(DeliveredContent content, boolean insideServiceWindow) {
        Set<PricingAnomaly> anomalies = EnumSet.noneOf(PricingAnomaly.class);
        if (content.notInCatalogue()) {
            anomalies.add(PricingAnomaly.UNKNOWN_TEMPLATE);
        }
        if (!content.template() && !insideServiceWindow) {
            anomalies.add(PricingAnomaly.OUTSIDE_SERVICE_WINDOW);
        }
        return anomalies;
    }
}
