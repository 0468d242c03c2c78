package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.messages.Buckets;
import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.periods.ScopeMode;

/** The spilled form of a sort run: the customer key and the message in the stored blocks' encoding. */
class ScopedMessageTest {

    private static final ExportedMessage ARABIC = new ExportedMessage("wamid.ar1", "102938475610001",
            " 109876543210001", null, Direction.OUTBOUND, "template", "عرض_نهاية_الأسبوع", "ar_AE",
            Instant.parse("2026-03-05T17:00:00.001Z"), "delivered", Instant.parse("2026-03-05T17:00:02Z"), null, null,
            null, "marketing_lite", "regular", "AE.ENT.7f3kQ2", ExportedMessage.MARKETING_MESSAGES_API);
    private static final ExportedMessage POLISH = new ExportedMessage("wamid.pl1", "102938475610001",
            "109876543210001", "48601122334", Direction.INBOUND, "text", null, null,
            Instant.parse("2026-10-14T08:31:07.482Z"), null, null, "", null, "", null, null, "PL.9x", null);

    @Test
    void aSpilledMessageComesBackWithItsScopeBucketAndEveryField() throws IOException {
        for (ScopeMode mode : ScopeMode.values()) {
            // the customer keys as links resolve them: a user id alone, and a phone number linked to a user id
            List<ScopedMessage> spilled = List.of(ScopedMessage.of(ARABIC, mode, "AE.ENT.7f3kQ2"),
                    ScopedMessage.of(POLISH, mode, "48601122334"));

            List<ScopedMessage> back = roundTrip(spilled, mode);

            assertThat(back).isEqualTo(spilled);
            assertThat(back.get(0).scope()).isEqualTo(new Scope("102938475610001",
                    mode == ScopeMode.WABA ? "" : "109876543210001", "AE.ENT.7f3kQ2"));
            assertThat(back.get(0).bucket()).isEqualTo(Math.floorMod("AE.ENT.7f3kQ2".hashCode(), Buckets.COUNT));
            assertThat(back.get(1).message().entryPoint()).isEmpty();
            assertThat(back.get(1).message().customerUserId()).isEqualTo("PL.9x");
        }
    }

    private static List<ScopedMessage> roundTrip(List<ScopedMessage> messages, ScopeMode mode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (ScopedMessage m : messages) {
                m.write(out);
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            List<ScopedMessage> read = new java.util.ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                read.add(ScopedMessage.read(in, mode));
            }
            assertThat(in.read()).isEqualTo(-1);
            return read;
        }
    }
}
