package com.wabilling.prepaid;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of payments.csv (docs/formats.md): a top-up (positive) or a refund (negative) of a prepaid balance. */
public record Payment(String paymentId, String wabaId, Instant receivedAt, BigDecimal amount, String currency) {

    /** The same payment read twice: every value equal (amounts at any scale). */
    boolean sameAs(Payment other) {
        return wabaId.equals(other.wabaId) && receivedAt.equals(other.receivedAt)
                && amount.compareTo(other.amount) == 0 && currency.equals(other.currency);
    }
}
