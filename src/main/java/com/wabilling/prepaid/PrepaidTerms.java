package com.wabilling.prepaid;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Which accounts are prepaid (accounts.csv's billing column) and their payments (docs/billing-rules.md 4.7). */
public record PrepaidTerms(Set<String> prepaid, List<Payment> payments) {

    public PrepaidTerms {
        prepaid = Set.copyOf(prepaid);
        payments = List.copyOf(payments);
    }

    public boolean isPrepaid(String wabaId) {
        return prepaid.contains(wabaId);
    }

    /** The account's payments received in its local month, added up (refunds subtract). */
    public BigDecimal topUps(String wabaId, ZoneId zone, YearMonth month) {
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return payments.stream().filter(p -> p.wabaId().equals(wabaId))
                .filter(p -> !p.receivedAt().isBefore(from) && p.receivedAt().isBefore(to))
                .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
