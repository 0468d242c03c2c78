package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.wabilling.permessage.PricedMessage;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;

/**
 * docs/per-message-pricing.md 1 and 2 through the per-scope state machine, with hand-worked cases. The account is
 * in São Paulo (UTC-3): its 2025-07-01 00:00 is 03:00Z, its 2026-10-01 00:00 is 03:00Z.
 */
class ScopeReconstructionPerMessageTest {

    private static final Scope SCOPE = new Scope("100", "200", "5511999990000");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final Function<Instant, Regime> REGIME = t -> Regimes.META.at(t, SAO_PAULO);

    private final List<MessageEvent> events = new ArrayList<>();
    private int ids;

    @Test
    void aConversationOpenedBeforeTheSwitchCoversItsMessagesAfterIt() {
        // 23:00 local on 2025-06-30 = 02:00Z on 07-01; 00:30 local on 07-01 = 03:30Z
        template("2025-07-01T02:00:00Z", ConversationCategory.MARKETING);
        template("2025-07-01T03:30:00Z", ConversationCategory.MARKETING);
        inbound("2025-07-01T03:40:00Z", false);
        freeForm("2025-07-01T03:45:00Z"); // rides on the open marketing conversation (docs/billing-rules.md 3.3 rule 4)
        template("2025-07-01T04:00:00Z", ConversationCategory.UTILITY); // no UTILITY conversation open: priced

        ScopeReconstruction r = run("2025-06-01T00:00:00Z", "2025-08-01T00:00:00Z", null);

        assertThat(r.conversations()).singleElement().satisfies(c -> {
            assertThat(c.category()).isEqualTo(ConversationCategory.MARKETING);
            assertThat(c.messages()).isEqualTo(3);
        });
        assertThat(r.priced()).singleElement().satisfies(p -> {
            assertThat(p.messageId()).isEqualTo("m5");
            assertThat(p.regime()).isEqualTo(Regime.PMP_2025);
            assertThat(p.price().category()).isEqualTo(PricingCategory.UTILITY);
            assertThat(p.price().type()).isEqualTo(PricingType.FREE_CUSTOMER_SERVICE); // inside the CSW, PMP-2025
        });
    }

    @Test
    void noConversationOpensAfterTheSwitchEvenAtOneMillisecondPastLocalMidnight() {
        template("2025-07-01T02:59:59.999Z", ConversationCategory.AUTHENTICATION); // 23:59:59.999 local: CBP
        template("2025-07-01T03:00:00Z", ConversationCategory.MARKETING); // 00:00 local: PMP

        ScopeReconstruction r = run("2025-06-01T00:00:00Z", "2025-08-01T00:00:00Z", null);

        assertThat(r.conversations()).extracting(Conversation::category)
                .containsExactly(ConversationCategory.AUTHENTICATION);
        assertThat(r.priced()).extracting(p -> p.price().category() + " " + p.price().type())
                .containsExactly("MARKETING REGULAR");
    }

    @Test
    void aUtilityTemplateInsideTheWindowIsFreeBeforeOctober2026AndChargedFrom() {
        inbound("2026-09-30T12:00:00Z", false);
        template("2026-09-30T20:00:00Z", ConversationCategory.UTILITY); // 17:00 local 09-30: PMP-2025
        template("2026-10-01T03:00:00Z", ConversationCategory.UTILITY); // 00:00 local 10-01: PMP-2026-10
        template("2026-10-01T13:00:00Z", ConversationCategory.UTILITY); // outside the window (12:00Z + 24 h)

        ScopeReconstruction r = run("2026-09-01T00:00:00Z", "2026-11-01T00:00:00Z", null);

        assertThat(r.priced()).extracting(p -> p.regime() + " " + p.insideServiceWindow() + " " + p.price().type())
                .containsExactly("PMP-2025 true FREE_CUSTOMER_SERVICE", "PMP-2026-10 true REGULAR",
                        "PMP-2026-10 false REGULAR");
    }

    @Test
    void serviceMessagesAreFreeUnderPmp2025AndAwaitTheFreeTierUnderPmp202610() {
        inbound("2026-09-30T20:00:00Z", false);
        freeForm("2026-09-30T21:00:00Z");
        freeForm("2026-10-01T03:00:00Z");

        ScopeReconstruction r = run("2026-09-01T00:00:00Z", "2026-11-01T00:00:00Z", null);

        assertThat(r.priced()).extracting(p -> p.price().category() + " " + p.price().type() + " "
                + p.price().awaitsServiceFreeTier() + " " + p.phoneNumberId())
                .containsExactly("SERVICE FREE_CUSTOMER_SERVICE false 200", "SERVICE REGULAR true 200");
        assertThat(r.anomalies()).isEmpty();
    }

    @Test
    void aServiceMessageOutsideTheWindowIsPricedAndReported() {
        freeForm("2025-08-01T10:00:00Z");

        ScopeReconstruction r = run("2025-08-01T00:00:00Z", "2025-09-01T00:00:00Z", null);

        assertThat(r.priced()).singleElement().satisfies(p ->
                assertThat(p.price().type()).isEqualTo(PricingType.FREE_CUSTOMER_SERVICE));
        assertThat(r.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.OUTSIDE_SERVICE_WINDOW);
    }

    @Test
    void aReferralOpensA72HourFreeEntryPointWindowOnTheFirstBusinessMessage() {
        inbound("2025-08-01T10:00:00Z", true);
        template("2025-08-01T11:00:00Z", ConversationCategory.MARKETING); // opens [11:00, +72 h)
        template("2025-08-04T10:59:59Z", ConversationCategory.MARKETING); // inside
        template("2025-08-04T11:00:00Z", ConversationCategory.MARKETING); // half-open: outside

        ScopeReconstruction r = run("2025-08-01T00:00:00Z", "2025-09-01T00:00:00Z", null);

        assertThat(r.priced()).extracting(p -> p.price().category() + " " + p.price().type() + " " + p.opensEntryPoint())
                .containsExactly("REFERRAL_CONVERSION FREE_ENTRY_POINT true",
                        "REFERRAL_CONVERSION FREE_ENTRY_POINT false", "MARKETING REGULAR false");
        assertThat(r.conversations()).isEmpty();
    }

    @Test
    void aReferralAfterTheSwitchEndsTheConversationsOpenedBeforeIt() {
        template("2025-07-01T02:00:00Z", ConversationCategory.MARKETING); // CBP, open until 02:00Z on 07-02
        inbound("2025-07-01T04:00:00Z", true);
        template("2025-07-01T05:00:00Z", ConversationCategory.MARKETING); // opens a free entry point window
        template("2025-07-01T06:00:00Z", ConversationCategory.MARKETING); // inside it, not on the old conversation

        ScopeReconstruction r = run("2025-06-01T00:00:00Z", "2025-08-01T00:00:00Z", null);

        assertThat(r.conversations()).singleElement().satisfies(c -> assertThat(c.messages()).isEqualTo(1));
        assertThat(r.priced()).extracting(p -> p.price().type())
                .containsExactly(PricingType.FREE_ENTRY_POINT, PricingType.FREE_ENTRY_POINT);
    }

    @Test
    void aWindowCarriedIntoThePeriodCoversItsMessagesAndEndsOlderConversations() {
        Instant opened = Instant.parse("2025-07-01T05:00:00Z");
        Conversation older = new Conversation("c1", SCOPE, ConversationCategory.MARKETING,
                Instant.parse("2025-07-01T02:00:00Z"), Instant.parse("2025-07-02T02:00:00Z"), "m0", 1);
        template("2025-07-02T00:00:00Z", ConversationCategory.MARKETING);
        template("2025-07-04T05:00:00Z", ConversationCategory.MARKETING); // the window has ended

        ScopeReconstruction r = new ScopeReconstruction(SCOPE, Instant.parse("2025-07-02T00:00:00Z"),
                Instant.parse("2025-08-01T00:00:00Z"), List.of(older), opened, REGIME);
        events.forEach(r::accept);

        assertThat(r.priced()).extracting(p -> p.price().type() + " " + p.opensEntryPoint())
                .containsExactly("FREE_ENTRY_POINT false", "REGULAR false");
    }

    @Test
    void anUnknownTemplateIsPricedAsMarketingAndReported() {
        events.add(MessageEvent.unknownTemplate("m" + ++ids, Instant.parse("2025-08-01T10:00:00Z"), "template 'x' (en)")
                .withPricing("200", null, null));

        ScopeReconstruction r = run("2025-08-01T00:00:00Z", "2025-09-01T00:00:00Z", null);

        assertThat(r.priced()).extracting(p -> p.price().category()).containsExactly(PricingCategory.MARKETING);
        assertThat(r.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.UNKNOWN_TEMPLATE);
    }

    @Test
    void messagesAfterThePeriodArePricedByTheNextOne() {
        template("2025-08-31T23:00:00Z", ConversationCategory.UTILITY);
        template("2025-09-01T00:00:00Z", ConversationCategory.UTILITY);

        ScopeReconstruction r = run("2025-08-01T00:00:00Z", "2025-09-01T00:00:00Z", null);

        assertThat(r.priced()).extracting(PricedMessage::messageId).containsExactly("m1");
        assertThat(LocalDate.ofInstant(r.priced().get(0).deliveredAt(), SAO_PAULO)).isEqualTo(LocalDate.of(2025, 8, 31));
    }

    @Test
    void aCoveredMessageThatMetaPricedIsReportedAsMetaOnly() {
        template("2025-07-01T02:00:00Z", ConversationCategory.MARKETING);
        events.add(MessageEvent.template("m" + ++ids, Instant.parse("2025-07-01T04:00:00Z"),
                ConversationCategory.MARKETING).withPricing("200", "marketing", "regular"));

        ScopeReconstruction r = run("2025-06-01T00:00:00Z", "2025-08-01T00:00:00Z", null);

        assertThat(r.priced()).isEmpty();
        assertThat(r.metaOnly()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("m2");
            assertThat(m.conversationId()).isEqualTo(r.conversations().get(0).id());
        });
    }

    private ScopeReconstruction run(String from, String to, Instant entryPoint) {
        ScopeReconstruction r = new ScopeReconstruction(SCOPE, Instant.parse(from), Instant.parse(to), List.of(),
                entryPoint, REGIME);
        events.forEach(r::accept);
        return r;
    }

    private void inbound(String at, boolean referral) {
        events.add(MessageEvent.inbound("m" + ++ids, Instant.parse(at), referral));
    }

    private void template(String at, ConversationCategory category) {
        events.add(MessageEvent.template("m" + ++ids, Instant.parse(at), category).withPricing("200", null, null));
    }

    private void freeForm(String at) {
        events.add(MessageEvent.freeForm("m" + ++ids, Instant.parse(at), "text").withPricing("200", null, null));
    }
}
