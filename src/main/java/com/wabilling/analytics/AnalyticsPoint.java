package com.wabilling.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One data point of Meta's {@code pricing_analytics} (docs/operations.md, "Reconciling with Meta's pricing
 * analytics"): a WABA's volume and approximate cost in [start, end) for one pricing category and type.
 * {@code country}, {@code phoneNumber} and {@code tier} are empty when the response does not carry them.
 * Category and type are Meta's, upper case with '-' written '_' ({@code authentication-international}
 * and {@code authentication_international} are both AUTHENTICATION_INTERNATIONAL).
 */
public record AnalyticsPoint(String file, String wabaId, Instant start, Instant end, String country,
        String phoneNumber, String tier, String pricingCategory, String pricingType, long volume, BigDecimal cost) {
}
