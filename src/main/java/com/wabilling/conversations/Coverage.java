package com.wabilling.conversations;

import com.wabilling.pricing.ConversationCategory;

/**
 * Which of our conversations covered a message that Meta's webhook tied to one of its own
 * conversations: the raw material of the reconciliation (docs/billing-rules.md 3.5).
 */
public record Coverage(String messageId, String conversationId, ConversationCategory category, boolean inPeriod,
        String metaConversationId, String metaCategory) {
}
