package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;

/** The lines and totals of one account's month (docs/billing-rules.md 4.4). */
public record ComputedInvoice(List<InvoiceLine> lines, long conversations, long billable, BigDecimal subtotal,
        BigDecimal markup, BigDecimal total) {
}
