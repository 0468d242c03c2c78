package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The lines and totals of one account's month (docs/billing-rules.md 4.4); {@code quantity} and {@code billable}
 * count Meta's units: conversations, or on a per-message month messages (a price plan's lines are not counted).
 */
public record ComputedInvoice(List<InvoiceLine> lines, long quantity, long billable, BigDecimal subtotal,
        BigDecimal markup, BigDecimal total) {
}
