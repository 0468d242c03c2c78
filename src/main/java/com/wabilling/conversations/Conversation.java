package com.wabilling.conversations;

import java.time.Instant;
import com.wabilling.pricing.ConversationCategory;

/** A reconstructed conversation (docs/billing-rules.md 3). {@code messages} counts the business messages it covered. */
public record Conversation(String id, Scope scope, ConversationCategory category, Instant openedAt, Instant expiresAt,
        String openingMessageId, int messages) {
}
