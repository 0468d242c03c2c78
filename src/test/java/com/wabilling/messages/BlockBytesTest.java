package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The block's own reader and writer against java.io's DataInputStream and DataOutputStream, the
 * encoding the stored blocks were always written in: the same bytes for every kind of string (ASCII,
 * NUL, Polish, Greek, Arabic, a character beyond the BMP, a lone surrogate, the longest writeUTF takes),
 * and a message passed over undecoded ends where its decoding ends, in every format.
 */
class BlockBytesTest {

    private static final List<String> STRINGS = List.of("", "wamid.HBgLNDg2MDExMjIzMzQVAgARGBI5QTNDQTVCM0Q0",
            "a\u0000b", "\u007f", "\u0080", "przypomnienie_o_płatności_źdźbło", "υπενθύμιση_ραντεβού",
            "عرض_نهاية_الأسبوع", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "x".repeat(65_535),
            "ł".repeat(32_767));

    @Test
    void writesWhatDataOutputStreamWrites() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream reference = new DataOutputStream(expected);
        BlockOutput out = new BlockOutput(16);
        for (String s : STRINGS) {
            reference.writeUTF(s);
            out.writeUTF(s);
            reference.writeBoolean(true);
            out.writeBoolean(true);
            reference.writeLong(-1_790_726_427_123L);
            out.writeLong(-1_790_726_427_123L);
            reference.writeInt(0x80_00_00_01);
            out.writeInt(0x80_00_00_01);
        }

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void refusesWhatDataOutputStreamRefuses() {
        assertThatThrownBy(() -> new BlockOutput(16).writeUTF("x".repeat(65_536)))
                .isInstanceOf(UTFDataFormatException.class);
        assertThatThrownBy(() -> new BlockOutput(16).writeUTF("ł".repeat(32_768)))
                .isInstanceOf(UTFDataFormatException.class);
    }

    @Test
    void readsWhatDataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String s : STRINGS) {
            out.writeUTF(s);
            out.writeLong(Long.MIN_VALUE + 7);
            out.writeBoolean(false);
        }
        BlockInput in = new BlockInput(bytes.toByteArray());
        DataInputStream reference = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        for (int i = 0; i < STRINGS.size(); i++) {
            String read = in.readUTF();
            assertThat(read).isEqualTo(reference.readUTF()).isEqualTo(STRINGS.get(i));
            assertThat(in.readLong()).isEqualTo(reference.readLong()).isEqualTo(Long.MIN_VALUE + 7);
            assertThat(in.readBoolean()).isEqualTo(reference.readBoolean()).isFalse();
        }
        assertThatThrownBy(in::readByte).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void aMessagePassedOverEndsWhereItsDecodingEndsInEveryFormat() throws IOException {
        List<ExportedMessage> messages = List.of(MessageCodecTest.POLISH, MessageCodecTest.GREEK_INBOUND,
                MessageCodecTest.ARABIC_BY_USER_ID, MessageCodecTest.GREEK_UNDELIVERED);
        for (int format = 1; format <= MessageCodec.FORMAT; format++) {
            byte[] bytes = inFormat(messages, format);
            BlockInput read = new BlockInput(bytes);
            BlockInput skipped = new BlockInput(bytes);
            for (ExportedMessage m : messages) {
                assertThat(MessageCodec.read(read, format).messageId()).isEqualTo(m.messageId());
                assertThat(skipped.readUTF()).isEqualTo(m.messageId());
                MessageCodec.skipAfterId(skipped, format);
                assertThat(skipped.skipBytes(0)).isZero();
            }
            // both at the very end of the bytes, whatever the format
            assertThat(read.skipBytes(1)).as("format %d", format).isZero();
            assertThat(skipped.skipBytes(1)).as("format %d", format).isZero();
        }
    }

    @Test
    void aBlockDecodesOnlyTheWantedMessagesAndListsEveryId() {
        List<ExportedMessage> messages = List.of(MessageCodecTest.POLISH, MessageCodecTest.GREEK_INBOUND,
                MessageCodecTest.ARABIC_BY_USER_ID, MessageCodecTest.GREEK_UNDELIVERED);
        byte[] block = MessageBlock.encode(messages);
        List<ExportedMessage> wanted = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        MessageBlock.decodeWhere(block, id -> id.equals(MessageCodecTest.ARABIC_BY_USER_ID.messageId())
                || id.equals(MessageCodecTest.GREEK_UNDELIVERED.messageId()), wanted::add);
        MessageBlock.forEachId(block, ids::add);

        assertThat(wanted).containsExactly(MessageCodecTest.ARABIC_BY_USER_ID, MessageCodecTest.GREEK_UNDELIVERED);
        assertThat(ids).containsExactly(MessageCodecTest.POLISH.messageId(), MessageCodecTest.GREEK_INBOUND.messageId(),
                MessageCodecTest.ARABIC_BY_USER_ID.messageId(), MessageCodecTest.GREEK_UNDELIVERED.messageId());
    }

    /** The messages in an older layout, written field by field as that version did (MessageBlockTest's by hand). */
    private static byte[] inFormat(List<ExportedMessage> messages, int format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (ExportedMessage m : messages) {
            out.writeUTF(m.messageId());
            out.writeUTF(m.wabaId());
            out.writeUTF(m.phoneNumberId());
            if (format >= 3) {
                nullable(out, m.customerWaId());
            } else {
                out.writeUTF(m.customerWaId() == null ? "" : m.customerWaId());
            }
            out.writeUTF(m.direction().code());
            out.writeUTF(m.type());
            nullable(out, m.templateName());
            nullable(out, m.templateLanguage());
            out.writeLong(m.timestamp().toEpochMilli());
            nullable(out, m.status());
            out.writeBoolean(m.deliveredAt() != null);
            if (m.deliveredAt() != null) {
                out.writeLong(m.deliveredAt().toEpochMilli());
            }
            nullable(out, m.entryPoint());
            nullable(out, m.metaConversationId());
            nullable(out, m.metaCategory());
            if (format >= 2) {
                nullable(out, m.metaPricingCategory());
                nullable(out, m.metaPricingType());
            }
            if (format >= 3) {
                nullable(out, m.customerUserId());
                nullable(out, m.sentVia());
            }
        }
        return bytes.toByteArray();
    }

    private static void nullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }
    /** readLine as java.io's own DataInputStream reads the same bytes (its expectation, not ours). */
    @Test
    @SuppressWarnings("deprecation")
    void linesAreReadAsDataInputStreamReadsThem() throws IOException {
        byte[] bytes = "first\r\nsecond\rthird\n\nZa\u017c\u00f3\u0142\u0107 last".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        DataInputStream expected = new DataInputStream(new ByteArrayInputStream(bytes));
        BlockInput actual = new BlockInput(bytes);
        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (String line = expected.readLine(); line != null; line = expected.readLine()) {
            theirs.add(line);
        }
        for (String line = actual.readLine(); line != null; line = actual.readLine()) {
            ours.add(line);
        }

        assertThat(ours).isEqualTo(theirs).hasSize(5);
        assertThat(new BlockInput(new byte[0]).readLine()).isNull();
    }
}
