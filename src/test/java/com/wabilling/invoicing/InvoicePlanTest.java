package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;

/** docs/billing-rules.md 4.5: drafts, and adjustments with the signed difference once an invoice is finalized. */
class InvoicePlanTest {

    private static final BillingAccount ACCOUNT = InvoiceCalculatorTest.account("UTC", "10");
    private static final YearMonth JUNE = YearMonth.of(2023, 6);

    @Test
    void withNothingFinalizedTheRunWritesADraftInvoice() {
        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, invoice(line(ConversationCategory.MARKETING, 10, "0.63")), List.of());

        assertThat(plan.draft().kind()).isEqualTo(StoredInvoice.Kind.INVOICE);
        assertThat(plan.draft().invoiceId()).isEqualTo("INV-100-2023-06");
        // 0.63 at 10 %: markup 0.063 -> 0.06 (HALF_UP, 2 decimals), total 0.63 + 0.06 = 0.69
        assertThat(plan.draft().invoice().subtotal()).isEqualByComparingTo("0.63");
        assertThat(plan.draft().invoice().markup()).isEqualByComparingTo("0.06");
        assertThat(plan.draft().invoice().total()).isEqualByComparingTo("0.69");
    }

    @Test
    void anAccountWithoutConversationsGetsNoInvoice() {
        assertThat(InvoicePlan.of(ACCOUNT, JUNE, invoice(), List.of()).draft()).isNull();
    }

    @Test
    void identicalRecomputationAfterFinalizingProducesNothing() {
        ComputedInvoice june = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));

        // 0.63 at 10 %: markup 0.063 -> 0.06
        assertThat(InvoicePlan.of(ACCOUNT, JUNE, june, List.of(finalized("INV-100-2023-06", "0.06", june))).draft())
                .isNull();
    }

    @Test
    void aRecomputationThatMovesCountsButNoMoneyDraftsNoAdjustment() {
        // a late free SERVICE conversation (free tier): its line gains a conversation and a free one, amount 0
        InvoiceLine service = new InvoiceLine(ConversationCategory.SERVICE, "Brazil", new BigDecimal("0.03"), 1, 1, 0,
                new BigDecimal("0.00"));
        InvoiceLine serviceLater = new InvoiceLine(ConversationCategory.SERVICE, "Brazil", new BigDecimal("0.03"), 2, 2,
                0, new BigDecimal("0.00"));
        // and a charged one that rounding swallows: 10 x 0.0008 = 0.008 -> 0.01, 11 x 0.0008 = 0.0088 -> 0.01
        InvoiceLine utility = new InvoiceLine(ConversationCategory.UTILITY, "Colombia", new BigDecimal("0.0008"), 10, 0,
                10, new BigDecimal("0.01"));
        InvoiceLine utilityLater = new InvoiceLine(ConversationCategory.UTILITY, "Colombia", new BigDecimal("0.0008"),
                11, 0, 11, new BigDecimal("0.01"));
        ComputedInvoice billed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"), service, utility);
        ComputedInvoice recomputed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"), serviceLater,
                utilityLater);

        // 0.63 + 0.00 + 0.01 = 0.64 at 10 %: markup 0.064 -> 0.06, before and after
        assertThat(InvoicePlan.of(ACCOUNT, JUNE, recomputed, List.of(finalized("INV-100-2023-06", "0.06", billed)))
                .draft()).isNull();
    }

    @Test
    void whenMoneyMovesTheAdjustmentAlsoCarriesTheLinesWhoseCountsAloneChanged() {
        InvoiceLine service = new InvoiceLine(ConversationCategory.SERVICE, "Brazil", new BigDecimal("0.03"), 1, 1, 0,
                new BigDecimal("0.00"));
        InvoiceLine serviceLater = new InvoiceLine(ConversationCategory.SERVICE, "Brazil", new BigDecimal("0.03"), 2, 2,
                0, new BigDecimal("0.00"));
        ComputedInvoice billed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"), service);
        ComputedInvoice recomputed = invoice(line(ConversationCategory.MARKETING, 11, "0.69"), serviceLater);

        // billed 0.63, markup 0.063 -> 0.06; now 0.69, markup 0.069 -> 0.07: the adjustment 0.06 + 0.01
        InvoicePlan.Draft adjustment = InvoicePlan.of(ACCOUNT, JUNE, recomputed,
                List.of(finalized("INV-100-2023-06", "0.06", billed))).draft();
        assertThat(adjustment.invoice().lines()).extracting(l -> l.category() + " " + l.quantity() + " "
                + l.amount()).containsExactly("MARKETING 1 0.06", "SERVICE 1 0.00");
        assertThat(adjustment.invoice().total()).isEqualByComparingTo("0.07");
    }

    @Test
    void lateDataGivesADraftAdjustmentWithTheSignedDifferencePerLine() {
        ComputedInvoice billed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"),
                line(ConversationCategory.UTILITY, 4, "0.14"));
        ComputedInvoice recomputed = invoice(line(ConversationCategory.MARKETING, 11, "0.69"),
                line(ConversationCategory.UTILITY, 3, "0.11"), line(ConversationCategory.AUTHENTICATION, 1, "0.03"));

        // billed: 0.63 + 0.14 = 0.77, markup 0.077 -> 0.08, total 0.85
        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, recomputed,
                List.of(finalized("INV-100-2023-06", "0.08", billed)));

        InvoicePlan.Draft adjustment = plan.draft();
        assertThat(adjustment.kind()).isEqualTo(StoredInvoice.Kind.ADJUSTMENT);
        assertThat(adjustment.invoiceId()).isEqualTo("ADJ-100-2023-06-1");
        assertThat(adjustment.referencesInvoiceId()).isEqualTo("INV-100-2023-06");
        assertThat(adjustment.invoice().lines()).extracting(l -> l.category() + " " + l.billable() + " " + l.amount())
                .containsExactly("AUTHENTICATION 1 0.03", "MARKETING 1 0.06", "UTILITY -1 -0.03");
        // 0.03 + 0.06 - 0.03 = 0.06
        assertThat(adjustment.invoice().subtotal()).isEqualByComparingTo("0.06");
        // the month now: 0.69 + 0.11 + 0.03 = 0.83, markup 0.083 -> 0.08, total 0.91. The adjustment's
        // markup is that 0.08 minus the 0.08 already billed = 0.00 (not 10 % of 0.06 = 0.006 -> 0.01),
        // so invoice plus adjustment = 0.85 + 0.06 = 0.91, the month as computed now
        assertThat(adjustment.invoice().markup()).isEqualByComparingTo("0.00");
        assertThat(adjustment.invoice().total()).isEqualByComparingTo("0.06");
    }

    @Test
    void aSecondAdjustmentCountsWhatTheFirstAlreadyCorrected() {
        ComputedInvoice original = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));
        ComputedInvoice firstFix = invoice(line(ConversationCategory.MARKETING, 1, "0.06"));
        ComputedInvoice now = invoice(line(ConversationCategory.MARKETING, 12, "0.75"));

        // original 0.63: markup 0.063 -> 0.06; the first adjustment 0.06 carried markup 0.006 -> 0.01
        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, now, List.of(finalized("INV-100-2023-06", "0.06", original),
                new StoredInvoice("ADJ-100-2023-06-1", "WA-000002", StoredInvoice.Kind.ADJUSTMENT,
                        StoredInvoice.Status.FINALIZED, "INV-100-2023-06", new BigDecimal("0.06"),
                        new BigDecimal("0.01"), firstFix.lines())));

        assertThat(plan.draft().invoiceId()).isEqualTo("ADJ-100-2023-06-2");
        // billed so far 0.63 + 0.06 = 0.69 for 11 conversations; now 0.75 for 12: one more, 0.06
        assertThat(plan.draft().invoice().lines()).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("0.06"))
                .satisfies(l -> assertThat(l.billable()).isEqualTo(1));
        assertThat(plan.draft().invoice().subtotal()).isEqualByComparingTo("0.06");
        // the month now: 0.75 at 10 % = 0.075 -> 0.08 (HALF_UP); billed markups 0.06 + 0.01 = 0.07;
        // this adjustment's markup 0.08 - 0.07 = 0.01, total 0.06 + 0.01 = 0.07
        assertThat(plan.draft().invoice().markup()).isEqualByComparingTo("0.01");
        assertThat(plan.draft().invoice().total()).isEqualByComparingTo("0.07");
    }

    @Test
    void aChangedMarkupAloneDraftsNoAdjustment() {
        // docs/billing-rules.md 4.5: an adjustment is drafted only when a line differs, so a
        // markup fixed in accounts.csv after finalizing is corrected by a credit note and a new invoice (correct=)
        ComputedInvoice june = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));
        BillingAccount fixed = InvoiceCalculatorTest.account("UTC", "20");

        assertThat(InvoicePlan.of(fixed, JUNE, InvoiceCalculator.totals(june.lines(), fixed),
                List.of(finalized("INV-100-2023-06", "0.06", june))).draft()).isNull();
    }

    @Test
    void anInvoiceWithANegativeTotalIsRefusedAndAnAdjustmentMayBeNegative() {
        // accounts.csv refuses a markup below -100 %; an account built past that check must not bill below zero
        BillingAccount giveaway = InvoiceCalculatorTest.account("UTC", "-150");
        ComputedInvoice june = InvoiceCalculator.totals(List.of(line(ConversationCategory.MARKETING, 10, "0.63")), giveaway);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InvoicePlan.of(giveaway, JUNE, june, List.of()))
                .hasMessageContaining("INV-100-2023-06").hasMessageContaining("total -0.32")
                .hasMessageContaining("markup_percent -150");
        // a lower recomputation after finalizing gives money back: a negative adjustment is a credit note
        ComputedInvoice billed = invoice(line(ConversationCategory.MARKETING, 10, "0.63"));
        InvoicePlan plan = InvoicePlan.of(ACCOUNT, JUNE, invoice(line(ConversationCategory.MARKETING, 5, "0.31")),
                List.of(finalized("INV-100-2023-06", "0.06", billed)));
        assertThat(plan.draft().kind()).isEqualTo(StoredInvoice.Kind.ADJUSTMENT);
        assertThat(plan.draft().invoice().total()).isNegative();
    }

    private static InvoiceLine line(ConversationCategory category, long billable, String amount) {
        return new InvoiceLine(category, "Brazil", new BigDecimal("0.0625"), billable, 0, billable,
                new BigDecimal(amount));
    }

    private static ComputedInvoice invoice(InvoiceLine... lines) {
        return InvoiceCalculator.totals(List.of(lines), ACCOUNT);
    }

    /** A finalized invoice with the markup it was billed with, worked out by hand in each test. */
    private static StoredInvoice finalized(String id, String markup, ComputedInvoice invoice) {
        return new StoredInvoice(id, "WA-000001", StoredInvoice.Kind.INVOICE, StoredInvoice.Status.FINALIZED, null,
                invoice.subtotal(), new BigDecimal(markup), invoice.lines());
    }
}
