package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one encoding of a message (stored blocks and spilled sort runs) on messages as exports carry them:
 * sends with milliseconds, deliveries in whole seconds, missing and empty fields, Polish, Greek and Arabic
 * template names, and every field at its longest (docs/formats.md, the limits of MessageRowMapper).
 */
class MessageCodecTest {

    private static final String WABA = "102938475610001";
    private static final String PHONE = "109876543210001";

    /** An outbound template in Polish, sent with milliseconds, delivered in whole seconds, Meta's columns set. */
    static final ExportedMessage POLISH = new ExportedMessage("wamid.HBgLNDg2MDExMjIzMzQVAgARGBI5QTNDQTVCM0Q0", WABA,
            PHONE, "48601122334", Direction.OUTBOUND, "template", "przypomnienie_o_płatności_źdźbło", "pl",
            Instant.parse("2026-10-14T08:31:07.482Z"), "read", Instant.parse("2026-10-14T08:31:09Z"), null, null, null,
            "utility", "regular");
    /** An inbound reply after an ad, a millisecond before 22:00Z, from a customer known by phone number only. */
    static final ExportedMessage GREEK_INBOUND = new ExportedMessage("wamid.HBgLMzA2OTQxMjM0NTY3FQIAEhgg", WABA, PHONE,
            "306941234567", Direction.INBOUND, "text", null, null, Instant.parse("2023-06-30T21:59:59.999Z"), null,
            null, "ctwa_ad", null, null);
    /** An Arabic marketing template through the Marketing Messages API to a customer known by user id alone. */
    static final ExportedMessage ARABIC_BY_USER_ID = new ExportedMessage("wamid.HBgLOTcxNTAxMjM0NTY3FQIAERgS", WABA,
            PHONE, null, Direction.OUTBOUND, "template", "عرض_نهاية_الأسبوع", "ar_AE",
            Instant.parse("2026-03-05T17:00:00.001Z"), "delivered", Instant.parse("2026-03-05T17:00:02Z"), null, null,
            null, "marketing_lite", "regular", "AE.ENT.7f3kQ2", ExportedMessage.MARKETING_MESSAGES_API);
    /** Sent, never delivered; Meta's conversation columns of the conversation era; empty strings kept as such. */
    static final ExportedMessage GREEK_UNDELIVERED = new ExportedMessage("wamid.HBgLMzA2OTQxMjM0NTY4FQIAERgS", WABA,
            PHONE, "306941234568", Direction.OUTBOUND, "template", "υπενθύμιση_ραντεβού", "", Instant.parse(
                    "2023-06-12T09:15:30.250Z"), "sent", null, null, "c0ffee0123456789abcdef0123456789", "", null, null);

    @Test
    void messagesAsExportsCarryThemSurviveTheRoundTrip() throws IOException {
        List<ExportedMessage> messages = List.of(POLISH, GREEK_INBOUND, ARABIC_BY_USER_ID, GREEK_UNDELIVERED,
                longest());

        assertThat(decode(encode(messages), messages.size())).containsExactlyElementsOf(messages);
    }

    @Test
    void millisecondsAndWholeSecondsAndEmptyAgainstMissingStayApart() throws IOException {
        ExportedMessage back = decode(encode(List.of(GREEK_UNDELIVERED)), 1).get(0);

        assertThat(back.timestamp().toEpochMilli() % 1000).isEqualTo(250);
        assertThat(back.deliveredAt()).isNull();
        assertThat(back.templateLanguage()).isEmpty();
        assertThat(back.metaCategory()).isEmpty();
        assertThat(back.entryPoint()).isNull();
        assertThat(back.customerUserId()).isNull();
        ExportedMessage arabic = decode(encode(List.of(ARABIC_BY_USER_ID)), 1).get(0);
        assertThat(arabic.customerWaId()).isNull();
        assertThat(arabic.templateName()).isEqualTo("عرض_نهاية_الأسبوع");
        assertThat(arabic.deliveredAt()).isEqualTo(Instant.ofEpochSecond(1772730002L));
    }

    @Test
    void everyFieldAtItsLongestFitsTheEncoding() throws IOException {
        ExportedMessage longest = longest();
        byte[] bytes = encode(List.of(longest));

        assertThat(decode(bytes, 1)).containsExactly(longest);
        // 512 Arabic letters take two bytes each in UTF-8, so the template name alone is over 1 KB
        assertThat(bytes.length).isGreaterThan(1024 + 128 + 135);
    }

    @Test
    void aFormatItDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(new byte[8])),
                MessageCodec.FORMAT + 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("format 4");
    }

    /** Every column at the longest the import lets through (MessageRowMapper.LIMITS, message_id 128). */
    private static ExportedMessage longest() {
        String arabicName = "ق".repeat(512);
        String userId = "PL.ENT." + "Zx9".repeat(42) + "Zx"; // 2 + 1 + 4 + 128 characters
        assertThat(userId).hasSize(UserIds.MAX_LENGTH);
        return new ExportedMessage("wamid." + "A".repeat(122), "9".repeat(32), "8".repeat(32), "4".repeat(15),
                Direction.OUTBOUND, "t".repeat(32), arabicName, "ar_SA_extra_1234", Instant.parse(
                        "2026-11-30T23:59:59.999Z"), "delivered", Instant.parse("2026-12-01T00:00:01Z"), null,
                "Ω".repeat(128), "κ".repeat(32), "π".repeat(64), "ł".repeat(64), userId, "m".repeat(32));
    }

    private static byte[] encode(List<ExportedMessage> messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (ExportedMessage m : messages) {
                MessageCodec.write(out, m);
            }
        }
        return bytes.toByteArray();
    }

    private static List<ExportedMessage> decode(byte[] bytes, int count) throws IOException {
        List<ExportedMessage> messages = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                messages.add(MessageCodec.read(in));
            }
            assertThat(in.read()).isEqualTo(-1); // nothing left over
        }
        return messages;
    }
}
