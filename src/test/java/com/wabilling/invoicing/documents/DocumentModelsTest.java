package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.invoicing.InvoiceLine;
import com.wabilling.invoicing.StoredInvoice;
import com.wabilling.invoicing.StoredInvoice.Kind;
import com.wabilling.invoicing.StoredInvoice.Status;

/** What an adjustment's document shows as billed before it: the invoice and the adjustments before it. */
class DocumentModelsTest {

    private static StoredInvoice stored(String id, Kind kind, Status status, long conversations, String amount) {
        return new StoredInvoice(id, null, kind, status, null, new BigDecimal(amount), BigDecimal.ZERO,
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
                .satisfies(l -> assertThat(l.conversations()).isEqualTo(45));
        assertThat(DocumentModels.billedBefore("ADJ-1-2023-06-2", MONTH)).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("2.88"));
    }
}
