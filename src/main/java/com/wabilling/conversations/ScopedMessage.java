package com.wabilling.conversations;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;

import com.wabilling.support.NullableUtf;

/**
 * A message of a period's read window with its scope, as MessageSort spills it to its run files and
 * the reader merges them back, in the order reconstruction needs: by scope, then event
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
        NullableUtf.write(out, message.type());
        NullableUtf.write(out, message.templateName());
        NullableUtf.write(out, message.templateLanguage());
        NullableUtf.write(out, message.entryPoint());
        NullableUtf.write(out, message.metaConversationId());
        NullableUtf.write(out, message.metaCategory());
        NullableUtf.write(out, message.phoneNumberId());
        NullableUtf.write(out, message.metaPricingCategory());
        NullableUtf.write(out, message.metaPricingType());
        NullableUtf.write(out, message.customerWaId());
        NullableUtf.write(out, message.customerUserId());
        NullableUtf.write(out, message.sentVia());
    }

    static ScopedMessage read(DataInputStream in) throws IOException {
        Scope scope = new Scope(in.readUTF(), in.readUTF(), in.readUTF());
        int bucket = in.readShort();
        StoredMessage message = new StoredMessage(in.readUTF(), Instant.ofEpochMilli(in.readLong()), in.readBoolean(),
                NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in),
                NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in),
                NullableUtf.read(in), NullableUtf.read(in), NullableUtf.read(in));
        return new ScopedMessage(scope, bucket, message);
    }
}
