package com.wabilling.conversations;

import java.time.Instant;

import com.wabilling.pricing.ConversationCategory;

/** A conversation of {@link ScopeReconstruction} while it can still cover messages. */
final class OpenConversation {

    final String id;
    final ConversationCategory category;
    final Instant openedAt;
    final Instant expiresAt;
    final String openingMessageId;
    final long sequence;
    final boolean reported;
    int messages;

    OpenConversation(String id, ConversationCategory category, Instant openedAt, Instant expiresAt, String openingMessageId,
            long sequence, boolean reported) {
        this.id = id;
        this.category = category;
        this.openedAt = openedAt;
        this.expiresAt = expiresAt;
        this.openingMessageId = openingMessageId;
        this.sequence = sequence;
        this.reported = reported;
    }

    boolean isNewerThan(OpenConversation other) {
        int byTime = openedAt.compareTo(other.openedAt);
        return byTime != 0 ? byTime > 0 : sequence > other.sequence;
    }
}
