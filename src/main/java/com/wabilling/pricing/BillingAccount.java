package com.wabilling.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

/**
 * A billing account (docs/formats.md, accounts.csv): a WABA with its own time zone, currency and markup, and
 * the portfolio (business) that owns it, over which volume tiers count (docs/per-message-pricing.md 3).
 */
public record BillingAccount(String wabaId, String name, ZoneId zone, Currency currency, BigDecimal markupPercent,
        String portfolioId) {

    /** docs/formats.md accounts.csv: portfolio_id defaults to the waba_id. */
    public BillingAccount {
        if (portfolioId == null || portfolioId.isEmpty()) {
            portfolioId = wabaId;
        }
    }

    /** An account that is its own portfolio. */
    public BillingAccount(String wabaId, String name, ZoneId zone, Currency currency, BigDecimal markupPercent) {
        this(wabaId, name, zone, currency, markupPercent, wabaId);
    }

    /** docs/billing-rules.md 4.1: month M is [first day of M 00:00, first day of M+1 00:00) in the account's zone. */
    public Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}
