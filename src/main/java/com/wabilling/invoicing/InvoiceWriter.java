package com.wabilling.invoicing;

import java.time.Clock;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Replaces the drafts of each account's month with the plan's drafts, if any. */
public class InvoiceWriter implements ItemWriter<InvoicePlan> {

    private final InvoiceDao invoices;
    private final long runId;
    private final Clock clock;

    public InvoiceWriter(InvoiceDao invoices, long runId, Clock clock) {
        this.invoices = invoices;
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends InvoicePlan> chunk) {
        for (InvoicePlan plan : chunk) {
            invoices.deleteDrafts(plan.account().wabaId(), plan.month());
            for (InvoicePlan.Draft draft : plan.drafts()) {
                invoices.insertDraft(draft, plan.account(), plan.month(), runId, clock.instant(), plan.explanationOf(draft));
            }
        }
    }
}
