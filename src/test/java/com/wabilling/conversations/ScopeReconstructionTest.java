package com.wabilling.conversations;

import static com.wabilling.pricing.ConversationCategory.AUTHENTICATION;
import static com.wabilling.pricing.ConversationCategory.FREE_ENTRY_POINT;
import static com.wabilling.pricing.ConversationCategory.MARKETING;
import static com.wabilling.pricing.ConversationCategory.SERVICE;
import static com.wabilling.pricing.ConversationCategory.UTILITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.ConversationCategory;

/** docs/billing-rules.md 3.2 and 3.3, one rule or boundary per test. Times are offsets from 2023-06-10T00:00Z. */
class ScopeReconstructionTest {

    private static final Scope SCOPE = new Scope("100", "200", "5511999990000");
    private static final Instant FROM = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2023-07-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2023-06-10T00:00:00Z");
    private static final Duration MS = Duration.ofMillis(1);

    private final List<MessageEvent> events = new ArrayList<>();
    private int ids;

    // --- rule 3: templates

    @Test
    void templateOpensAConversationOfItsCategoryForExactly24Hours() {
        template(at(0), UTILITY);
        template(at(24).minus(MS), UTILITY);
        template(at(24), UTILITY); // half-open: 24 h later is a new conversation

        List<Conversation> result = run();

        assertThat(result).extracting(Conversation::category).containsExactly(UTILITY, UTILITY);
        assertThat(result.get(0).openedAt()).isEqualTo(at(0));
        assertThat(result.get(0).expiresAt()).isEqualTo(at(24));
        assertThat(result.get(0).messages()).isEqualTo(2);
        assertThat(result.get(1).openedAt()).isEqualTo(at(24));
    }

    @Test
    void templatesOfAnotherCategoryOpenAParallelConversation() {
        template(at(0), MARKETING);
        template(at(1), UTILITY);
        template(at(2), MARKETING);
        template(at(3), AUTHENTICATION);

        assertThat(run()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(MARKETING, 2), tuple(UTILITY, 1), tuple(AUTHENTICATION, 1));
    }

    @Test
    void anOpenServiceConversationDoesNotCoverATemplate() {
        inbound(at(0));
        freeForm(at(1));
        template(at(2), UTILITY);

        assertThat(run()).extracting(Conversation::category).containsExactly(SERVICE, UTILITY);
    }

    @Test
    void unknownTemplateIsMarketingAndReported() {
        events.add(MessageEvent.unknownTemplate(id(), at(0), "template 'old' (en) of WABA 100"));

        ScopeReconstruction r = reconstruct();

        assertThat(r.conversations()).extracting(Conversation::category).containsExactly(MARKETING);
        assertThat(r.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.UNKNOWN_TEMPLATE);
    }

    // --- rule 4: free-form messages

    @Test
    void freeFormWithNothingOpenOpensService() {
        inbound(at(0));
        freeForm(at(1));
        freeForm(at(25).minus(MS));
        freeForm(at(25));

        assertThat(run()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(SERVICE, 2), tuple(SERVICE, 1));
    }

    @Test
    void freeFormIsCountedOnTheMostRecentlyOpenedConversation() {
        template(at(0), MARKETING);
        template(at(1), UTILITY);
        inbound(at(2));
        freeForm(at(3));

        assertThat(run()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(MARKETING, 1), tuple(UTILITY, 2));
    }

    @Test
    void freeFormIgnoresExpiredConversationsWhenChoosingTheMostRecent() {
        template(at(0), MARKETING);
        template(at(10), UTILITY);
        inbound(at(25));
        freeForm(at(26)); // MARKETING expired at 24, UTILITY still open until 34

        assertThat(run()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(MARKETING, 1), tuple(UTILITY, 2));
    }

    @Test
    void freeFormOutsideTheServiceWindowIsBilledAndReported() {
        inbound(at(0));
        freeForm(at(24).minus(MS)); // inside [u, u+24h)
        freeForm(at(48)); // the window closed at 24

        ScopeReconstruction r = reconstruct();

        assertThat(r.conversations()).extracting(Conversation::category).containsExactly(SERVICE, SERVICE);
        assertThat(r.anomalies()).extracting(Anomaly::kind, Anomaly::messageId)
                .containsExactly(tuple(Anomaly.OUTSIDE_SERVICE_WINDOW, "m3"));
    }

    @Test
    void serviceWindowIsHalfOpenAndRefreshedByEveryInboundMessage() {
        inbound(at(0));
        inbound(at(10));
        freeForm(at(33)); // refreshed window [10, 34)
        freeForm(at(34)); // exactly at the end: outside

        assertThat(reconstruct().anomalies()).extracting(Anomaly::messageId).containsExactly("m4");
    }

    @Test
    void inboundAndOutboundAtTheSameInstantOpenTheWindowFirst() {
        inbound(at(0));
        freeForm(at(0));

        assertThat(reconstruct().anomalies()).isEmpty();
    }

    @Test
    void freeFormWithoutAnyCustomerMessageIsReported() {
        freeForm(at(0));

        ScopeReconstruction r = reconstruct();

        assertThat(r.conversations()).extracting(Conversation::category).containsExactly(SERVICE);
        assertThat(r.anomalies()).singleElement().satisfies(a -> assertThat(a.detail()).contains("no customer message"));
    }

    // --- rules 1 and 2: free entry points

    @Test
    void referralOpensAFreeEntryPointOf72HoursCoveringEverything() {
        referral(at(0));
        freeForm(at(1));
        template(at(30), MARKETING);
        template(at(50), UTILITY);
        freeForm(at(73).minus(MS));
        template(at(73), MARKETING); // FEP [1, 73) is over

        List<Conversation> result = run();

        assertThat(result).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(FREE_ENTRY_POINT, 4), tuple(MARKETING, 1));
        assertThat(result.get(0).expiresAt()).isEqualTo(at(73));
    }

    @Test
    void pageButtonReferralWorksLikeAnAd() {
        events.add(MessageEvent.inbound(id(), at(0), true));
        template(at(2), UTILITY);

        assertThat(run()).extracting(Conversation::category).containsExactly(FREE_ENTRY_POINT);
    }

    @Test
    void referralWindowIsHalfOpen() {
        referral(at(0));
        freeForm(at(24)); // the referral window [0, 24) is over

        assertThat(run()).extracting(Conversation::category).containsExactly(SERVICE);
    }

    @Test
    void freeEntryPointClosesEveryOtherOpenConversation() {
        template(at(0), MARKETING);
        inbound(at(1));
        freeForm(at(2)); // on MARKETING
        referral(at(3));
        template(at(4), MARKETING); // opens the FEP, MARKETING is closed
        template(at(10), MARKETING);

        assertThat(run()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(MARKETING, 2), tuple(FREE_ENTRY_POINT, 2));
    }

    @Test
    void referralInsideAFreeEntryPointIsConsumedByIt() {
        referral(at(0));
        freeForm(at(1)); // FEP [1, 73)
        referral(at(60));
        freeForm(at(61)); // inside the FEP: consumes the second referral
        freeForm(at(74)); // after the FEP: no pending referral, the CSW from 60 is over

        assertThat(run()).extracting(Conversation::category).containsExactly(FREE_ENTRY_POINT, SERVICE);
    }

    @Test
    void referralPendingWhenAFreeEntryPointEndsOpensTheNextOne() {
        referral(at(0));
        freeForm(at(1)); // FEP [1, 73)
        referral(at(70)); // no business message before the FEP ends
        freeForm(at(80));

        List<Conversation> result = run();

        assertThat(result).extracting(Conversation::category).containsExactly(FREE_ENTRY_POINT, FREE_ENTRY_POINT);
        assertThat(result.get(1).openedAt()).isEqualTo(at(80));
    }

    @Test
    void referralAndReplyAtTheSameInstantOpenAFreeEntryPoint() {
        referral(at(5));
        template(at(5), MARKETING);

        assertThat(run()).extracting(Conversation::category).containsExactly(FREE_ENTRY_POINT);
    }

    // --- identity and periods

    @Test
    void idsAreTheSpecifiedHashAndOpeningMessageIsKept() {
        template(at(0), UTILITY);

        Conversation c = run().get(0);

        assertThat(c.id()).isEqualTo(ConversationIds.of(SCOPE, UTILITY, at(0))).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(c.openingMessageId()).isEqualTo("m1");
    }

    @Test
    void eventsBeforeThePeriodOnlyRebuildTheServiceWindowAndReferral() {
        Instant from = at(10);
        inbound(at(0)); // CSW until 24
        template(at(1), MARKETING); // before the period: opens nothing here
        freeForm(at(11));

        ScopeReconstruction r = new ScopeReconstruction(SCOPE, from, TO, List.of());
        events.forEach(r::accept);

        assertThat(r.conversations()).extracting(Conversation::category).containsExactly(SERVICE);
        assertThat(r.anomalies()).isEmpty();
    }

    @Test
    void referralBeforeThePeriodIsConsumedByABusinessMessageBeforeIt() {
        Instant from = at(10);
        referral(at(0));
        freeForm(at(2)); // consumed before the period
        freeForm(at(11));

        ScopeReconstruction r = new ScopeReconstruction(SCOPE, from, TO, List.of());
        events.forEach(r::accept);

        assertThat(r.conversations()).extracting(Conversation::category).containsExactly(SERVICE);
    }

    @Test
    void conversationCarriedIntoThePeriodCoversButIsNotReported() {
        Conversation carried = new Conversation(ConversationIds.of(SCOPE, UTILITY, at(-5)), SCOPE, UTILITY, at(-5),
                at(19), "old", 3);
        template(at(1), UTILITY);
        inbound(at(2));
        freeForm(at(3));

        ScopeReconstruction r = new ScopeReconstruction(SCOPE, at(0), TO, List.of(carried));
        events.forEach(r::accept);

        assertThat(r.conversations()).isEmpty();
    }

    @Test
    void messagesAfterThePeriodCompleteItsCountsButOpenNothingReported() {
        Instant to = at(10);
        template(at(9), UTILITY);
        template(at(20), UTILITY); // after the period, still inside the conversation
        template(at(40), UTILITY); // next period's conversation
        inbound(at(41));
        freeForm(at(42));

        ScopeReconstruction r = new ScopeReconstruction(SCOPE, FROM, to, List.of());
        events.forEach(r::accept);

        assertThat(r.conversations()).extracting(Conversation::category, Conversation::messages)
                .containsExactly(tuple(UTILITY, 2));
        assertThat(r.anomalies()).isEmpty();
    }

    @Test
    void wabaScopeIdsLeaveThePhoneNumberEmpty() {
        Scope waba = Scope.of(ScopeMode.WABA, "100", "200", "5511999990000");

        assertThat(waba.phoneNumberId()).isEmpty();
        assertThat(ConversationIds.of(waba, SERVICE, at(0))).isNotEqualTo(ConversationIds.of(SCOPE, SERVICE, at(0)));
    }

    @Test
    void metaCoverageIsRecordedForReconciliation() {
        events.add(MessageEvent.template(id(), at(0), UTILITY).withMeta("meta-1", "utility"));
        template(at(1), UTILITY);

        ScopeReconstruction r = reconstruct();

        assertThat(r.coverages()).singleElement().satisfies(c -> {
            assertThat(c.metaConversationId()).isEqualTo("meta-1");
            assertThat(c.conversationId()).isEqualTo(r.conversations().get(0).id());
            assertThat(c.inPeriod()).isTrue();
        });
    }

    // --- helpers

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private String id() {
        return "m" + (++ids);
    }

    private void template(Instant at, ConversationCategory category) {
        events.add(MessageEvent.template(id(), at, category));
    }

    private void freeForm(Instant at) {
        events.add(MessageEvent.freeForm(id(), at, "text"));
    }

    private void inbound(Instant at) {
        events.add(MessageEvent.inbound(id(), at, false));
    }

    private void referral(Instant at) {
        events.add(MessageEvent.inbound(id(), at, true));
    }

    private ScopeReconstruction reconstruct() {
        ScopeReconstruction r = new ScopeReconstruction(SCOPE, FROM, TO, List.of());
        events.forEach(r::accept);
        return r;
    }

    private List<Conversation> run() {
        return reconstruct().conversations();
    }
}
