package com.wabilling.invoicing.documents;

import java.math.BigDecimal;

/**
 * How a prepaid account's invoice is paid (docs/billing-rules.md 4.7, docs/invoice-documents.md 3): the balance its
 * month's statement opened with, the month's top-ups, this invoice's gross and the balance after it.
 */
public record PrepaidSettlement(BigDecimal openingBalance, BigDecimal topUps, BigDecimal thisInvoice) {

    public BigDecimal balanceAfter() {
        return openingBalance.add(topUps).subtract(thisInvoice);
    }
}
