package com.wabilling.plans;

import java.math.BigDecimal;

/**
 * One line a price plan adds to a month's invoice (docs/billing-rules.md 4.6): its kind, how many (numbers, messages;
 * 1 for the minimum commitment), the unit price and the amount, rounded HALF_UP to the currency's decimals.
 */
public record PlanLine(Kind kind, long quantity, BigDecimal unitPrice, BigDecimal amount) {

    /** In the order the invoice shows them, after Meta's fees. */
    public enum Kind {
        LICENCE("Licence per phone number"), PLATFORM_DELIVERED("Platform fee, delivered messages"),
        PLATFORM_INBOUND("Platform fee, inbound messages"), PLATFORM_FAILED("Platform fee, failed messages"),
        MINIMUM_COMMITMENT("Minimum monthly commitment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The line in words on the client's documents (docs/invoice-documents.md). */
        public String label() {
            return label;
        }

        /** The kind a stored line's category names, or null for one of Meta's fees. */
        public static Kind of(String category) {
            for (Kind k : values()) {
                if (k.name().equals(category)) {
                    return k;
                }
            }
            return null;
        }
    }
}
