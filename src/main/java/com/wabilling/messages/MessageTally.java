package com.wabilling.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to the per-day message counts (table message_count) that go with the rows a transaction
 * stores or replaces: a message counts on the UTC day of its event as kind I (inbound) or
 * O (outbound delivered), or on the day it was sent as U (outbound never delivered), under the run
 * that stored its row.
 */
public final class MessageTally {

    public static final long DAY_MS = Duration.ofDays(1).toMillis();

    /** One row of message_count. */
    public record Key(long runId, long dayMs, String kind, int withMeta) {
    }

    private final Map<Key, Long> changes = new LinkedHashMap<>();

    public void add(ExportedMessage message, long runId) {
        changes.merge(keyOf(message, runId), 1L, Long::sum);
    }

    public void remove(ExportedMessage message, long runId) {
        changes.merge(keyOf(message, runId), -1L, Long::sum);
    }

    public Map<Key, Long> changes() {
        changes.values().removeIf(n -> n == 0);
        return changes;
    }

    public static Key keyOf(ExportedMessage message, long runId) {
        Instant event = message.eventAt();
        String kind = event == null ? "U" : message.direction().code();
        return new Key(runId, dayOf(event == null ? message.timestamp() : event), kind,
                message.metaConversationId() == null ? 0 : 1);
    }

    /** The start of the UTC day of an instant, in epoch milliseconds. */
    public static long dayOf(Instant instant) {
        long millis = instant.toEpochMilli();
        return millis - Math.floorMod(millis, DAY_MS);
    }
}
