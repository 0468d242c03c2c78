package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;

/**
 * An invoice as stored: an INVOICE, an ADJUSTMENT of one, or the CREDIT_NOTE that reverses one with all its
 * adjustments (docs/billing-rules.md 4.5); DRAFT or FINALIZED.
 */
public record StoredInvoice(String invoiceId, String invoiceNumber, Kind kind, Status status, String referencesInvoiceId,
        BigDecimal subtotal, BigDecimal markup, List<InvoiceLine> lines) {

    public enum Kind { INVOICE, ADJUSTMENT, CREDIT_NOTE }

    public enum Status { DRAFT, FINALIZED }

    public boolean isFinalized() {
        return status == Status.FINALIZED;
    }
}
