package com.wabilling.plans;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * One row of plans.csv (docs/formats.md, plans.csv), checked; a bad cell stops the job naming its column
 * (ReferenceCsv names the file, record and line).
 */
final class PricePlanRows {

    static final List<String> COLUMNS = List.of("effective_from", "plan_id", "currency", "licence_per_phone_number",
            "fee_per_delivered", "fee_per_inbound", "fee_per_failed", "minimum_monthly");

    /** docs/formats.md, plans.csv: a fee per number or message above this is a typo (a misplaced decimal point). */
    static final BigDecimal MAX_FEE = new BigDecimal("10000");
    /** docs/formats.md, plans.csv: the highest minimum commitment per month. */
    static final BigDecimal MAX_MINIMUM = new BigDecimal("10000000");

    private static final String PLAN_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private PricePlanRows() {
    }

    static PricePlan row(Map<String, String> r) {
        LocalDate from;
        try {
            from = LocalDate.parse(value(r, "effective_from"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("effective_from is not a date (YYYY-MM-DD): '" + value(r, "effective_from")
                    + "'");
        }
        String planId = value(r, "plan_id");
        if (!planId.matches(PLAN_ID)) {
            throw new IllegalArgumentException("plan_id must be 1 to 64 letters, digits, '_', '.' or '-': '" + planId
                    + "'");
        }
        Currency currency = currency(value(r, "currency"));
        int digits = currency.getDefaultFractionDigits();
        return new PricePlan(from, planId, currency.getCurrencyCode(),
                amount(r, "licence_per_phone_number", MAX_FEE, 6), amount(r, "fee_per_delivered", MAX_FEE, 6),
                amount(r, "fee_per_inbound", MAX_FEE, 6), amount(r, "fee_per_failed", MAX_FEE, 6),
                amount(r, "minimum_monthly", MAX_MINIMUM, digits));
    }

    private static BigDecimal amount(Map<String, String> r, String column, BigDecimal max, int decimals) {
        String value = value(r, column);
        if (value.isEmpty()) {
            return BigDecimal.ZERO; // docs/formats.md, plans.csv: an empty cell is 0
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a decimal number: '" + value + "'");
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException(column + " must be an amount >= 0 with up to " + decimals
                    + " decimals: " + value);
        }
        if (amount.compareTo(max) > 0) {
            throw new IllegalArgumentException(column + ": " + value + " is above the maximum of " + max.toPlainString()
                    + " (a misplaced decimal point?)");
        }
        return amount;
    }

    private static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new IllegalArgumentException("currency is not the ISO 4217 code of money: '" + code + "'");
    }

    private static String value(Map<String, String> r, String column) {
        String value = r.get(column);
        return value == null ? "" : value.trim();
    }
}
