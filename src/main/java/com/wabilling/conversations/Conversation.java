package com.wabilling.conversations;

import java.time.Instant;
import com.wabilling.pricing.ConversationCategory;

/** A reconstructed conversation (domain.md 3). {@code messages} counts the business messages it covered. */
public record Conversation(String id, Scope scope, ConversationCategory category, Instant openedAt, Instant expiresAt,
        String openingMessageId, int messages) {
}
