package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.conversations.ConversationCategory;
import com.wabilling.pricing.BillingAccount;

/** domain.md 4.5: drafts, and adjustments with the signed difference once an invoice is finalized. */
class InvoicePlanTest {

    private static final BillingAccount ACCOUNT = InvoiceCalculatorTest.account("UTC", "10");
    private static final YearMonth JUNE = YearMonth.of(2023, 6);

    @Test
    void withNothingFinalizedTheRunWritesADraftInvoice() {
        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, invoice(line(ConversationCategory.MARKETING, 10, "0.63")), List.of());

        assertThat(plan.draft().kind()).isEqualTo(StoredInvoice.Kind.INVOICE);
        assertThat(plan.draft().invoiceId()).isEqualTo("INV-100-2023-06");
    }

    @Test
    void anAccountWithoutConversationsGetsNoInvoice() {
        assertThat(InvoicePlan.of(ACCOUNT, JUNE, invoice(), List.of()).draft()).isNull();
    }

    @Test
    void identicalRecomputationAfterFinalizingProducesNothing() {
        ComputedInvoice june = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));

        assertThat(InvoicePlan.of(ACCOUNT, JUNE, june, List.of(finalized("INV-100-2023-06", june))).draft()).isNull();
    }

    @Test
    void lateDataGivesADraftAdjustmentWithTheSignedDifferencePerLine() {
        ComputedInvoice billed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"),
                line(ConversationCategory.UTILITY, 4, "0.14"));
        ComputedInvoice recomputed = invoice(line(ConversationCategory.MARKETING, 11, "0.69"),
                line(ConversationCategory.UTILITY, 3, "0.11"), line(ConversationCategory.AUTHENTICATION, 1, "0.03"));

        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, recomputed, List.of(finalized("INV-100-2023-06", billed)));

        InvoicePlan.Draft adjustment = plan.draft();
        assertThat(adjustment.kind()).isEqualTo(StoredInvoice.Kind.ADJUSTMENT);
        assertThat(adjustment.invoiceId()).isEqualTo("ADJ-100-2023-06-1");
        assertThat(adjustment.referencesInvoiceId()).isEqualTo("INV-100-2023-06");
        assertThat(adjustment.invoice().lines()).extracting(l -> l.category() + " " + l.billable() + " " + l.amount())
                .containsExactly("AUTHENTICATION 1 0.03", "MARKETING 1 0.06", "UTILITY -1 -0.03");
        assertThat(adjustment.invoice().subtotal()).isEqualByComparingTo("0.06");
        // markup of the whole month now (0.09) minus markup already billed (0.08)
        assertThat(adjustment.invoice().markup()).isEqualByComparingTo(
                recomputed.markup().subtract(billed.markup()));
        assertThat(adjustment.invoice().total()).isEqualByComparingTo(
                recomputed.total().subtract(billed.total()));
    }

    @Test
    void aSecondAdjustmentCountsWhatTheFirstAlreadyCorrected() {
        ComputedInvoice original = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));
        ComputedInvoice firstFix = invoice(line(ConversationCategory.MARKETING, 1, "0.06"));
        ComputedInvoice now = invoice(line(ConversationCategory.MARKETING, 12, "0.75"));

        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, now, List.of(finalized("INV-100-2023-06", original),
                new StoredInvoice("ADJ-100-2023-06-1", "WA-000002", StoredInvoice.Kind.ADJUSTMENT,
                        StoredInvoice.Status.FINALIZED, "INV-100-2023-06", firstFix.subtotal(), firstFix.markup(),
                        firstFix.lines())));

        assertThat(plan.draft().invoiceId()).isEqualTo("ADJ-100-2023-06-2");
        assertThat(plan.draft().invoice().lines()).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("0.06"));
    }

    private static InvoiceLine line(ConversationCategory category, long billable, String amount) {
        return new InvoiceLine(category, "Brazil", new BigDecimal("0.0625"), billable, 0, billable,
                new BigDecimal(amount));
    }

    private static ComputedInvoice invoice(InvoiceLine... lines) {
        return InvoiceCalculator.totals(List.of(lines), ACCOUNT);
    }

    private static StoredInvoice finalized(String id, ComputedInvoice invoice) {
        return new StoredInvoice(id, "WA-000001", StoredInvoice.Kind.INVOICE, StoredInvoice.Status.FINALIZED, null,
                invoice.subtotal(), invoice.markup(), invoice.lines());
    }
}
