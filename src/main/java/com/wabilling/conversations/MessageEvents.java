package com.wabilling.conversations;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.templates.CategoryHistory;

/**
 * The one place where a stored message becomes the state machine's {@link MessageEvent}
 * (docs/billing-rules.md 3.1): a template gets the category in effect at delivery (MARKETING when the
 * catalogue does not know it, docs/billing-rules.md 3.3 rule 5), and the columns per-message pricing reads
 * travel along (docs/per-message-pricing.md 2, 5). A new export column reconstruction needs is passed on here.
 */
final class MessageEvents {

    private final CategoryHistory categories;

    MessageEvents(CategoryHistory categories) {
        this.categories = categories;
    }

    /** The event of {@code m}, a message with an event time in {@code scope}. */
    MessageEvent of(Scope scope, ExportedMessage m) {
        if (m.direction() == Direction.INBOUND) {
            return MessageEvent.inbound(m.messageId(), m.eventAt(), m.entryPoint() != null);
        }
        MessageEvent event;
        if (m.isTemplate()) {
            event = categories.categoryAt(scope.wabaId(), m.templateName(), m.templateLanguage(), m.eventAt())
                    .map(c -> MessageEvent.template(m.messageId(), m.eventAt(), ConversationCategory.valueOf(c.name())))
                    .orElseGet(() -> MessageEvent.unknownTemplate(m.messageId(), m.eventAt(),
                            "template '" + m.templateName() + "' (" + m.templateLanguage() + ") of WABA "
                                    + scope.wabaId()));
        } else {
            event = MessageEvent.freeForm(m.messageId(), m.eventAt(), m.type());
        }
        if (m.sentVia() != null) { // docs/per-message-pricing.md 2: the Marketing Messages API
            event = event.sentVia(m.sentVia());
        }
        // the business number even when the scope leaves it out (conversation-scope=waba): the service free
        // tier counts per number (docs/per-message-pricing.md 2 rule 3)
        event = event.withPricing(m.phoneNumberId().strip(), m.metaPricingCategory(), m.metaPricingType());
        return m.metaConversationId() == null ? event : event.withMeta(m.metaConversationId(), m.metaCategory());
    }
}
