package com.wabilling.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;

/** docs/billing-rules.md 4.6: what counts for a plan, by which time, in the account-local month. */
class PlanUsageTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo"); // UTC-3 all year since 2019
    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    private static ExportedMessage inbound(String id, String phone, String at) {
        return new ExportedMessage(id, "1", phone, "5511999", Direction.INBOUND, "text", null, null, Instant.parse(at),
                null, null, null, null, null);
    }

    private static ExportedMessage outbound(String id, String phone, String sent, String status, String delivered) {
        return new ExportedMessage(id, "1", phone, "5511999", Direction.OUTBOUND, "template", "t", "en",
                Instant.parse(sent), status, delivered == null ? null : Instant.parse(delivered), null, null, null);
    }

    private static PlanUsage.Counts count(ExportedMessage... messages) {
        PlanUsage usage = new PlanUsage(SAO_PAULO, MARCH);
        for (ExportedMessage m : messages) {
            usage.accept(m);
        }
        return usage.counts();
    }

    @Test
    void aPhoneNumberActiveOnlyByInboundMessagesHasALicence() {
        assertThat(count(inbound("a", "P1", "2025-03-10T12:00:00Z"), inbound("b", "P1", "2025-03-11T12:00:00Z")))
                .isEqualTo(new PlanUsage.Counts(1, 0, 2, 0));
    }

    @Test
    void aFailedMessageSentOnTheLastLocalDayCountsInThatMonth() {
        // 2025-03-31 23:30 in Sao Paulo is 2025-04-01 02:30 UTC: still March for the account
        assertThat(count(outbound("f", "P2", "2025-04-01T02:30:00Z", "failed", null)))
                .isEqualTo(new PlanUsage.Counts(1, 0, 0, 1));
        // 2025-03-01 00:00 local is 03:00 UTC: a failure at 02:59 UTC is February's
        assertThat(count(outbound("g", "P2", "2025-03-01T02:59:00Z", "failed", null)))
                .isEqualTo(new PlanUsage.Counts(0, 0, 0, 0));
    }

    @Test
    void anOutboundMessageCountsWhenDeliveredNotWhenSent() {
        // sent in February (local), delivered in March: March's
        assertThat(count(outbound("d", "P1", "2025-03-01T02:59:00Z", "delivered", "2025-03-01T03:00:00Z")))
                .isEqualTo(new PlanUsage.Counts(1, 1, 0, 0));
        // sent in March, delivered in April (local): not March's at all
        assertThat(count(outbound("e", "P1", "2025-04-01T02:59:00Z", "read", "2025-04-01T03:00:01Z")))
                .isEqualTo(new PlanUsage.Counts(0, 0, 0, 0));
    }

    @Test
    void aSentButUndeliveredMessageNeedsALicenceAndNoFee() {
        assertThat(count(outbound("s", "P3", "2025-03-05T10:00:00Z", "sent", null), inbound("i", "P1",
                "2025-03-05T10:00:00Z"))).isEqualTo(new PlanUsage.Counts(2, 0, 1, 0));
    }
}
