package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.Comparator;

import com.wabilling.pricing.ConversationCategory;

/**
 * One line of an invoice (domain.md 4.4): conversations of one (category, market, unit price).
 * In an adjustment every number is the signed difference to what was already finalized.
 */
public record InvoiceLine(ConversationCategory category, String market, BigDecimal unitPrice, long conversations,
        long free, long billable, BigDecimal amount) {

    /** formats.md: lines sorted by category, market, unit_price. */
    public static final Comparator<InvoiceLine> ORDER = Comparator.comparing((InvoiceLine l) -> l.category().name())
            .thenComparing(InvoiceLine::market).thenComparing(InvoiceLine::unitPrice);

    /** Lines are the same line when category, market and unit price are equal (any scale). */
    public Key key() {
        return new Key(category, market, unitPrice.stripTrailingZeros());
    }

    public record Key(ConversationCategory category, String market, BigDecimal unitPrice) {
    }

    public boolean isZero() {
        return conversations == 0 && free == 0 && billable == 0 && amount.signum() == 0;
    }
}
