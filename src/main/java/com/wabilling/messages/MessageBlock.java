package com.wabilling.messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.wabilling.support.NullableUtf;

/**
 * The stored form of messages: one database row (table message_block) holds the
 * messages one transaction stored, in this binary encoding. A row per message cost the embedded
 * database a walk down an index on every insert (~35k rows/s whatever the indexes); a block of
 * 2,000 costs one, and is read back at the speed of the disk. Nothing looks messages up by key:
 * the import filters repeats in memory, reconstruction scans and sorts.
 */
final class MessageBlock {

    /**
     * 2 adds Meta's per-message pricing columns; 3 lets customer_wa_id be missing and adds customer_user_id
     * and sent_via (docs/formats.md, messages CSV). Blocks in formats 1 and 2 are still read.
     */
    private static final int FORMAT = 3;

    private MessageBlock() {
    }

    static byte[] encode(List<ExportedMessage> messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(messages.size() * 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(messages.size());
            for (ExportedMessage m : messages) {
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
                NullableUtf.write(out, m.metaPricingCategory());
                NullableUtf.write(out, m.metaPricingType());
                NullableUtf.write(out, m.customerUserId());
                NullableUtf.write(out, m.sentVia());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    static List<ExportedMessage> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format < 1 || format > FORMAT) {
                throw new IllegalStateException("message block in format " + format + ", this version reads 1 to "
                        + FORMAT);
            }
            int count = in.readInt();
            List<ExportedMessage> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
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
                messages.add(new ExportedMessage(id, waba, phone, customer, direction, type, templateName,
                        templateLanguage, timestamp, status, deliveredAt, entryPoint, metaConversationId, metaCategory,
                        metaPricingCategory, metaPricingType, customerUserId, sentVia));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored message block cannot be read", e);
        }
    }
}
