package com.wabilling.permessage;

/**
 * docs/per-message-pricing.md 5: a message Meta priced per message (its export carries Meta's pricing columns)
 * that has no pricing record here, because a conversation opened before the switch covered it (section 1).
 */
public record MetaOnlyRecord(String messageId, String conversationId, String metaPricingCategory,
        String metaPricingType) {
}
