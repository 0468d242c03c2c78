package com.wabilling.messages;

import java.time.Instant;

/**
 * One row of a message export, validated and normalised (docs/formats.md, messages CSV). Two rows with
 * the same message_id are duplicates when these values are equal, whatever their written form.
 */
public record ExportedMessage(String messageId, String wabaId, String phoneNumberId, String customerWaId,
        Direction direction, String type, String templateName, String templateLanguage, Instant timestamp,
        String status, Instant deliveredAt, String entryPoint, String metaConversationId, String metaCategory,
        String metaPricingCategory, String metaPricingType) {

    /** A message without Meta's per-message pricing columns (the conversation era's exports). */
    public ExportedMessage(String messageId, String wabaId, String phoneNumberId, String customerWaId,
            Direction direction, String type, String templateName, String templateLanguage, Instant timestamp,
            String status, Instant deliveredAt, String entryPoint, String metaConversationId, String metaCategory) {
        this(messageId, wabaId, phoneNumberId, customerWaId, direction, type, templateName, templateLanguage, timestamp,
                status, deliveredAt, entryPoint, metaConversationId, metaCategory, null, null);
    }

    public boolean isTemplate() {
        return "template".equals(type);
    }

    /** When the message counts for conversations: received (inbound) or delivered (outbound); null if never. */
    public Instant eventAt() {
        return direction == Direction.INBOUND ? timestamp : deliveredAt;
    }

    /** Delivered before it was sent by the clocks' word: skew between the BSP's and Meta's clocks (docs/formats.md). */
    public boolean deliveredBeforeSent() {
        return deliveredAt != null && deliveredAt.isBefore(timestamp);
    }

    /** The partition bucket of the customer: scopes never span buckets, in either scope mode. */
    public int bucket() {
        return Buckets.of(customerWaId);
    }
}
