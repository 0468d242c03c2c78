package com.wabilling.messages;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

import com.wabilling.support.NullableUtf;

/**
 * The one binary encoding of a message's fields, shared by the stored blocks ({@link MessageBlock},
 * table message_block) and reconstruction's spilled sort runs. Stored blocks outlive versions, so the
 * layout only grows: a new field is written last and read only from the {@link #FORMAT} that added it
 * (docs/development.md, "Adding a column to the message export").
 */
public final class MessageCodec {

    /**
     * 2 added Meta's per-message pricing columns; 3 lets customer_wa_id be missing and adds customer_user_id
     * and sent_via (docs/formats.md, messages CSV). Messages in formats 1 and 2 are still read.
     */
    public static final int FORMAT = 3;

    private MessageCodec() {
    }

    /** Writes {@code m} in the current {@link #FORMAT}. */
    public static void write(DataOutput out, ExportedMessage m) throws IOException {
        out.writeUTF(m.messageId());
        out.writeUTF(m.wabaId());
        out.writeUTF(m.phoneNumberId());
        NullableUtf.write(out, m.customerWaId());
        out.writeUTF(m.direction().code());
        out.writeUTF(m.type());
        NullableUtf.write(out, m.templateName());
        NullableUtf.write(out, m.templateLanguage());
        out.writeLong(m.timestamp().toEpochMilli());
        NullableUtf.write(out, m.status());
        out.writeBoolean(m.deliveredAt() != null);
        if (m.deliveredAt() != null) {
            out.writeLong(m.deliveredAt().toEpochMilli());
        }
        NullableUtf.write(out, m.entryPoint());
        NullableUtf.write(out, m.metaConversationId());
        NullableUtf.write(out, m.metaCategory());
        // format 2
        NullableUtf.write(out, m.metaPricingCategory());
        NullableUtf.write(out, m.metaPricingType());
        // format 3
        NullableUtf.write(out, m.customerUserId());
        NullableUtf.write(out, m.sentVia());
    }

    /** Reads a message written in the current {@link #FORMAT}. */
    public static ExportedMessage read(DataInput in) throws IOException {
        return read(in, FORMAT);
    }

    /** Reads a message written in {@code format} (1 to {@link #FORMAT}); fields it did not have are null. */
    public static ExportedMessage read(DataInput in, int format) throws IOException {
        if (format < 1 || format > FORMAT) {
            throw new IllegalStateException("message in format " + format + ", this version reads 1 to " + FORMAT);
        }
        return readAfterId(in.readUTF(), in, format);
    }

    /** Reads the rest of a message whose message_id ({@code id}) was just read from {@code in}. */
    static ExportedMessage readAfterId(String id, DataInput in, int format) throws IOException {
        String waba = in.readUTF();
        String phone = in.readUTF();
        String customer = format >= 3 ? NullableUtf.read(in) : in.readUTF();
        Direction direction = Direction.ofCode(in.readUTF());
        String type = in.readUTF();
        String templateName = NullableUtf.read(in);
        String templateLanguage = NullableUtf.read(in);
        Instant timestamp = Instant.ofEpochMilli(in.readLong());
        String status = NullableUtf.read(in);
        Instant deliveredAt = in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
        String entryPoint = NullableUtf.read(in);
        String metaConversationId = NullableUtf.read(in);
        String metaCategory = NullableUtf.read(in);
        String metaPricingCategory = format >= 2 ? NullableUtf.read(in) : null;
        String metaPricingType = format >= 2 ? NullableUtf.read(in) : null;
        String customerUserId = format >= 3 ? NullableUtf.read(in) : null;
        String sentVia = format >= 3 ? NullableUtf.read(in) : null;
        return new ExportedMessage(id, waba, phone, customer, direction, type, templateName, templateLanguage,
                timestamp, status, deliveredAt, entryPoint, metaConversationId, metaCategory, metaPricingCategory,
                metaPricingType, customerUserId, sentVia);
    }

    /**
     * Passes over the rest of a message whose message_id was just read, field by field as
     * {@link #readAfterId} reads them (MessageCodecTest holds the two to the same length).
     */
    static void skipAfterId(BlockInput in, int format) throws IOException {
        in.skipUTF(); // waba_id
        in.skipUTF(); // phone_number_id
        if (format >= 3) {
            in.skipNullableUTF(); // customer_wa_id
        } else {
            in.skipUTF();
        }
        in.skipUTF(); // direction
        in.skipUTF(); // type
        in.skipNullableUTF(); // template_name
        in.skipNullableUTF(); // template_language
        in.skip(Long.BYTES); // timestamp
        in.skipNullableUTF(); // status
        if (in.readBoolean()) {
            in.skip(Long.BYTES); // delivered_at
        }
        in.skipNullableUTF(); // entry_point
        in.skipNullableUTF(); // meta_conversation_id
        in.skipNullableUTF(); // meta_category
        int nullable = (format >= 2 ? 2 : 0) + (format >= 3 ? 2 : 0); // Meta's pricing columns; user id, sent_via
        for (int i = 0; i < nullable; i++) {
            in.skipNullableUTF();
        }
    }
}
