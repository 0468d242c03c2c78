package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Rounding to a currency's minor unit, HALF_UP (docs/billing-rules.md 4.4). */
public final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** A unit price as shown: 0.0300 and 0.03 are one price, without trailing zeros but with at least the currency's decimals. */
    public static BigDecimal displayPrice(BigDecimal price, int currencyDigits) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.setScale(Math.max(stripped.scale(), currencyDigits));
    }

    /** Markup = subtotal × markup% rounded HALF_UP once. */
    public static BigDecimal markup(BigDecimal subtotal, BigDecimal markupPercent, Currency currency) {
        return round(subtotal.multiply(markupPercent).divide(HUNDRED), currency);
    }
}
