package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.plans.PlanUsage;
import com.wabilling.plans.PricePlan;
import com.wabilling.pricing.BillingAccount;

/** docs/billing-rules.md 4.6: a plan's lines on an invoice, its totals, and its adjustments; numbers by hand. */
class PlanInvoiceLinesTest {

    private static final BillingAccount ACCOUNT = new BillingAccount("100", "A", ZoneId.of("Europe/Amsterdam"),
            Currency.getInstance("EUR"), new BigDecimal("20"));
    private static final PricePlan PLAN = new PricePlan(LocalDate.of(2025, 1, 1), "growth", "EUR", new BigDecimal("15"),
            new BigDecimal("0.004"), new BigDecimal("0.001"), new BigDecimal("0.002"), new BigDecimal("100"));

    private static ComputedInvoice meta(InvoiceLine... lines) {
        return InvoiceCalculator.totals(List.of(lines), ACCOUNT);
    }

    private static InvoiceLine marketing(long n, String amount) {
        return new InvoiceLine("MARKETING", "Netherlands", "", new BigDecimal("0.10"), n, 0, n, new BigDecimal(amount));
    }

    @Test
    void theMarkupNeverAppliesToThePlansFees() {
        // Meta: 300 x 0.10 = 30.00, markup 20 % = 6.00, net 36.00
        // licence 2 x 15 = 30.00; delivered 1500 x 0.004 = 6.00; inbound 250 x 0.001 = 0.25; failed 3 x 0.002 = 0.006 -> 0.01
        // net 36.00 + 36.26 = 72.26 < 100: minimum commitment 27.74
        ComputedInvoice invoice = PlanInvoiceLines.with(ACCOUNT, meta(marketing(300, "30.00")), PLAN,
                new PlanUsage.Counts(2, 1500, 250, 3));

        assertThat(invoice.lines()).extracting(InvoiceLine::category).containsExactly("MARKETING", "LICENCE",
                "PLATFORM_DELIVERED", "PLATFORM_INBOUND", "PLATFORM_FAILED", "MINIMUM_COMMITMENT");
        assertThat(invoice.lines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("30.00"),
                new BigDecimal("30.00"), new BigDecimal("6.00"), new BigDecimal("0.25"), new BigDecimal("0.01"),
                new BigDecimal("27.74"));
        assertThat(invoice.lines().subList(1, 6)).allSatisfy(l -> {
            assertThat(l.market()).isEmpty();
            assertThat(l.band()).isEmpty();
        });
        assertThat(invoice.subtotal()).isEqualByComparingTo("94.00");
        assertThat(invoice.markup()).isEqualByComparingTo("6.00");
        assertThat(invoice.total()).isEqualByComparingTo("100.00");
        assertThat(invoice.quantity()).isEqualTo(300); // Meta's units only
    }

    @Test
    void aMonthOfInboundMessagesOnlyIsInvoicedUnderAPlan() {
        ComputedInvoice invoice = PlanInvoiceLines.with(ACCOUNT, meta(), PLAN, new PlanUsage.Counts(1, 0, 4, 0));

        // licence 15.00; inbound 4 x 0.001 = 0.004 -> 0.00 (a line of 4 messages all the same); minimum 100 - 15.00 = 85.00
        assertThat(invoice.lines()).extracting(InvoiceLine::category).containsExactly("LICENCE", "PLATFORM_INBOUND",
                "MINIMUM_COMMITMENT");
        assertThat(invoice.total()).isEqualByComparingTo("100.00");
        assertThat(invoice.markup()).isEqualByComparingTo("0.00");
    }

    @Test
    void aMonthWithoutMessagesHasNoInvoiceEvenWithAMinimum() {
        ComputedInvoice invoice = PlanInvoiceLines.with(ACCOUNT, meta(), PLAN, new PlanUsage.Counts(0, 0, 0, 0));

        assertThat(invoice.lines()).isEmpty();
        assertThat(InvoicePlan.of(ACCOUNT, YearMonth.of(2025, 3), invoice, List.of()).drafts()).isEmpty();
    }

    @Test
    void aCreditNoteTakesThePlanLinesBackAsBilledAndTheReplacementBillsThemAgain() {
        // billed at 20 %: Meta 30.00 + markup 6.00; licence 2 x 15 = 30.00, delivered 1500 x 0.004 = 6.00,
        // inbound 0.25, failed 0.01, minimum 27.74: total 100.00 (as in the first test)
        ComputedInvoice billed = PlanInvoiceLines.with(ACCOUNT, meta(marketing(300, "30.00")), PLAN,
                new PlanUsage.Counts(2, 1500, 250, 3));
        StoredInvoice invoice = new StoredInvoice("INV-100-2025-03", "WA-000001", StoredInvoice.Kind.INVOICE,
                StoredInvoice.Status.FINALIZED, null, billed.subtotal(), billed.markup(), billed.lines());
        // the markup corrected to 0 %: Meta net 30.00 + plan 36.26 = 66.26, minimum 100 - 66.26 = 33.74
        BillingAccount noMarkup = new BillingAccount("100", "A", ACCOUNT.zone(), ACCOUNT.currency(), BigDecimal.ZERO);
        ComputedInvoice recomputed = PlanInvoiceLines.with(noMarkup, InvoiceCalculator.totals(
                List.of(marketing(300, "30.00")), noMarkup), PLAN, new PlanUsage.Counts(2, 1500, 250, 3));

        List<InvoicePlan.Draft> drafts = InvoicePlan.of(noMarkup, YearMonth.of(2025, 3), recomputed, List.of(invoice),
                "WA-000001").drafts();

        ComputedInvoice credit = drafts.get(0).invoice();
        assertThat(credit.lines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("-30.00"),
                new BigDecimal("-30.00"), new BigDecimal("-6.00"), new BigDecimal("-0.25"), new BigDecimal("-0.01"),
                new BigDecimal("-27.74"));
        assertThat(credit.markup()).isEqualByComparingTo("-6.00");
        assertThat(credit.total()).isEqualByComparingTo("-100.00");
        assertThat(credit.quantity()).isEqualTo(-300); // Meta's units only
        ComputedInvoice replacement = drafts.get(1).invoice();
        assertThat(replacement.lines()).last().extracting(InvoiceLine::amount).isEqualTo(new BigDecimal("33.74"));
        assertThat(replacement.markup()).isEqualByComparingTo("0.00");
        assertThat(replacement.total()).isEqualByComparingTo("100.00");
    }

    @Test
    void aLateMessageThatChangesAPlanLineDraftsAnAdjustment() {
        PricePlan noMinimum = new PricePlan(PLAN.effectiveFrom(), "growth", "EUR", new BigDecimal("15"),
                new BigDecimal("0.004"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        ComputedInvoice billed = PlanInvoiceLines.with(ACCOUNT, meta(marketing(10, "1.00")), noMinimum,
                new PlanUsage.Counts(1, 10, 0, 0));
        StoredInvoice finalized = new StoredInvoice("INV-100-2025-03", "WA-000001", StoredInvoice.Kind.INVOICE,
                StoredInvoice.Status.FINALIZED, null, billed.subtotal(), billed.markup(), billed.lines());
        // late data: a second phone number delivered 1000 SERVICE messages, free at Meta (a line of 0.00) but
        // each with the platform fee, and the number needs a licence
        InvoiceLine service = new InvoiceLine("SERVICE", "Netherlands", "", new BigDecimal("0.02"), 1000, 1000, 0,
                new BigDecimal("0.00"));
        ComputedInvoice recomputed = PlanInvoiceLines.with(ACCOUNT, meta(marketing(10, "1.00"), service), noMinimum,
                new PlanUsage.Counts(2, 1010, 0, 0));

        InvoicePlan plan = InvoicePlan.of(ACCOUNT, YearMonth.of(2025, 3), recomputed, List.of(finalized));

        ComputedInvoice adjustment = plan.draft().invoice();
        // licence 15.00 -> 30.00 (+15.00); delivered 10 x 0.004 = 0.04 -> 1010 x 0.004 = 4.04 (+4.00); markup unchanged
        assertThat(adjustment.lines()).extracting(InvoiceLine::category).containsExactly("SERVICE", "LICENCE",
                "PLATFORM_DELIVERED");
        assertThat(adjustment.lines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("0.00"),
                new BigDecimal("15.00"), new BigDecimal("4.00"));
        assertThat(adjustment.markup()).isEqualByComparingTo("0.00");
        assertThat(adjustment.total()).isEqualByComparingTo("19.00");
    }
}
