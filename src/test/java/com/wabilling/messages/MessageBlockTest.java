package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The stored form of messages: format 2 adds Meta's pricing columns, 3 the user id and the sending API; blocks
 * written in formats 1 and 2 are still read, and format 3 is written byte for byte as before.
 */
class MessageBlockTest {

    private static final ExportedMessage PRICED = new ExportedMessage("wamid.1", "100", "200", "5511999990000",
            Direction.OUTBOUND, "template", "order_update", "pt_BR", Instant.parse("2026-10-01T10:00:00Z"), "read",
            Instant.parse("2026-10-01T10:00:05Z"), null, null, null, "utility", "free_customer_service");

    @Test
    void metaPricingColumnsSurviveTheRoundTrip() {
        assertThat(MessageBlock.decode(MessageBlock.encode(List.of(PRICED)))).containsExactly(PRICED);
    }

    @Test
    void aBlockInFormat1IsReadWithoutPricingColumns() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // the layout version 1 wrote, by hand: one inbound referral message
            out.writeByte(1);
            out.writeInt(1);
            out.writeUTF("wamid.0");
            out.writeUTF("100");
            out.writeUTF("200");
            out.writeUTF("5511999990000");
            out.writeUTF(Direction.INBOUND.code());
            out.writeUTF("text");
            out.writeBoolean(false); // template name: null
            out.writeBoolean(false); // template language: null
            out.writeLong(Instant.parse("2023-06-01T10:00:00Z").toEpochMilli());
            out.writeBoolean(false); // status: null
            out.writeBoolean(false); // never delivered
            out.writeBoolean(true);
            out.writeUTF("ctwa_ad");
            out.writeBoolean(false);
            out.writeBoolean(false);
        }

        assertThat(MessageBlock.decode(bytes.toByteArray())).containsExactly(new ExportedMessage("wamid.0", "100", "200",
                "5511999990000", Direction.INBOUND, "text", null, null, Instant.parse("2023-06-01T10:00:00Z"), null, null,
                "ctwa_ad", null, null));
    }

    @Test
    void aCustomerKnownByUserIdAloneAndTheSendingApiSurviveTheRoundTrip() {
        ExportedMessage lite = new ExportedMessage("wamid.2", "100", "200", null, Direction.OUTBOUND, "template",
                "promo", "en", Instant.parse("2026-03-01T10:00:00Z"), "read", Instant.parse("2026-03-01T10:00:05Z"),
                null, null, null, "marketing_lite", "regular", "US.ENT.4d", ExportedMessage.MARKETING_MESSAGES_API);

        assertThat(MessageBlock.decode(MessageBlock.encode(List.of(lite, PRICED)))).containsExactly(lite, PRICED);
    }

    @Test
    void aBlockInFormat2IsReadWithoutUserIdAndSendingApi() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // the layout version 2 wrote, by hand: the message PRICED
            out.writeByte(2);
            out.writeInt(1);
            out.writeUTF("wamid.1");
            out.writeUTF("100");
            out.writeUTF("200");
            out.writeUTF("5511999990000"); // customer_wa_id was never null then
            out.writeUTF(Direction.OUTBOUND.code());
            out.writeUTF("template");
            out.writeBoolean(true);
            out.writeUTF("order_update");
            out.writeBoolean(true);
            out.writeUTF("pt_BR");
            out.writeLong(Instant.parse("2026-10-01T10:00:00Z").toEpochMilli());
            out.writeBoolean(true);
            out.writeUTF("read");
            out.writeBoolean(true);
            out.writeLong(Instant.parse("2026-10-01T10:00:05Z").toEpochMilli());
            out.writeBoolean(false); // entry point
            out.writeBoolean(false); // meta conversation id
            out.writeBoolean(false); // meta category
            out.writeBoolean(true);
            out.writeUTF("utility");
            out.writeBoolean(true);
            out.writeUTF("free_customer_service");
        }

        assertThat(MessageBlock.decode(bytes.toByteArray())).containsExactly(PRICED);
    }

    @Test
    void blocksAreStillWrittenInFormat3ByteForByte() throws IOException {
        ExportedMessage greek = new ExportedMessage("wamid.3", "100", "200", null, Direction.OUTBOUND, "template",
                "υπενθύμιση", "el", Instant.parse("2026-03-01T10:00:00.123Z"), "read",
                Instant.parse("2026-03-01T10:00:05Z"), null, null, null, "marketing_lite", "regular", "GR.7f3k",
                ExportedMessage.MARKETING_MESSAGES_API);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // the layout version 3 writes, by hand: databases hold such blocks, so it never changes
            out.writeByte(3);
            out.writeInt(1);
            out.writeUTF("wamid.3");
            out.writeUTF("100");
            out.writeUTF("200");
            out.writeBoolean(false); // customer_wa_id: none, the user id alone
            out.writeUTF(Direction.OUTBOUND.code());
            out.writeUTF("template");
            out.writeBoolean(true);
            out.writeUTF("υπενθύμιση");
            out.writeBoolean(true);
            out.writeUTF("el");
            out.writeLong(Instant.parse("2026-03-01T10:00:00.123Z").toEpochMilli());
            out.writeBoolean(true);
            out.writeUTF("read");
            out.writeBoolean(true);
            out.writeLong(Instant.parse("2026-03-01T10:00:05Z").toEpochMilli());
            out.writeBoolean(false); // entry point
            out.writeBoolean(false); // meta conversation id
            out.writeBoolean(false); // meta category
            out.writeBoolean(true);
            out.writeUTF("marketing_lite");
            out.writeBoolean(true);
            out.writeUTF("regular");
            out.writeBoolean(true);
            out.writeUTF("GR.7f3k");
            out.writeBoolean(true);
            out.writeUTF("marketing_messages_api");
        }

        assertThat(MessageBlock.encode(List.of(greek))).isEqualTo(bytes.toByteArray());
        assertThat(MessageBlock.decode(bytes.toByteArray())).containsExactly(greek);
    }
}
