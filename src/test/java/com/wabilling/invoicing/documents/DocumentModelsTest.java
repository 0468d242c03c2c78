package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.invoicing.InvoiceLine;
import com.wabilling.invoicing.StoredInvoice;
import com.wabilling.invoicing.StoredInvoice.Kind;
import com.wabilling.invoicing.StoredInvoice.Status;

/**
 * What an adjustment's document shows as billed before it: the invoice it adjusts and that invoice's adjustments
 * before it (after a correction, the replacement's: docs/billing-rules.md 4.5).
 */
class DocumentModelsTest {

    private static StoredInvoice stored(String id, Kind kind, Status status, long conversations, String amount) {
        return new StoredInvoice(id, null, kind, status, kind == Kind.ADJUSTMENT ? "INV-1-2023-06" : null,
                new BigDecimal(amount), BigDecimal.ZERO,
                List.of(new InvoiceLine("MARKETING", "Brazil", "", new BigDecimal("0.0625"), conversations, 0,
                        conversations, new BigDecimal(amount))));
    }

    private static final List<StoredInvoice> MONTH = List.of(
            stored("INV-1-2023-06", Kind.INVOICE, Status.FINALIZED, 45, "2.81"),
            stored("ADJ-1-2023-06-1", Kind.ADJUSTMENT, Status.FINALIZED, 1, "0.07"),
            stored("ADJ-1-2023-06-2", Kind.ADJUSTMENT, Status.DRAFT, 2, "0.12"));

    @Test
    void anAdjustmentFollowsTheInvoiceAndTheAdjustmentsFinalizedBeforeIt() {
        assertThat(DocumentModels.billedBefore("ADJ-1-2023-06-1", MONTH)).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(45));
        assertThat(DocumentModels.billedBefore("ADJ-1-2023-06-2", MONTH)).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("2.88"));
    }

    @Test
    void anAdjustmentOfAReplacementFollowsTheReplacementOnly() {
        // the credited invoice (45) and its adjustment (+1), the credit note (-46), the replacement (47, a late
        // conversation billed by it), then one more: ADJ-2 adjusts the replacement, so 47 were billed before it
        // (not the 45 + 1 of the invoice it does not adjust)
        List<StoredInvoice> month = new java.util.ArrayList<>(MONTH.subList(0, 2));
        month.add(new StoredInvoice("CRN-1-2023-06-1", "WA-000005", Kind.CREDIT_NOTE, Status.FINALIZED,
                "INV-1-2023-06", new BigDecimal("-2.88"), BigDecimal.ZERO, List.of(new InvoiceLine("MARKETING",
                        "Brazil", "", new BigDecimal("0.0625"), -46, 0, -46, new BigDecimal("-2.88")))));
        month.add(new StoredInvoice("INV-1-2023-06-R1", "WA-000006", Kind.INVOICE, Status.FINALIZED,
                "INV-1-2023-06", new BigDecimal("2.94"), BigDecimal.ZERO, List.of(new InvoiceLine("MARKETING",
                        "Brazil", "", new BigDecimal("0.0625"), 47, 0, 47, new BigDecimal("2.94")))));
        month.add(new StoredInvoice("ADJ-1-2023-06-2", null, Kind.ADJUSTMENT, Status.DRAFT, "INV-1-2023-06-R1",
                new BigDecimal("0.06"), BigDecimal.ZERO, List.of(new InvoiceLine("MARKETING", "Brazil", "",
                        new BigDecimal("0.0625"), 1, 0, 1, new BigDecimal("0.06")))));

        assertThat(DocumentModels.billedBefore("ADJ-1-2023-06-2", month)).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(47))
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("2.94"));
    }
}
