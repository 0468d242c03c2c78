package com.wabilling.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The stored form of messages: one database row (table message_block) holds the
 * messages one transaction stored, in this binary encoding. A row per message cost the embedded
 * database a walk down an index on every insert (~35k rows/s whatever the indexes); a block of
 * 2,000 costs one, and is read back at the speed of the disk. Nothing looks messages up by key:
 * the import filters repeats in memory, reconstruction scans and sorts.
 */
final class MessageBlock {

    /** A message of the benchmark's exports takes 130 to 190 bytes: a block rarely grows. */
    private static final int BYTES_PER_MESSAGE = 192;

    private MessageBlock() {
    }

    /** A format byte ({@link MessageCodec#FORMAT}), the count, then each message as {@link MessageCodec} writes it. */
    static byte[] encode(List<ExportedMessage> messages) {
        BlockOutput out = new BlockOutput(5 + messages.size() * BYTES_PER_MESSAGE);
        try {
            out.writeByte(MessageCodec.FORMAT);
            out.writeInt(messages.size());
            for (ExportedMessage m : messages) {
                MessageCodec.write(out, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: only a string too long for writeUTF
        }
        return out.toByteArray();
    }

    /** Reads a block of any format up to the current one (old databases keep their blocks). */
    static List<ExportedMessage> decode(byte[] data) {
        List<ExportedMessage> messages = new ArrayList<>();
        decodeWhere(data, id -> true, messages::add);
        return messages;
    }

    /**
     * Decodes only the messages whose message_id {@code wanted} accepts, passing over the others
     * undecoded (the repeats of an import are a few in a million stored).
     */
    static void decodeWhere(byte[] data, Predicate<String> wanted, Consumer<ExportedMessage> action) {
        try {
            BlockInput in = new BlockInput(data);
            int format = format(in);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                if (wanted.test(id)) {
                    action.accept(MessageCodec.readAfterId(id, in, format));
                } else {
                    MessageCodec.skipAfterId(in, format);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored message block cannot be read", e);
        }
    }

    /** The message_ids of a block, in order, nothing else decoded. */
    static void forEachId(byte[] data, Consumer<String> action) {
        decodeWhere(data, id -> {
            action.accept(id);
            return false;
        }, m -> {
        });
    }

    private static int format(BlockInput in) throws IOException {
        int format = in.readByte();
        if (format < 1 || format > MessageCodec.FORMAT) {
            throw new IllegalStateException("message block in format " + format + ", this version reads 1 to "
                    + MessageCodec.FORMAT);
        }
        return format;
    }
}
