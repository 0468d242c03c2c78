package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.Vat;

/**
 * Everything a client's document shows of one invoice (docs/invoice-documents.md 3), the same numbers as the
 * CSV books: the PDF and the UBL file are both rendered from it.
 *
 * @param number null for a draft (drafts are unnumbered, marked DRAFT, and get no UBL file)
 * @param referencedNumber the number of the invoice an adjustment corrects, else null
 * @param periodFirstDay the first local day of the billing month, {@code periodLastDay} its last
 * @param quantityLabel "conversations" or "messages"
 * @param subtotal the lines' total (Meta's cost); {@code markup} the BSP's service fee on it
 * @param eurRate euros per unit of the currency on the issue date (1 for EUR); null for a draft
 * @param billed for an adjustment, the lines as billed before it (the finalized invoice and the adjustments
 *        finalized before this one, added up), from which each changed line's before and after are shown;
 *        empty for an invoice
 * @param correction what the document is in a correction of a finalized invoice (docs/billing-rules.md 4.5)
 * @param statedVatEur the VAT in euros to state (a credit note: the negative of what the documents it reverses
 *        stated), or null to state the VAT at {@code eurRate}
 */
public record InvoiceDocument(String invoiceId, String number, boolean adjustment, String referencedNumber,
        LocalDate issueDate, LocalDate dueDate, LocalDate periodFirstDay, LocalDate periodLastDay, String timeZone,
        Seller seller, Buyer buyer, Currency currency, String quantityLabel, List<Line> lines, BigDecimal subtotal,
        BigDecimal markup, BigDecimal markupPercent, Vat vat, BigDecimal eurRate, List<Line> billed,
        Correction correction, BigDecimal statedVatEur) {

    /** docs/billing-rules.md 4.5: a credit note reverses an invoice in full, a replacement invoices it again. */
    public enum Correction { NONE, CREDIT_NOTE, REPLACEMENT }

    /** An invoice or an adjustment, no correction. */
    public InvoiceDocument(String invoiceId, String number, boolean adjustment, String referencedNumber,
            LocalDate issueDate, LocalDate dueDate, LocalDate periodFirstDay, LocalDate periodLastDay, String timeZone,
            Seller seller, Buyer buyer, Currency currency, String quantityLabel, List<Line> lines, BigDecimal subtotal,
            BigDecimal markup, BigDecimal markupPercent, Vat vat, BigDecimal eurRate, List<Line> billed) {
        this(invoiceId, number, adjustment, referencedNumber, issueDate, dueDate, periodFirstDay, periodLastDay,
                timeZone, seller, buyer, currency, quantityLabel, lines, subtotal, markup, markupPercent, vat, eurRate,
                billed, Correction.NONE, null);
    }

    /** An invoice: nothing billed before it. */
    public InvoiceDocument(String invoiceId, String number, boolean adjustment, String referencedNumber,
            LocalDate issueDate, LocalDate dueDate, LocalDate periodFirstDay, LocalDate periodLastDay, String timeZone,
            Seller seller, Buyer buyer, Currency currency, String quantityLabel, List<Line> lines, BigDecimal subtotal,
            BigDecimal markup, BigDecimal markupPercent, Vat vat, BigDecimal eurRate) {
        this(invoiceId, number, adjustment, referencedNumber, issueDate, dueDate, periodFirstDay, periodLastDay,
                timeZone, seller, buyer, currency, quantityLabel, lines, subtotal, markup, markupPercent, vat, eurRate,
                List.of());
    }

    /** One invoice line as the books have it ({@code pricingBand}: "band" is an OGNL operator). */
    public record Line(String category, String market, String pricingBand, long quantity, long free, long billable,
            BigDecimal unitPrice, BigDecimal amount) {

        /** The category in words, as a client reads it: FREE_ENTRY_POINT is "Free entry point". */
        public String categoryName() {
            com.wabilling.plans.PlanLine.Kind plan = com.wabilling.plans.PlanLine.Kind.of(category);
            if (plan != null) {
                return plan.label(); // a price plan's line (docs/billing-rules.md 4.6)
            }
            String words = category.replace('_', ' ').toLowerCase(Locale.ROOT);
            return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        public boolean isPlanLine() {
            return com.wabilling.plans.PlanLine.Kind.of(category) != null;
        }

        boolean sameLineAs(Line other) {
            return category.equals(other.category) && market.equals(other.market)
                    && pricingBand.equals(other.pricingBand) && unitPrice.compareTo(other.unitPrice) == 0;
        }
    }

    /** A line an adjustment changes: as billed before it, and after it (before + the adjustment's line). */
    public record Change(Line line, long quantityBefore, BigDecimal amountBefore) {

        public long quantityAfter() {
            return quantityBefore + line.quantity();
        }

        public BigDecimal amountAfter() {
            return amountBefore.add(line.amount());
        }
    }

    /** An adjustment's lines with what was billed for each before it (0 for a line new in it). */
    public List<Change> changes() {
        return lines.stream().map(l -> billed.stream().filter(l::sameLineAs).findFirst()
                .map(b -> new Change(l, b.quantity(), b.amount()))
                .orElse(new Change(l, 0, BigDecimal.ZERO.setScale(l.amount().scale())))).toList();
    }

    /**
     * The heading of the quantity column: "Conversations" or "Messages" for Meta's fees alone, "Quantity" once a
     * price plan's lines count phone numbers and messages of every kind beside them (docs/invoice-documents.md 3).
     */
    public String quantityHeader() {
        boolean plan = lines.stream().anyMatch(Line::isPlanLine) || billed.stream().anyMatch(Line::isPlanLine);
        return plan ? "Quantity" : Character.toUpperCase(quantityLabel.charAt(0)) + quantityLabel.substring(1);
    }

    /** The document's title: a credit note gives money back, a corrective invoice charges more. */
    public String title() {
        return creditNote() ? "Credit note" : adjustment ? "Corrective invoice" : "Invoice";
    }

    /** How the document names the invoice it references (the PDF; {@link #referencedNumber}). */
    public String referenceLabel() {
        return switch (correction) {
            case CREDIT_NOTE -> "Credits in full invoice";
            case REPLACEMENT -> "Replaces invoice";
            case NONE -> "Corrects invoice";
        };
    }

    /** The VAT in euros the Peppol file states, in the books' sign (docs/invoice-documents.md 4). */
    public BigDecimal vatInEur() {
        return statedVatEur != null ? statedVatEur : vat.amount().multiply(eurRate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a line is priced from a volume tier band (the PDF then explains how bands are counted). */
    public boolean usesBands() {
        return lines.stream().anyMatch(l -> !l.pricingBand().isEmpty());
    }

    /** A price plan's lines added up (docs/billing-rules.md 4.6); 0 without a plan. */
    public BigDecimal planFees() {
        return lines.stream().filter(Line::isPlanLine).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean hasPlanFees() {
        return lines.stream().anyMatch(Line::isPlanLine);
    }

    /** Meta's charges: the lines that are no price plan's (the whole subtotal without a plan). */
    public BigDecimal metaCharges() {
        return hasPlanFees() ? subtotal.subtract(planFees()) : subtotal;
    }

    public boolean draft() {
        return number == null;
    }

    /**
     * A negative gross (an adjustment that gives money back) is a credit note (docs/invoice-documents.md 3), and
     * so is a correction's credit note even of an invoice that billed nothing (docs/billing-rules.md 4.5).
     */
    public boolean creditNote() {
        return correction == Correction.CREDIT_NOTE || vat.gross().signum() < 0;
    }

    public BigDecimal net() {
        return vat.net();
    }

    public BigDecimal gross() {
        return vat.gross();
    }
}
