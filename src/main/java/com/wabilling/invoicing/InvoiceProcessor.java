package com.wabilling.invoicing;

import java.time.YearMonth;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.RateCard;

/** Prices one account's month from its conversations and decides what to store (domain.md 4). */
public class InvoiceProcessor implements ItemProcessor<BillingAccount, InvoicePlan> {

    private final InvoiceDao invoices;
    private final RateCard rates;
    private final YearMonth month;

    public InvoiceProcessor(InvoiceDao invoices, RateCard rates, YearMonth month) {
        this.invoices = invoices;
        this.rates = rates;
        this.month = month;
    }

    @Override
    public InvoicePlan process(BillingAccount account) {
        InvoiceCalculator calculator = new InvoiceCalculator(account, rates);
        invoices.forEachConversation(account, month, calculator::accept);
        return InvoicePlan.of(account, month, calculator.result(), invoices.invoices(account.wabaId(), month));
    }
}
