package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.templates.CategoryHistory;
import com.wabilling.templates.TemplateCategory;

/**
 * The one derivation of a stored message's event (docs/billing-rules.md 3.1, 3.3 rule 5;
 * docs/per-message-pricing.md 2): each expected event is written out field by field.
 */
class MessageEventsTest {

    private static final String WABA = "102938475610001";
    private static final Scope SCOPE = new Scope(WABA, "109876543210001", "48601122334");
    /** A Polish template that was marketing until Meta's reclassification took effect on 2023-04-01. */
    private static final CategoryHistory CATEGORIES = new CategoryHistory()
            .add(WABA, "przypomnienie_o_płatności", "pl", Instant.parse("2023-01-01T00:00:00Z"), TemplateCategory.MARKETING)
            .add(WABA, "przypomnienie_o_płatności", "pl", Instant.parse("2023-04-01T00:00:00Z"), TemplateCategory.UTILITY);
    private final MessageEvents events = new MessageEvents(CATEGORIES);

    @Test
    void aDeliveredTemplateTakesTheCategoryInEffectAtDeliveryAndMetasColumns() {
        // sent 2023-03-31 23:59:59.480Z, delivered in whole seconds after the reclassification took effect
        ExportedMessage m = new ExportedMessage("wamid.pl1", WABA, " 109876543210001 ", "48601122334",
                Direction.OUTBOUND, "template", "przypomnienie_o_płatności", "pl",
                Instant.parse("2023-03-31T23:59:59.480Z"), "delivered", Instant.parse("2023-04-01T00:00:02Z"), null,
                "c0ffee01", "utility", "utility", "regular");

        assertThat(events.of(SCOPE, m)).isEqualTo(new MessageEvent("wamid.pl1", Instant.parse("2023-04-01T00:00:02Z"),
                false, false, ConversationCategory.UTILITY, null, "template", "c0ffee01", "utility", "109876543210001",
                "utility", "regular", false));
    }

    @Test
    void anUnknownTemplateIsMarketingAndNamedAndTheMarketingMessagesApiIsKept() {
        ExportedMessage m = new ExportedMessage("wamid.ar1", WABA, "109876543210001", null, Direction.OUTBOUND,
                "template", "عرض_نهاية_الأسبوع", "ar", Instant.parse("2026-03-05T17:00:00.001Z"), "read",
                Instant.parse("2026-03-05T17:00:02Z"), null, null, null, "marketing_lite", "regular", "AE.7f3k",
                ExportedMessage.MARKETING_MESSAGES_API);

        assertThat(events.of(SCOPE, m)).isEqualTo(new MessageEvent("wamid.ar1", Instant.parse("2026-03-05T17:00:02Z"),
                false, false, ConversationCategory.MARKETING, "template 'عرض_نهاية_الأسبوع' (ar) of WABA " + WABA,
                "template", null, null, "109876543210001", "marketing_lite", "regular", true));
    }

    @Test
    void anInboundMessageCountsAtItsTimestampAndAnAdMakesItAReferral() {
        ExportedMessage m = new ExportedMessage("wamid.gr1", WABA, "109876543210001", "306941234567",
                Direction.INBOUND, "text", null, null, Instant.parse("2026-10-25T00:59:59.999Z"), null, null,
                "ctwa_ad", null, null);

        assertThat(events.of(SCOPE, m)).isEqualTo(new MessageEvent("wamid.gr1",
                Instant.parse("2026-10-25T00:59:59.999Z"), true, true, null, null, null, null, null, null, null, null,
                false));
    }

    @Test
    void aFreeFormReplyKeepsItsTypeAndTheBusinessNumberInWabaScope() {
        Scope waba = new Scope(WABA, "", "48601122334");
        ExportedMessage m = new ExportedMessage("wamid.pl2", WABA, "109876543210002", "48601122334",
                Direction.OUTBOUND, "image", null, null, Instant.parse("2026-10-14T08:31:07.482Z"), "read",
                Instant.parse("2026-10-14T08:31:09Z"), null, null, null, "service", "free_customer_service",
                null, null);

        assertThat(events.of(waba, m)).isEqualTo(new MessageEvent("wamid.pl2", Instant.parse("2026-10-14T08:31:09Z"),
                false, false, null, null, "image", null, null, "109876543210002", "service", "free_customer_service",
                false));
    }
}
