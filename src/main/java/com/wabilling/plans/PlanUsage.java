package com.wabilling.plans;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;

/**
 * Counts what a plan charges for in one account's month (docs/billing-rules.md 4.6): feed it the account's stored
 * messages (each stored once, so repeats count once and rejected rows never). A message's time is an inbound
 * message's timestamp, an outbound message's delivered_at when it was delivered, else its timestamp; the month is
 * the account-local month, in either pricing era.
 */
public final class PlanUsage {

    /** What the month's plan lines count. */
    public record Counts(long phoneNumbers, long delivered, long inbound, long failed) {
    }

    private final Instant from;
    private final Instant to;
    private final Set<String> phoneNumbers = new HashSet<>();
    private long delivered;
    private long inbound;
    private long failed;

    public PlanUsage(ZoneId zone, YearMonth month) {
        this.from = month.atDay(1).atStartOfDay(zone).toInstant();
        this.to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public void accept(ExportedMessage m) {
        if (m.direction() == Direction.INBOUND) {
            if (inMonth(m.timestamp())) {
                inbound++;
                phoneNumbers.add(m.phoneNumberId());
            }
            return;
        }
        if (m.deliveredAt() != null) {
            if (inMonth(m.deliveredAt())) {
                delivered++;
                phoneNumbers.add(m.phoneNumberId());
            }
            return;
        }
        if (inMonth(m.timestamp())) { // never delivered: its time is when it was sent
            phoneNumbers.add(m.phoneNumberId());
            if ("failed".equals(m.status())) {
                failed++;
            }
        }
    }

    private boolean inMonth(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public Counts counts() {
        return new Counts(phoneNumbers.size(), delivered, inbound, failed);
    }
}
