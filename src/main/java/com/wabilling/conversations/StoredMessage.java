package com.wabilling.conversations;

import java.time.Instant;

/**
 * What reconstruction reads of an imported message that has an event time. {@code phoneNumberId} is the
 * business number even when the scope leaves it out (conversation-scope=waba): the service free tier
 * counts per number (docs/per-message-pricing.md 2 rule 3). The customer's ids as the row wrote them
 * (docs/billing-rules.md 3.6) tell a conflicting link; {@code sentVia} the Marketing Messages API
 * (docs/per-message-pricing.md 2).
 */
public record StoredMessage(String messageId, Instant eventAt, boolean inbound, String type, String templateName,
        String templateLanguage, String entryPoint, String metaConversationId, String metaCategory,
        String phoneNumberId, String metaPricingCategory, String metaPricingType, String customerWaId,
        String customerUserId, String sentVia) {

    /** A message without the customer's own ids and the sending API (tests). */
    public StoredMessage(String messageId, Instant eventAt, boolean inbound, String type, String templateName,
            String templateLanguage, String entryPoint, String metaConversationId, String metaCategory,
            String phoneNumberId, String metaPricingCategory, String metaPricingType) {
        this(messageId, eventAt, inbound, type, templateName, templateLanguage, entryPoint, metaConversationId,
                metaCategory, phoneNumberId, metaPricingCategory, metaPricingType, null, null, null);
    }

    /** A message of the conversation era (tests): no per-message pricing columns, number from the scope. */
    public StoredMessage(String messageId, Instant eventAt, boolean inbound, String type, String templateName,
            String templateLanguage, String entryPoint, String metaConversationId, String metaCategory) {
        this(messageId, eventAt, inbound, type, templateName, templateLanguage, entryPoint, metaConversationId,
                metaCategory, null, null, null);
    }
}
