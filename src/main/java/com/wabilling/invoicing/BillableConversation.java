package com.wabilling.invoicing;

import java.time.Instant;

import com.wabilling.pricing.ConversationCategory;

/** What invoicing needs of a conversation. */
public record BillableConversation(String id, ConversationCategory category, String market, Instant openedAt) {
}
