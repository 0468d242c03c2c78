package com.wabilling.invoicing;

import java.time.YearMonth;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.RateCard;

/** Prices one account's month from its conversations or pricing records and decides what to store (docs/billing-rules.md 4). */
public class InvoiceProcessor implements ItemProcessor<BillingAccount, InvoicePlan> {

    private final InvoiceDao invoices;
    private final RateCard rates;
    private final YearMonth month;
    private final String correct;
    private final boolean whatIf;
    private final MessagesExplanationFile messages;
    private final java.nio.file.Path booksDir;
    private final PlanInvoiceLines plans;

    /**
     * @param booksDir the month's folder of books, where each per-message explanation is staged
     * @param plans the price plans' lines (docs/billing-rules.md 4.6), or null when nobody is on a plan
     */
    InvoiceProcessor(InvoiceDao invoices, RateCard rates, InvoiceRun run, MessagesExplanationFile messages,
            java.nio.file.Path booksDir, PlanInvoiceLines plans) {
        this.plans = plans;
        this.invoices = invoices;
        this.rates = rates;
        this.month = run.month();
        this.correct = run.correct();
        this.whatIf = run.isWhatIf();
        this.messages = messages;
        this.booksDir = booksDir;
    }

    @Override
    public InvoicePlan process(BillingAccount account) {
        if (whatIf) {
            return null; // a what-if stores nothing: its report step prices the month (WhatIfReport)
        }
        ComputedInvoice computed;
        MessagesExplanationFile.Staged staged = null;
        if (BillingMonth.regime(month).perMessage()) { // docs/per-message-pricing.md 4
            // one pass over the month's pricing records gives the invoice and its explanation
            staged = messages.stage(booksDir, account, month);
            computed = staged.invoice();
        } else {
            InvoiceCalculator calculator = new InvoiceCalculator(account, rates);
            invoices.forEachConversation(account, month, calculator::accept);
            computed = calculator.result();
        }
        if (plans != null) {
            computed = plans.add(account, computed);
        }
        InvoicePlan plan = InvoicePlan.of(account, month, computed, invoices.invoices(account.wabaId(), month), correct);
        // docs/billing-rules.md 4.4, "An explanation is priced once": recorded with the draft it explains, in the same chunk
        return staged == null ? plan : messages.keep(staged, plan);
    }
}
