package com.wabilling.messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of messages: one database row (table message_block) holds the
 * messages one transaction stored, in this binary encoding. A row per message cost the embedded
 * database a walk down an index on every insert (~35k rows/s whatever the indexes); a block of
 * 2,000 costs one, and is read back at the speed of the disk. Nothing looks messages up by key:
 * the import filters repeats in memory, reconstruction scans and sorts.
 */
final class MessageBlock {

    private MessageBlock() {
    }

    /** A format byte ({@link MessageCodec#FORMAT}), the count, then each message as {@link MessageCodec} writes it. */
    static byte[] encode(List<ExportedMessage> messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(messages.size() * 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MessageCodec.FORMAT);
            out.writeInt(messages.size());
            for (ExportedMessage m : messages) {
                MessageCodec.write(out, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** Reads a block of any format up to the current one (old databases keep their blocks). */
    static List<ExportedMessage> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format < 1 || format > MessageCodec.FORMAT) {
                throw new IllegalStateException("message block in format " + format + ", this version reads 1 to "
                        + MessageCodec.FORMAT);
            }
            int count = in.readInt();
            List<ExportedMessage> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                messages.add(MessageCodec.read(in, format));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored message block cannot be read", e);
        }
    }
}
