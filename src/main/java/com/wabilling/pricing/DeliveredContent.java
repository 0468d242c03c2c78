package com.wabilling.pricing;

import java.util.Objects;

/**
 * What one delivered business message was, as pricing needs it (docs/per-message-pricing.md 2): a template
 * with the category in effect at delivery, a template the catalogue does not know, or a non-template
 * ("service") message, and whether it went through the Marketing Messages API. Built only through the three
 * factories and {@link #viaMarketingMessagesApi}.
 */
public record DeliveredContent(boolean template, PricingCategory templateCategory, boolean notInCatalogue,
        boolean marketingMessagesApi) {

    private static final DeliveredContent NON_TEMPLATE = new DeliveredContent(false, null, false, false);
    private static final DeliveredContent UNKNOWN = new DeliveredContent(true, PricingCategory.MARKETING, true, false);

    public DeliveredContent {
        if (template) {
            Objects.requireNonNull(templateCategory, "templateCategory");
            if (!templateCategory.isTemplateCategory()) {
                throw new IllegalArgumentException(templateCategory + " is not a template category"
                        + " (UTILITY, AUTHENTICATION or MARKETING)");
            }
        } else if (templateCategory != null || notInCatalogue || marketingMessagesApi) {
            throw new IllegalArgumentException("a non-template message has no template category");
        }
    }

    public static DeliveredContent template(PricingCategory category) {
        return new DeliveredContent(true, category, false, false);
    }

    /**
     * The same content sent through Meta's Marketing Messages API (docs/per-message-pricing.md 2 rule 2): a
     * marketing template sent that way is priced as MARKETING_LITE.
     */
    public DeliveredContent viaMarketingMessagesApi() {
        return new DeliveredContent(template, templateCategory, notInCatalogue, true);
    }

    /** docs/per-message-pricing.md 2 rule 2: an unknown template counts as MARKETING. */
    public static DeliveredContent unknownTemplate() {
        return UNKNOWN;
    }

    public static DeliveredContent nonTemplate() {
        return NON_TEMPLATE;
    }
}
