package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;

/**
 * docs/billing-rules.md 4.5, correcting a finalized invoice: the credit note is the exact negative of the invoice
 * and its finalized adjustments as billed, and later data is compared with the replacement. Every expected
 * figure is worked out by hand in the comments.
 */
class CorrectionsTest {

    private static final YearMonth JUNE = YearMonth.of(2023, 6);
    /** The account as it is now: its markup corrected from 10 % to 20 % after June was finalized. */
    private static final BillingAccount FIXED = InvoiceCalculatorTest.account("UTC", "20");
    private static final BigDecimal MARKETING = new BigDecimal("0.0625");
    private static final BigDecimal UTILITY = new BigDecimal("0.035");

    // June as finalized at 10 %: 45 x 0.0625 = 2.8125 -> 2.81 and 3 x 0.035 = 0.105 -> 0.11: subtotal 2.92,
    // markup 0.292 -> 0.29
    private static final StoredInvoice JUNE_INVOICE = finalized("INV-100-2023-06", "WA-000003",
            StoredInvoice.Kind.INVOICE, null, "0.29", line("MARKETING", MARKETING, 45, "2.81"),
            line("UTILITY", UTILITY, 3, "0.11"));
    // one late marketing conversation: 46 x 0.0625 = 2.875 -> 2.88, +0.07; the month 2.99 at 10 % = 0.299 -> 0.30,
    // minus 0.29 billed: markup +0.01
    private static final StoredInvoice FIRST_ADJUSTMENT = finalized("ADJ-100-2023-06-1", "WA-000007",
            StoredInvoice.Kind.ADJUSTMENT, "INV-100-2023-06", "0.01", line("MARKETING", MARKETING, 1, "0.07"));

    @Test
    void theCreditNoteIsTheExactNegativeOfTheInvoiceAndItsAdjustmentsAsBilled() {
        ComputedInvoice credit = Corrections.creditNote(List.of(JUNE_INVOICE, FIRST_ADJUSTMENT));

        // lines: marketing 45 + 1 = 46 conversations for 2.81 + 0.07 = 2.88; utility 3 for 0.11; negated
        assertThat(credit.lines()).extracting(l -> l.category() + " " + l.quantity() + " " + l.billable() + " "
                + l.amount().toPlainString()).containsExactly("MARKETING -46 -46 -2.88", "UTILITY -3 -3 -0.11");
        assertThat(credit.subtotal()).isEqualByComparingTo("-2.99");
        // the markups billed, 0.29 + 0.01 = 0.30, taken back as billed: not today's 20 % of 2.99 (0.598 -> 0.60)
        assertThat(credit.markup()).isEqualByComparingTo("-0.30");
        assertThat(credit.total()).isEqualByComparingTo("-3.29");
        assertThat(credit.quantity()).isEqualTo(-49);
        // the invoice (2.92 + 0.29 = 3.21) and its adjustment (0.07 + 0.01 = 0.08) add up to nothing with it
        assertThat(new BigDecimal("3.21").add(new BigDecimal("0.08")).add(credit.total())).isZero();
    }

    @Test
    void theCreditNoteRoundsNothingAgainEvenWhereRecomputingWouldGiveAnotherCent() {
        // a marketing line billed 0.01 at a fractional price; 1 x 0.005 = 0.005 would round HALF_UP to 0.01 but the
        // invoice said 0.01 and an adjustment later -0.01 (both stored): the credit takes back 0.00 for that line
        StoredInvoice invoice = finalized("INV-100-2023-06", "WA-000003", StoredInvoice.Kind.INVOICE, null, "0.00",
                line("MARKETING", new BigDecimal("0.005"), 1, "0.01"), line("UTILITY", UTILITY, 1, "0.04"));
        StoredInvoice adjustment = finalized("ADJ-100-2023-06-1", "WA-000004", StoredInvoice.Kind.ADJUSTMENT,
                "INV-100-2023-06", "0.00", line("MARKETING", new BigDecimal("0.005"), 0, "-0.01"));

        ComputedInvoice credit = Corrections.creditNote(List.of(invoice, adjustment));

        // marketing: 1 conversation, 0.01 - 0.01 = 0.00 -> -1 conversation, amount -0.00; utility -0.04
        assertThat(credit.lines()).extracting(l -> l.category() + " " + l.quantity() + " " + l.amount()
                .toPlainString()).containsExactly("MARKETING -1 0.00", "UTILITY -1 -0.04");
        assertThat(credit.subtotal()).isEqualByComparingTo("-0.04");
        assertThat(credit.subtotal().scale()).isEqualTo(2);
    }

    @Test
    void aCorrectionDraftsTheCreditNoteThenTheNewInvoiceUnderTodaysTerms() {
        // the month now, at 20 %: 2.88 + 0.11 = 2.99, markup 0.598 -> 0.60
        ComputedInvoice now = InvoiceCalculator.totals(List.of(line("MARKETING", MARKETING, 46, "2.88"),
                line("UTILITY", UTILITY, 3, "0.11")), FIXED);

        InvoicePlan plan = InvoicePlan.of(FIXED, JUNE, now, List.of(JUNE_INVOICE, FIRST_ADJUSTMENT), "WA-000003");

        assertThat(plan.drafts()).extracting(d -> d.invoiceId() + " " + d.kind() + " " + d.referencesInvoiceId())
                .containsExactly("CRN-100-2023-06-1 CREDIT_NOTE INV-100-2023-06",
                        "INV-100-2023-06-R1 INVOICE INV-100-2023-06");
        assertThat(plan.drafts().get(0).invoice().total()).isEqualByComparingTo("-3.29");
        assertThat(plan.drafts().get(1).invoice().markup()).isEqualByComparingTo("0.60");
        assertThat(plan.drafts().get(1).invoice().total()).isEqualByComparingTo("3.59");
        // without correct=, the same month drafts nothing (no line changed): a markup alone never re-bills
        assertThat(InvoicePlan.of(FIXED, JUNE, now, List.of(JUNE_INVOICE, FIRST_ADJUSTMENT)).drafts()).isEmpty();
    }

    @Test
    void aDraftedCorrectionStaysDraftedByLaterRunsUntilItIsFinalized() {
        ComputedInvoice now = InvoiceCalculator.totals(List.of(line("MARKETING", MARKETING, 46, "2.88"),
                line("UTILITY", UTILITY, 3, "0.11")), FIXED);
        StoredInvoice draftCredit = new StoredInvoice("CRN-100-2023-06-1", null, StoredInvoice.Kind.CREDIT_NOTE,
                StoredInvoice.Status.DRAFT, "INV-100-2023-06", new BigDecimal("-2.99"), new BigDecimal("-0.30"),
                List.of());

        InvoicePlan plan = InvoicePlan.of(FIXED, JUNE, now, List.of(draftCredit, JUNE_INVOICE, FIRST_ADJUSTMENT));

        assertThat(plan.drafts()).extracting(InvoicePlan.Draft::invoiceId)
                .containsExactly("CRN-100-2023-06-1", "INV-100-2023-06-R1");
    }

    @Test
    void laterDataIsComparedWithTheReplacementAndItsAdjustmentsAreNumberedOnOverTheMonth() {
        StoredInvoice credit = finalized("CRN-100-2023-06-1", "WA-000010", StoredInvoice.Kind.CREDIT_NOTE,
                "INV-100-2023-06", "-0.30", line("MARKETING", MARKETING, -46, "-2.88"), line("UTILITY", UTILITY, -3, "-0.11"));
        StoredInvoice replacement = finalized("INV-100-2023-06-R1", "WA-000011", StoredInvoice.Kind.INVOICE,
                "INV-100-2023-06", "0.60", line("MARKETING", MARKETING, 46, "2.88"), line("UTILITY", UTILITY, 3, "0.11"));
        List<StoredInvoice> stored = List.of(FIRST_ADJUSTMENT, credit, JUNE_INVOICE, replacement);
        // two more marketing conversations: 48 x 0.0625 = 3.00; the month 3.11 at 20 % = 0.622 -> 0.62
        ComputedInvoice now = InvoiceCalculator.totals(List.of(line("MARKETING", MARKETING, 48, "3.00"),
                line("UTILITY", UTILITY, 3, "0.11")), FIXED);

        assertThat(Corrections.current(stored)).contains(replacement);
        InvoicePlan.Draft adjustment = InvoicePlan.of(FIXED, JUNE, now, stored).draft();

        assertThat(adjustment.invoiceId()).isEqualTo("ADJ-100-2023-06-2");
        assertThat(adjustment.referencesInvoiceId()).isEqualTo("INV-100-2023-06-R1");
        // 3.00 - 2.88 = +0.12 for 2 conversations; markup 0.62 - 0.60 billed by the replacement = 0.02
        assertThat(adjustment.invoice().lines()).extracting(l -> l.billable() + " " + l.amount().toPlainString())
                .containsExactly("2 0.12");
        assertThat(adjustment.invoice().markup()).isEqualByComparingTo("0.02");
        // correcting the replacement in turn: the second credit note and replacement
        assertThat(InvoicePlan.of(FIXED, JUNE, now, stored, "WA-000011").drafts()).extracting(InvoicePlan.Draft::invoiceId)
                .containsExactly("CRN-100-2023-06-2", "INV-100-2023-06-R2");
    }

    @Test
    void theCreditNotesVatIsTheNegativeOfTheVatRecordedOnEachDocumentNotRecomputed() {
        // an invoice and an adjustment, each of net 0.12 at 21 %: 0.0252 -> 0.03 each, 0.06 billed in all, where
        // 21 % of the credit note's net 0.24 would give 0.0504 -> 0.05
        InvoiceDao.StoredVat each = new InvoiceDao.StoredVat("S", new BigDecimal("21"), new BigDecimal("0.03"),
                new BigDecimal("0.15"));

        InvoiceDao.StoredVat credit = CreditNoteVat.of(List.of(each, each)).orElseThrow();

        assertThat(credit.amount()).isEqualByComparingTo("-0.06");
        assertThat(credit.gross()).isEqualByComparingTo("-0.30");
        assertThat(credit.ratePercent()).isEqualByComparingTo("21");
        // not known until every document has its VAT; one rate per credit note
        assertThat(CreditNoteVat.of(java.util.Arrays.asList(each, null))).isEmpty();
        InvoiceDao.StoredVat other = new InvoiceDao.StoredVat("S", new BigDecimal("8.00"), new BigDecimal("0.01"),
                new BigDecimal("0.13"));
        assertThatThrownBy(() -> CreditNoteVat.of(List.of(other, each))).hasMessageContaining("S 8 %, S 21 %");
    }

    private static InvoiceLine line(String category, BigDecimal price, long billable, String amount) {
        return new InvoiceLine(ConversationCategory.valueOf(category), "Brazil", price, billable, 0, billable,
                new BigDecimal(amount));
    }

    private static StoredInvoice finalized(String id, String number, StoredInvoice.Kind kind, String references,
            String markup, InvoiceLine... lines) {
        BigDecimal subtotal = java.util.Arrays.stream(lines).map(InvoiceLine::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new StoredInvoice(id, number, kind, StoredInvoice.Status.FINALIZED, references, subtotal,
                new BigDecimal(markup), List.of(lines));
    }
}
