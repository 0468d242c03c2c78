package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/billing-rules.md 4.5: the signed difference, line by line, between a recomputed month and what was finalized. */
public final class Adjustments {

    private Adjustments() {
    }

    /**
     * Lines of {@code recomputed} minus lines of {@code billed} (the finalized invoice and any finalized
     * adjustments, added up); empty when they agree on every line.
     */
    public static List<InvoiceLine> difference(ComputedInvoice billed, ComputedInvoice recomputed) {
        Map<InvoiceLine.Key, InvoiceLine> before = index(billed.lines());
        Map<InvoiceLine.Key, InvoiceLine> after = index(recomputed.lines());
        List<InvoiceLine> result = new ArrayList<>();
        for (var key : union(before, after)) {
            InvoiceLine b = before.get(key);
            InvoiceLine a = after.get(key);
            InvoiceLine diff = (a != null ? a : b).with(
                    n(a, InvoiceLine::quantity) - n(b, InvoiceLine::quantity),
                    n(a, InvoiceLine::free) - n(b, InvoiceLine::free),
                    n(a, InvoiceLine::billable) - n(b, InvoiceLine::billable),
                    amount(a).subtract(amount(b)));
            if (!diff.isZero()) {
                result.add(diff);
            }
        }
        result.sort(InvoiceLine.ORDER);
        return result;
    }

    /**
     * Whether a difference is worth an adjustment (docs/billing-rules.md 4.5): some line's amount changed. Lines whose
     * counts alone changed ride along in an adjustment that exists, and make none by themselves. The
     * markup follows the amounts (same subtotal, same markup), except when accounts.csv's percentage
     * changed after finalizing, which alone never re-bills a finalized month.
     */
    public static boolean movesMoney(List<InvoiceLine> difference) {
        return difference.stream().anyMatch(l -> l.amount().signum() != 0);
    }

    /** Adds line sets up (an invoice and its adjustments) into one. */
    public static List<InvoiceLine> sum(List<List<InvoiceLine>> invoices) {
        Map<InvoiceLine.Key, InvoiceLine> total = new LinkedHashMap<>();
        for (List<InvoiceLine> lines : invoices) {
            for (InvoiceLine l : lines) {
                total.merge(l.key(), l, (x, y) -> x.with(x.quantity() + y.quantity(), x.free() + y.free(), x.billable() + y.billable(),
                        x.amount().add(y.amount())));
            }
        }
        List<InvoiceLine> result = new ArrayList<>(total.values());
        result.removeIf(InvoiceLine::isZero);
        result.sort(InvoiceLine.ORDER);
        return result;
    }

    private static Map<InvoiceLine.Key, InvoiceLine> index(List<InvoiceLine> lines) {
        Map<InvoiceLine.Key, InvoiceLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.key(), l));
        return map;
    }

    private static List<InvoiceLine.Key> union(Map<InvoiceLine.Key, InvoiceLine> a, Map<InvoiceLine.Key, InvoiceLine> b) {
        List<InvoiceLine.Key> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    private static long n(InvoiceLine line, java.util.function.ToLongFunction<InvoiceLine> field) {
        return line == null ? 0 : field.applyAsLong(line);
    }

    private static BigDecimal amount(InvoiceLine line) {
        return line == null ? BigDecimal.ZERO : line.amount();
    }
}
