package com.wabilling.messages;

import java.time.Instant;

/**
 * One row of a message export, validated and normalised (docs/formats.md, messages CSV). Two rows with
 * the same message_id are duplicates when these values are equal, whatever their written form.
 */
public record ExportedMessage(String messageId, String wabaId, String phoneNumberId, String customerWaId,
        Direction direction, String type, String templateName, String templateLanguage, Instant timestamp,
        String status, Instant deliveredAt, String entryPoint, String metaConversationId, String metaCategory,
        String metaPricingCategory, String metaPricingType, String customerUserId, String sentVia) {

    /** docs/formats.md, sent_via: the only value kept; empty and {@code cloud_api} are stored as null. */
    public static final String MARKETING_MESSAGES_API = "marketing_messages_api";

    /** A message without the customer's user id and the sending API (exports before 2026). */
    public ExportedMessage(String messageId, String wabaId, String phoneNumberId, String customerWaId,
            Direction direction, String type, String templateName, String templateLanguage, Instant timestamp,
            String status, Instant deliveredAt, String entryPoint, String metaConversationId, String metaCategory,
            String metaPricingCategory, String metaPricingType) {
        this(messageId, wabaId, phoneNumberId, customerWaId, direction, type, templateName, templateLanguage, timestamp,
                status, deliveredAt, entryPoint, metaConversationId, metaCategory, metaPricingCategory, metaPricingType,
                null, null);
    }

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

    /**
     * The row's own customer key, before links to other rows are known (docs/billing-rules.md 3.6): the
     * user id when the row has one, else the phone number. Reconstruction resolves the final key with
     * {@link CustomerLinks}.
     */
    public String customerKey() {
        return customerUserId != null ? customerUserId : customerWaId;
    }

    /** The same message with the status fields (status, delivery, Meta's webhook columns) of {@code other}. */
    public ExportedMessage withStatusOf(ExportedMessage other) {
        return new ExportedMessage(messageId, wabaId, phoneNumberId, customerWaId, direction, type, templateName,
                templateLanguage, timestamp, other.status(), other.deliveredAt(), entryPoint, other.metaConversationId(),
                other.metaCategory(), other.metaPricingCategory(), other.metaPricingType(), customerUserId, sentVia);
    }
}
