package com.wabilling.pricing;

/**
 * What-if re-rating: the decision another per-message regime makes for a message already
 * priced, from what its pricing record keeps: the category, whether it was a free entry point message
 * (those are free under every per-message regime) and whether it was inside the customer service window.
 */
public final class Rerating {

    private Rerating() {
    }

    public static MessagePrice reprice(Regime target, PricingCategory category, PricingType storedType,
            boolean insideServiceWindow) {
        if (storedType == PricingType.FREE_ENTRY_POINT || category == PricingCategory.REFERRAL_CONVERSION) {
            return MessagePricing.decide(target, true, DeliveredContent.nonTemplate(), true);
        }
        DeliveredContent content = category == PricingCategory.SERVICE ? DeliveredContent.nonTemplate()
                : category == PricingCategory.MARKETING_LITE
                        ? DeliveredContent.template(PricingCategory.MARKETING).viaMarketingMessagesApi()
                        : DeliveredContent.template(category);
        // anomalies were reported when the message was reconstructed; a what-if does not report them again
        MessagePrice price = MessagePricing.decide(target, false, content, insideServiceWindow);
        return new MessagePrice(price.category(), price.type(), price.awaitsServiceFreeTier(), java.util.Set.of());
    }
}
