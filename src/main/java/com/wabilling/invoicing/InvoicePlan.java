package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabilling.pricing.BillingAccount;

/**
 * What a run must store for one account's month (docs/billing-rules.md 4.5): a draft invoice while nothing is
 * finalized; once it is, a draft adjustment with the signed difference when some recomputed line's
 * amount differs from what was finalized, and nothing otherwise: counts that moved without money (a
 * late free conversation, a charge that rounding swallows) are no reason to spend an invoice number.
 */
public record InvoicePlan(BillingAccount account, YearMonth month, Draft draft) {

    /** A draft to store; {@code draft == null} in the plan means nothing new. */
    public record Draft(String invoiceId, StoredInvoice.Kind kind, String referencesInvoiceId, ComputedInvoice invoice) {
    }

    public static InvoicePlan of(BillingAccount account, YearMonth month, ComputedInvoice recomputed,
            List<StoredInvoice> stored) {
        String invoiceId = "INV-" + account.wabaId() + "-" + month;
        List<StoredInvoice> finalized = stored.stream().filter(StoredInvoice::isFinalized).toList();
        StoredInvoice original = finalized.stream().filter(i -> i.kind() == StoredInvoice.Kind.INVOICE).findFirst()
                .orElse(null);
        if (original == null) {
            if (recomputed.conversations() > 0 && recomputed.total().signum() < 0) {
                // an invoice never bills less than nothing; money given back is an adjustment's (a credit note)
                throw new com.wabilling.support.Refusal(invoiceId + " would have a negative total " + recomputed.total()
                        + " (" + account.name() + ", waba_id " + account.wabaId() + ", markup_percent "
                        + account.markupPercent().toPlainString() + ")", "raise that markup_percent in accounts.csv (at"
                                + " least -100: no discount beyond the whole price), then run the same command again");
            }
            Draft draft = recomputed.conversations() == 0 ? null
                    : new Draft(invoiceId, StoredInvoice.Kind.INVOICE, null, recomputed);
            return new InvoicePlan(account, month, draft);
        }
        List<List<InvoiceLine>> billedLines = new ArrayList<>();
        BigDecimal billedMarkup = BigDecimal.ZERO;
        for (StoredInvoice i : finalized) {
            billedLines.add(i.lines());
            billedMarkup = billedMarkup.add(i.markup());
        }
        ComputedInvoice billed = InvoiceCalculator.totals(Adjustments.sum(billedLines), account);
        List<InvoiceLine> difference = Adjustments.difference(billed, recomputed);
        if (!Adjustments.movesMoney(difference)) {
            return new InvoicePlan(account, month, null);
        }
        ComputedInvoice lines = InvoiceCalculator.totals(difference, account);
        BigDecimal markup = Money.round(recomputed.markup().subtract(billedMarkup), account.currency());
        ComputedInvoice adjustment = new ComputedInvoice(lines.lines(), lines.conversations(), lines.billable(),
                lines.subtotal(), markup, lines.subtotal().add(markup));
        long adjustments = finalized.stream().filter(i -> i.kind() == StoredInvoice.Kind.ADJUSTMENT).count();
        return new InvoicePlan(account, month, new Draft("ADJ-" + account.wabaId() + "-" + month + "-" + (adjustments + 1),
                StoredInvoice.Kind.ADJUSTMENT, original.invoiceId(), adjustment));
    }
}
