package com.wabilling.conversations;

import java.time.Instant;
import com.wabilling.pricing.ConversationCategory;

/**
 * A message as the state machine sees it (docs/billing-rules.md 3.1): inbound at its timestamp, or a delivered
 * outbound at its delivery time. For a template, {@code category} is the template category in effect
 * at delivery (MARKETING for an unknown template); it is null for free-form messages. The business
 * phone number, Meta's pricing columns and whether it was sent through the Marketing Messages API matter only
 * to per-message pricing (docs/per-message-pricing.md 2, 5).
 */
public record MessageEvent(String messageId, Instant at, boolean inbound, boolean referral,
        ConversationCategory category, String unknownTemplate, String type, String metaConversationId,
        String metaCategory, String phoneNumberId, String metaPricingCategory, String metaPricingType,
        boolean marketingMessagesApi) {

    public MessageEvent(String messageId, Instant at, boolean inbound, boolean referral,
            ConversationCategory category, String unknownTemplate, String type, String metaConversationId,
            String metaCategory, String phoneNumberId, String metaPricingCategory, String metaPricingType) {
        this(messageId, at, inbound, referral, category, unknownTemplate, type, metaConversationId, metaCategory,
                phoneNumberId, metaPricingCategory, metaPricingType, false);
    }

    public static MessageEvent inbound(String messageId, Instant at, boolean referral) {
        return new MessageEvent(messageId, at, true, referral, null, null, null, null, null, null, null, null);
    }

    public static MessageEvent template(String messageId, Instant at, ConversationCategory category) {
        return new MessageEvent(messageId, at, false, false, category, null, "template", null, null, null, null, null);
    }

    public static MessageEvent freeForm(String messageId, Instant at, String type) {
        return new MessageEvent(messageId, at, false, false, null, null, type, null, null, null, null, null);
    }

    /** docs/billing-rules.md 3.3 rule 5: a template the catalogue does not know is billed as MARKETING. */
    public static MessageEvent unknownTemplate(String messageId, Instant at, String description) {
        return new MessageEvent(messageId, at, false, false, ConversationCategory.MARKETING, description,
                "template", null, null, null, null, null);
    }

    public MessageEvent withMeta(String conversationId, String category) {
        return new MessageEvent(messageId, at, inbound, referral, this.category, unknownTemplate, type, conversationId,
                category, phoneNumberId, metaPricingCategory, metaPricingType, marketingMessagesApi);
    }

    /** The business number that sent it and what Meta's status webhook said about its price. */
    public MessageEvent withPricing(String phoneNumber, String pricingCategory, String pricingType) {
        return new MessageEvent(messageId, at, inbound, referral, category, unknownTemplate, type, metaConversationId,
                metaCategory, phoneNumber, pricingCategory, pricingType, marketingMessagesApi);
    }

    /** The API the row says sent it: {@code marketing_messages_api} marks the Marketing Messages API. */
    public MessageEvent sentVia(String api) {
        return new MessageEvent(messageId, at, inbound, referral, category, unknownTemplate, type, metaConversationId,
                metaCategory, phoneNumberId, metaPricingCategory, metaPricingType,
                "marketing_messages_api".equals(api));
    }

    public boolean isTemplate() {
        return !inbound && category != null;
    }

    public boolean hasMetaPricing() {
        return metaPricingCategory != null || metaPricingType != null;
    }
}
