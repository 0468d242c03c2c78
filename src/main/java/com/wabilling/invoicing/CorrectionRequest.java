package com.wabilling.invoicing;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.Refusal;

/**
 * What correct= may name (docs/billing-rules.md 4.5), checked with the month's other refusals before anything is
 * written, and again when a failed run resumes: a finalized invoice of this month, named by its number, that
 * no credit note reverses yet, of an account still in accounts.csv (the new invoice is computed under today's
 * reference files), billed with its adjustments at one VAT rate. Each refusal names the command to run instead.
 */
final class CorrectionRequest {

    private CorrectionRequest() {
    }

    static void check(InvoiceDao invoices, InvoiceRun run, List<BillingAccount> accounts, String accountsFile) {
        String reference = run.correct();
        if (reference == null) {
            return;
        }
        YearMonth month = run.month();
        InvoiceDao.Located located = invoices.locate(reference).orElseThrow(() -> new Refusal("correct=" + reference
                + ": no invoice is numbered " + reference, "look the number up in the invoice_number column of"
                        + " out/invoices/" + month + "/summary.csv, then run " + command(month, "<that number>")));
        if (located.status() == StoredInvoice.Status.DRAFT) {
            throw new Refusal("correct=" + reference + ": " + located.invoiceId() + " is a DRAFT, not finalized: it was"
                    + " never numbered or sent, so there is nothing to credit, and every invoice run replaces it",
                    "fix the reference file, then run jobs/wa-billing invoice month=" + located.month()
                            + " rerun=<new value> (without correct=) to draft it again");
        }
        if (!reference.equals(located.invoiceNumber())) {
            throw new Refusal("correct= takes an invoice number: " + reference + " is numbered "
                    + located.invoiceNumber(), "run " + command(located.month(), located.invoiceNumber()));
        }
        if (!located.month().equals(month)) {
            throw new Refusal("correct=" + reference + ": " + reference + " (" + located.invoiceId() + ") bills "
                    + located.month() + ", not " + month, "run " + command(located.month(), reference));
        }
        List<StoredInvoice> stored = invoices.invoices(located.wabaId(), month);
        StoredInvoice target = find(stored, located.invoiceId()).orElseThrow();
        Optional<StoredInvoice> current = Corrections.current(stored);
        if (target.kind() == StoredInvoice.Kind.ADJUSTMENT) {
            String invoice = number(stored, target.referencesInvoiceId());
            throw new Refusal("correct=" + reference + ": " + reference + " is an adjustment of " + invoice + "; a"
                    + " correction credits an invoice together with all its adjustments", "run " + command(month, invoice));
        }
        if (target.kind() == StoredInvoice.Kind.CREDIT_NOTE) {
            throw new Refusal("correct=" + reference + ": " + reference + " is a credit note (it reverses "
                    + number(stored, target.referencesInvoiceId()) + " in full); a credit note is never corrected",
                    next(month, current));
        }
        Optional<StoredInvoice> credit = Corrections.creditedBy(target, stored);
        if (credit.isPresent()) {
            throw new Refusal("correct=" + reference + ": " + reference + " was already credited in full by credit note "
                    + credit.get().invoiceNumber() + " (" + credit.get().invoiceId() + ")"
                    + current.map(c -> "; the invoice that replaced it is " + c.invoiceNumber() + " (" + c.invoiceId()
                            + ")").orElse(""), next(month, current));
        }
        if (accounts.stream().noneMatch(a -> a.wabaId().equals(located.wabaId()))) {
            throw new Refusal("correct=" + reference + ": " + reference + " bills waba_id " + located.wabaId()
                    + ", which has no row in " + accountsFile + ", and the new invoice is computed under today's"
                    + " accounts.csv", Refusal.fixThenSameCommand("accounts.csv (add that account back)"));
        }
        List<String> billed = Corrections.billed(target, stored).stream().map(StoredInvoice::invoiceId).toList();
        String mixed = CreditNoteVat.mixed(invoices.summary(month).stream().filter(r -> billed.contains(r.invoiceId()))
                .map(InvoiceDao.SummaryRow::vat).toList());
        if (!mixed.isEmpty()) {
            throw new Refusal("correct=" + reference + ": " + mixed, "this version cannot credit " + reference
                    + " in one credit note: issue the credit note outside wa-billing, one VAT rate per document"
                    + " (docs/billing-rules.md 4.5)");
        }
    }

    private static String next(YearMonth month, Optional<StoredInvoice> current) {
        return current.map(c -> "to correct the invoice in force, run " + command(month, c.invoiceNumber()))
                .orElse("nothing is left to correct in this account's month");
    }

    private static String command(YearMonth month, String number) {
        return "jobs/wa-billing invoice month=" + month + " " + InvoiceRun.CORRECT + "=" + number;
    }

    private static Optional<StoredInvoice> find(List<StoredInvoice> stored, String invoiceId) {
        return stored.stream().filter(i -> i.invoiceId().equals(invoiceId)).findFirst();
    }

    private static String number(List<StoredInvoice> stored, String invoiceId) {
        return find(stored, invoiceId).map(StoredInvoice::invoiceNumber).orElse(invoiceId);
    }
}
