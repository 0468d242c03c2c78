package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.wabilling.pricing.BillingAccount;

/**
 * Correcting a finalized invoice whose lines were right but whose terms were wrong (docs/billing-rules.md 4.5,
 * "Correcting a finalized invoice"): a CREDIT NOTE reverses the invoice and every finalized adjustment of it in
 * full, each line negated as it was billed, and a new INVOICE replaces it, computed under today's reference
 * files. Pure: which invoice of an account's month is current, what a credit note holds, and the ids.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The account's current invoice of the month: the finalized INVOICE that no finalized credit note reverses
     * (the first one, or the replacement of the last correction); empty while none is finalized.
     */
    public static Optional<StoredInvoice> current(List<StoredInvoice> stored) {
        return stored.stream().filter(StoredInvoice::isFinalized).filter(i -> i.kind() == StoredInvoice.Kind.INVOICE)
                .filter(i -> creditedBy(i, stored).isEmpty()).findFirst();
    }

    /** The finalized credit note that reverses this invoice, if any. */
    public static Optional<StoredInvoice> creditedBy(StoredInvoice invoice, List<StoredInvoice> stored) {
        return stored.stream().filter(StoredInvoice::isFinalized).filter(i -> i.kind() == StoredInvoice.Kind.CREDIT_NOTE)
                .filter(i -> invoice.invoiceId().equals(i.referencesInvoiceId())).findFirst();
    }

    /** What an invoice stands for now: itself and its finalized adjustments, in id order. */
    public static List<StoredInvoice> billed(StoredInvoice invoice, List<StoredInvoice> stored) {
        return stored.stream().filter(StoredInvoice::isFinalized)
                .filter(i -> i.invoiceId().equals(invoice.invoiceId()) || i.kind() == StoredInvoice.Kind.ADJUSTMENT
                        && invoice.invoiceId().equals(i.referencesInvoiceId()))
                .toList();
    }

    /**
     * The credit note of an invoice and its adjustments: their lines added up and negated, and the markups
     * they billed, negated. Every amount was rounded when it was billed, so the credit note rounds nothing:
     * it is the exact negative of what was billed, to the cent.
     */
    public static ComputedInvoice creditNote(List<StoredInvoice> billed) {
        List<InvoiceLine> lines = Adjustments.sum(billed.stream().map(StoredInvoice::lines).toList()).stream()
                .map(l -> l.with(-l.quantity(), -l.free(), -l.billable(), l.amount().negate())).toList();
        BigDecimal subtotal = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal markup = billed.stream().map(StoredInvoice::markup).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        // quantity and billable count Meta's units, not a price plan's (docs/billing-rules.md 4.6)
        List<InvoiceLine> meta = lines.stream().filter(l -> !l.isPlanLine()).toList();
        return new ComputedInvoice(lines, meta.stream().mapToLong(InvoiceLine::quantity).sum(),
                meta.stream().mapToLong(InvoiceLine::billable).sum(), subtotal, markup, subtotal.add(markup));
    }

    /** The drafts of a correction of {@code current}: its credit note, then the new invoice (none without conversations). */
    static List<InvoicePlan.Draft> drafts(BillingAccount account, java.time.YearMonth month, StoredInvoice current,
            List<StoredInvoice> stored, ComputedInvoice recomputed) {
        long n = stored.stream().filter(StoredInvoice::isFinalized)
                .filter(i -> i.kind() == StoredInvoice.Kind.CREDIT_NOTE).count() + 1;
        String suffix = account.wabaId() + "-" + month;
        InvoicePlan.Draft creditNote = new InvoicePlan.Draft(creditNoteId(suffix, n), StoredInvoice.Kind.CREDIT_NOTE,
                current.invoiceId(), creditNote(billed(current, stored)));
        if (recomputed.lines().isEmpty()) {
            return List.of(creditNote);
        }
        return List.of(creditNote, new InvoicePlan.Draft(replacementId(suffix, n), StoredInvoice.Kind.INVOICE,
                current.invoiceId(), recomputed));
    }

    /** CRN-waba-month-n: the n-th credit note of the account's month. */
    static String creditNoteId(String wabaAndMonth, long n) {
        return "CRN-" + wabaAndMonth + "-" + n;
    }

    /** INV-waba-month-Rn: the invoice that replaces the one the n-th credit note reverses. */
    static String replacementId(String wabaAndMonth, long n) {
        return "INV-" + wabaAndMonth + "-R" + n;
    }
}
