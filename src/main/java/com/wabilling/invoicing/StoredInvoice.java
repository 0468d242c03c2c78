package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;

/** An invoice as stored: an INVOICE or an ADJUSTMENT, DRAFT or FINALIZED. */
public record StoredInvoice(String invoiceId, String invoiceNumber, Kind kind, Status status, String referencesInvoiceId,
        BigDecimal subtotal, BigDecimal markup, List<InvoiceLine> lines) {

    public enum Kind { INVOICE, ADJUSTMENT }

    public enum Status { DRAFT, FINALIZED }

    public boolean isFinalized() {
        return status == Status.FINALIZED;
    }
}
