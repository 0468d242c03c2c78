package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.Comparator;

import com.wabilling.plans.PlanLine;
import com.wabilling.pricing.ConversationCategory;

/**
 * One line of an invoice (docs/billing-rules.md 4.4): conversations of one (category, market, unit price), or under
 * a per-message regime messages of one (category, market, band, unit price) (docs/per-message-pricing.md 4);
 * {@code band} is empty for the list rate and for conversation lines; {@code quantity} counts the conversations
 * of a conversation line, the messages of a per-message line, a price plan line's units (the lines file calls
 * it {@code conversations} or {@code messages}, docs/formats.md). In an adjustment every number is the signed
 * difference to what was already finalized.
 */
public record InvoiceLine(String category, String market, String band, BigDecimal unitPrice, long quantity,
        long free, long billable, BigDecimal amount) {

    /**
     * docs/formats.md: lines sorted by category, market, unit_price (then band, which only per-message lines have);
     * a price plan's lines come after Meta's fees, in their own order (docs/billing-rules.md 4.6).
     */
    public static final Comparator<InvoiceLine> ORDER = Comparator.comparingInt(InvoiceLine::planRank)
            .thenComparing(InvoiceLine::category)
            .thenComparing(InvoiceLine::market).thenComparing(InvoiceLine::unitPrice)
            .thenComparing(InvoiceLine::band);

    /** A conversation line. */
    public InvoiceLine(ConversationCategory category, String market, BigDecimal unitPrice, long conversations,
            long free, long billable, BigDecimal amount) {
        this(category.name(), market, "", unitPrice, conversations, free, billable, amount);
    }

    /** Lines are the same line when category, market, band and unit price are equal (any scale). */
    public Key key() {
        return new Key(category, market, band, unitPrice.stripTrailingZeros());
    }

    public record Key(String category, String market, String band, BigDecimal unitPrice) {

        public Key(ConversationCategory category, String market, BigDecimal unitPrice) {
            this(category.name(), market, "", unitPrice);
        }
    }

    /** The same line with other numbers. */
    InvoiceLine with(long quantity, long free, long billable, BigDecimal amount) {
        return new InvoiceLine(category, market, band, unitPrice, quantity, free, billable, amount);
    }

    /** The price plan's kind of this line (docs/billing-rules.md 4.6), or null for one of Meta's fees. */
    public PlanLine.Kind planKind() {
        return PlanLine.Kind.of(category);
    }

    public boolean isPlanLine() {
        return planKind() != null;
    }

    private int planRank() {
        PlanLine.Kind kind = planKind();
        return kind == null ? 0 : 1 + kind.ordinal();
    }

    public boolean isZero() {
        return quantity == 0 && free == 0 && billable == 0 && amount.signum() == 0;
    }
}
