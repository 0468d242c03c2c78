package com.wabilling.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

/** A billing account (formats.md, accounts.csv): a WABA with its own time zone, currency and markup. */
public record BillingAccount(String wabaId, String name, ZoneId zone, Currency currency, BigDecimal markupPercent) {

    /** domain.md 4.1: month M is [first day of M 00:00, first day of M+1 00:00) in the account's zone. */
    public Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}
