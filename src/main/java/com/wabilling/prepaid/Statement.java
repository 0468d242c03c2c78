package com.wabilling.prepaid;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A prepaid account's statement of one month (docs/billing-rules.md 4.7): the balance it opened with, the payments
 * received in the month, the usage settled from it and the balance after it. Pure arithmetic, no rounding: every
 * amount comes in rounded to the currency's decimals.
 */
public record Statement(String wabaId, YearMonth month, String currency, BigDecimal openingBalance, BigDecimal topUps,
        BigDecimal usage, BigDecimal closingBalance, Status status) {

    public enum Status {
        OK, OVERDRAWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** closing = opening + top-ups - usage; overdrawn when the closing balance is below 0. */
    public static Statement of(String wabaId, YearMonth month, String currency, BigDecimal opening, BigDecimal topUps,
            BigDecimal usage) {
        BigDecimal closing = opening.add(topUps).subtract(usage);
        return new Statement(wabaId, month, currency, opening, topUps, usage, closing,
                closing.signum() < 0 ? Status.OVERDRAWN : Status.OK);
    }
}
