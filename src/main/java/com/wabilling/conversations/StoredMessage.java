package com.wabilling.conversations;

import java.time.Instant;

/** What reconstruction reads of an imported message that has an event time. */
public record StoredMessage(String messageId, Instant eventAt, boolean inbound, String type, String templateName,
        String templateLanguage, String entryPoint, String metaConversationId, String metaCategory) {
}
