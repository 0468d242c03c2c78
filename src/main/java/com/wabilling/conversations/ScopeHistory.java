package com.wabilling.conversations;

import java.time.Instant;
import java.util.List;

import com.wabilling.messages.ExportedMessage;

/**
 * One scope's messages in the period's read window, as stored, in scope order; with its conversations still
 * open at the start and, under a per-message regime, when the free entry point window still open at the start opened (null if none).
 */
public record ScopeHistory(Scope scope, int bucket, List<Conversation> carriedOver, Instant entryPointOpenedAt,
        List<ExportedMessage> messages) {

    /** A history of the conversation era. */
    public ScopeHistory(Scope scope, int bucket, List<Conversation> carriedOver, List<ExportedMessage> messages) {
        this(scope, bucket, carriedOver, null, messages);
    }
}
