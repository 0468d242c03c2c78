package com.wabilling.plans;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of plans.csv (docs/formats.md, plans.csv): what the BSP charges on top of Meta's fees under a plan, in one
 * currency, from a date on (docs/billing-rules.md 4.6). Every amount is a decimal of the currency, 0 when the file's
 * cell is empty.
 */
public record PricePlan(LocalDate effectiveFrom, String planId, String currency, BigDecimal licencePerPhoneNumber,
        BigDecimal feePerDelivered, BigDecimal feePerInbound, BigDecimal feePerFailed, BigDecimal minimumMonthly) {
}
