package com.wabilling.conversations;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Comparator;

import com.wabilling.messages.Buckets;
import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageCodec;
import com.wabilling.periods.ScopeMode;

/**
 * A message of a period's read window with its scope, as MessageSort spills it to its run files and
 * the reader merges them back, in the order reconstruction needs: by scope, then event
 * time, inbound first, then message_id. A run file holds the resolved customer key and the message
 * in the stored blocks' own encoding ({@link MessageCodec}); scope and bucket follow from them. Run
 * files live only until their job completes, so their layout may change between versions.
 */
record ScopedMessage(Scope scope, int bucket, ExportedMessage message) {

    static final Comparator<ScopedMessage> ORDER = Comparator.comparing(ScopedMessage::scope)
            .thenComparing(m -> m.message().eventAt())
            .thenComparing(m -> m.message().direction() != Direction.INBOUND)
            .thenComparing(m -> m.message().messageId());

    /** {@code customer}: the message's customer key with every link known (docs/billing-rules.md 3.6). */
    static ScopedMessage of(ExportedMessage m, ScopeMode mode, String customer) {
        return new ScopedMessage(Scope.of(mode, m.wabaId(), m.phoneNumberId().strip(), customer), Buckets.of(customer),
                m);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(scope.customerWaId());
        MessageCodec.write(out, message);
    }

    static ScopedMessage read(DataInputStream in, ScopeMode mode) throws IOException {
        String customer = in.readUTF();
        return of(MessageCodec.read(in), mode, customer);
    }
}
