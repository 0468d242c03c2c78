package com.wabilling.messages;

import java.util.Map;
import java.util.Set;

/**
 * What a second record of a stored message_id is (docs/formats.md, messages CSV). Exports
 * taken at different times see one message at different statuses, and status only moves forward:
 * sent → delivered → read, or sent → failed (failed is final). So a record that differs from the
 * stored one only in its status fields (status, delivered_at and Meta's status-webhook columns
 * meta_conversation_id, meta_category, meta_pricing_category, meta_pricing_type) advances it when its status is later, is a duplicate when
 * its status is earlier, and is a conflict when the two statuses cannot follow each other
 * (delivered or read against failed) or the same status comes with other values. Any other
 * difference is a conflict, and the first record stays.
 */
public enum Repeat {
    DUPLICATE, ADVANCE, CONFLICT;

    /** The statuses each status can move on to. */
    private static final Map<String, Set<String>> LATER = Map.of(
            "sent", Set.of("delivered", "read", "failed"),
            "delivered", Set.of("read"),
            "read", Set.of(),
            "failed", Set.of());

    public static Repeat of(ExportedMessage stored, ExportedMessage again) {
        if (stored.equals(again)) {
            return DUPLICATE;
        }
        if (stored.direction() != Direction.OUTBOUND || !again.withStatusOf(stored).equals(stored)
                || stored.status().equals(again.status())) {
            return CONFLICT;
        }
        if (LATER.get(stored.status()).contains(again.status())) {
            return ADVANCE;
        }
        return LATER.get(again.status()).contains(stored.status()) ? DUPLICATE : CONFLICT;
    }
}
