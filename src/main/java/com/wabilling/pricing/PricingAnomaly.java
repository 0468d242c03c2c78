package com.wabilling.pricing;

/** What a pricing decision reports without refusing the message (docs/per-message-pricing.md 2, docs/billing-rules.md 3.3). */
public enum PricingAnomaly {
    /** Rule 2: the catalogue does not know the template; priced as MARKETING. */
    UNKNOWN_TEMPLATE("unknown_template"),
    /** Rule 3: a non-template message delivered outside the customer service window; still priced. */
    OUTSIDE_SERVICE_WINDOW("outside_service_window");

    private final String code;

    PricingAnomaly(String code) {
        this.code = code;
    }

    /** The anomaly code of the reconstruct report, the same as in the conversation era. */
    public String code() {
        return code;
    }
}
