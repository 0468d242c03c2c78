package com.wabilling.conversations;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;

/**
 * A message of a period's read window with its scope, as MessageSort spills it to its run files and
 * the reader merges them back (issue 11), in the order reconstruction needs: by scope, then event
 * time, inbound first, then message_id.
 */
record ScopedMessage(Scope scope, int bucket, StoredMessage message) {

    static final Comparator<ScopedMessage> ORDER = Comparator.comparing(ScopedMessage::scope)
            .thenComparing(m -> m.message().eventAt())
            .thenComparing(m -> !m.message().inbound())
            .thenComparing(m -> m.message().messageId());

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(scope.wabaId());
        out.writeUTF(scope.phoneNumberId());
        out.writeUTF(scope.customerWaId());
        out.writeShort(bucket);
        out.writeUTF(message.messageId());
        out.writeLong(message.eventAt().toEpochMilli());
        out.writeBoolean(message.inbound());
        writeNullable(out, message.type());
        writeNullable(out, message.templateName());
        writeNullable(out, message.templateLanguage());
        writeNullable(out, message.entryPoint());
        writeNullable(out, message.metaConversationId());
        writeNullable(out, message.metaCategory());
    }

    static ScopedMessage read(DataInputStream in) throws IOException {
        Scope scope = new Scope(in.readUTF(), in.readUTF(), in.readUTF());
        int bucket = in.readShort();
        StoredMessage message = new StoredMessage(in.readUTF(), Instant.ofEpochMilli(in.readLong()), in.readBoolean(),
                readNullable(in), readNullable(in), readNullable(in), readNullable(in), readNullable(in),
                readNullable(in));
        return new ScopedMessage(scope, bucket, message);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
