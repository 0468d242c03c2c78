package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabilling.pricing.BillingAccount;

/**
 * What a run must store for one account's month (docs/billing-rules.md 4.5): a draft invoice while nothing is
 * finalized; once it is, a draft adjustment of the current invoice with the signed difference when some
 * recomputed line's amount differs from what was finalized, and nothing otherwise: counts that moved without
 * money (a late free conversation, a charge that rounding swallows) are no reason to spend an invoice number.
 * A correction (correct=, or one drafted before and not yet finalized) drafts a credit note and a new invoice
 * instead ({@link Corrections}).
 */
public record InvoicePlan(BillingAccount account, YearMonth month, List<Draft> drafts, ExplanationDigest explanation) {

    /** A draft to store. */
    public record Draft(String invoiceId, StoredInvoice.Kind kind, String referencesInvoiceId, ComputedInvoice invoice) {
    }

    public InvoicePlan {
        drafts = List.copyOf(drafts);
    }

    public InvoicePlan(BillingAccount account, YearMonth month, List<Draft> drafts) {
        this(account, month, drafts, null);
    }

    /**
     * The draft an explanation of the month belongs to: the invoice, adjustment or new invoice, never a credit
     * note (its lines file reverses lines as they were billed); null when nothing is drafted.
     */
    public Draft explained() {
        return drafts.stream().filter(d -> d.kind() != StoredInvoice.Kind.CREDIT_NOTE).findFirst().orElse(null);
    }

    /** The same plan, {@code digest} recorded with its explained draft (docs/billing-rules.md 4.4, "An explanation is priced once"). */
    public InvoicePlan withExplanation(ExplanationDigest digest) {
        return new InvoicePlan(account, month, drafts, digest);
    }

    /** What to record with a draft of this plan: the explanation for the explained draft, else null. */
    public ExplanationDigest explanationOf(Draft draft) {
        return draft == explained() ? explanation : null;
    }

    /** The first draft to store, null when nothing new (a correction has two: {@link #drafts}). */
    public Draft draft() {
        return drafts.isEmpty() ? null : drafts.get(0);
    }

    public static InvoicePlan of(BillingAccount account, YearMonth month, ComputedInvoice recomputed,
            List<StoredInvoice> stored) {
        return of(account, month, recomputed, stored, null);
    }

    /**
     * @param correct the number of the invoice this run was asked to correct (correct=), or null; a month whose
     *        stored drafts hold a credit note is being corrected too (a correction stays drafted until finalized)
     */
    public static InvoicePlan of(BillingAccount account, YearMonth month, ComputedInvoice recomputed,
            List<StoredInvoice> stored, String correct) {
        String invoiceId = "INV-" + account.wabaId() + "-" + month;
        StoredInvoice current = Corrections.current(stored).orElse(null);
        if (current == null || correcting(current, stored, correct)) {
            if (!recomputed.lines().isEmpty() && recomputed.total().signum() < 0) {
                // an invoice never bills less than nothing; money given back is an adjustment's (a credit note)
                throw new com.wabilling.support.Refusal(invoiceId + " would have a negative total " + recomputed.total()
                        + " (" + account.name() + ", waba_id " + account.wabaId() + ", markup_percent "
                        + account.markupPercent().toPlainString() + ")", "raise that markup_percent in accounts.csv (at"
                                + " least -100: no discount beyond the whole price), then run the same command again");
            }
        }
        if (current == null) {
            List<Draft> draft = recomputed.lines().isEmpty() ? List.of()
                    : List.of(new Draft(invoiceId, StoredInvoice.Kind.INVOICE, null, recomputed));
            return new InvoicePlan(account, month, draft);
        }
        if (correcting(current, stored, correct)) {
            return new InvoicePlan(account, month, Corrections.drafts(account, month, current, stored, recomputed));
        }
        // later data is compared with the current invoice and its adjustments: after a correction, the
        // replacement (the credited invoice and its adjustments add up to nothing with their credit note)
        List<List<InvoiceLine>> billedLines = new ArrayList<>();
        BigDecimal billedMarkup = BigDecimal.ZERO;
        for (StoredInvoice i : Corrections.billed(current, stored)) {
            billedLines.add(i.lines());
            billedMarkup = billedMarkup.add(i.markup());
        }
        ComputedInvoice billed = InvoiceCalculator.totals(Adjustments.sum(billedLines), account);
        List<InvoiceLine> difference = Adjustments.difference(billed, recomputed);
        if (!Adjustments.movesMoney(difference)) {
            return new InvoicePlan(account, month, List.of());
        }
        ComputedInvoice lines = InvoiceCalculator.totals(difference, account);
        BigDecimal markup = Money.round(recomputed.markup().subtract(billedMarkup), account.currency());
        ComputedInvoice adjustment = new ComputedInvoice(lines.lines(), lines.quantity(), lines.billable(),
                lines.subtotal(), markup, lines.subtotal().add(markup));
        // numbered over the account's month, so that an adjustment of a replacement never reuses an id
        long adjustments = stored.stream().filter(StoredInvoice::isFinalized)
                .filter(i -> i.kind() == StoredInvoice.Kind.ADJUSTMENT).count();
        return new InvoicePlan(account, month, List.of(new Draft("ADJ-" + account.wabaId() + "-" + month + "-"
                + (adjustments + 1), StoredInvoice.Kind.ADJUSTMENT, current.invoiceId(), adjustment)));
    }

    private static boolean correcting(StoredInvoice current, List<StoredInvoice> stored, String correct) {
        return current.invoiceNumber().equals(correct) || stored.stream()
                .anyMatch(i -> !i.isFinalized() && i.kind() == StoredInvoice.Kind.CREDIT_NOTE);
    }
}
