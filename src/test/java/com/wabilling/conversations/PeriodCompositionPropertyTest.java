package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import com.wabilling.permessage.PricedMessage;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.Regime;

/**
 * docs/billing-rules.md 3.4: random histories split at random period boundaries give exactly the conversations
 * (ids, windows, message counts) of one run over the whole range. The split runs get their state the
 * way the job does: conversations still open at the start, plus the messages of the read window.
 */
class PeriodCompositionPropertyTest {

    private static final Scope SCOPE = new Scope("100", "200", "4915112345678");
    private static final Instant START = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2023-06-21T00:00:00Z");
    private static final ConversationCategory[] TEMPLATE_CATEGORIES = {ConversationCategory.MARKETING,
        ConversationCategory.UTILITY, ConversationCategory.AUTHENTICATION};

    @RepeatedTest(300)
    void consecutivePeriodsEqualOneRun(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        List<MessageEvent> events = randomHistory(random);
        List<Instant> boundaries = randomBoundaries(random);

        List<Conversation> whole = run(events, START, END, List.of());
        List<Conversation> split = new ArrayList<>();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            Instant from = boundaries.get(i);
            Instant to = boundaries.get(i + 1);
            List<Conversation> carried = split.stream()
                    .filter(c -> c.openedAt().isBefore(from) && c.expiresAt().isAfter(from)).toList();
            List<MessageEvent> window = events.stream()
                    .filter(e -> !e.at().isBefore(from.minus(Duration.ofHours(24)))
                            && e.at().isBefore(to.plus(Duration.ofHours(72))))
                    .toList();
            split.addAll(run(window, from, to, carried));
        }

        assertThat(split).as("boundaries %s", boundaries).isEqualTo(whole);
    }

    /**
     * The same with a switch to a per-message regime at a random instant (docs/per-message-pricing.md 1): the
     * conversations opened before it and the pricing records after it, with the free entry point
     * window carried from the split runs' own records as the job carries it.
     */
    @RepeatedTest(300)
    void consecutivePeriodsAcrossTheSwitchToPerMessagePricingEqualOneRun(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 104729L);
        List<MessageEvent> events = randomHistory(random);
        List<Instant> boundaries = randomBoundaries(random);
        Instant switchAt = START.plus(Duration.ofMinutes(30L * random.nextInt(20 * 48)));
        Regime perMessage = random.nextBoolean() ? Regime.PMP_2025 : Regime.PMP_2026_10;
        Function<Instant, Regime> regimeAt = t -> t.isBefore(switchAt) ? Regime.CBP_2023 : perMessage;

        ScopeReconstruction whole = new ScopeReconstruction(SCOPE, START, END, List.of(), null, regimeAt);
        events.forEach(whole::accept);
        List<Conversation> conversations = new ArrayList<>();
        List<PricedMessage> priced = new ArrayList<>();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            Instant from = boundaries.get(i);
            Instant to = boundaries.get(i + 1);
            List<Conversation> carried = conversations.stream()
                    .filter(c -> c.openedAt().isBefore(from) && c.expiresAt().isAfter(from)).toList();
            Instant entryPoint = priced.stream().filter(PricedMessage::opensEntryPoint).map(PricedMessage::deliveredAt)
                    .filter(t -> !t.isBefore(from.minus(Duration.ofHours(72))) && t.isBefore(from))
                    .max(Comparator.naturalOrder()).orElse(null);
            ScopeReconstruction part = new ScopeReconstruction(SCOPE, from, to, carried, entryPoint, regimeAt);
            events.stream().filter(e -> !e.at().isBefore(from.minus(Duration.ofHours(24)))
                    && e.at().isBefore(to.plus(Duration.ofHours(72)))).forEach(part::accept);
            conversations.addAll(part.conversations());
            priced.addAll(part.priced());
        }

        assertThat(conversations).as("boundaries %s, switch %s", boundaries, switchAt).isEqualTo(whole.conversations());
        assertThat(priced).as("boundaries %s, switch %s", boundaries, switchAt).isEqualTo(whole.priced());
        assertThat(whole.priced()).allSatisfy(p -> assertThat(p.deliveredAt()).isAfterOrEqualTo(switchAt));
    }

    /**
     * docs/billing-rules.md 3.6: one customer written to by phone number only, by user id only and, at some random
     * row (or none), by both. Every period keys its rows by the links of the whole history, as the sort reads
     * them, so split runs give one run's conversations, and a linked customer is one scope whichever period
     * holds the link.
     */
    @RepeatedTest(300)
    void customersKnownByPhoneNumberByUserIdOrBothComposeAcrossPeriods(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 15485863L);
        List<MessageEvent> events = randomHistory(random);
        List<Instant> boundaries = randomBoundaries(random);
        String phone = "4915112345678";
        String user = random.nextBoolean() ? "DE.8c1f0a" + repetition.getCurrentRepetition() : "US.ENT.4d2e";
        // per row: 0 phone only, 1 user id only, 2 both (a link)
        int[] ids = new int[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(2);
        }
        boolean linked = random.nextInt(4) != 0;
        if (linked) {
            ids[random.nextInt(ids.length)] = 2;
        }
        com.wabilling.messages.CustomerLinks links = linked
                ? com.wabilling.messages.CustomerLinks.NONE.with(user, phone) : com.wabilling.messages.CustomerLinks.NONE;
        java.util.Map<MessageEvent, String> keyOf = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            keyOf.put(events.get(i), links.keyOf(ids[i] == 1 ? "" : phone, ids[i] == 0 ? null : user));
        }

        java.util.Set<String> keys = new TreeSet<>(keyOf.values());
        if (linked) {
            assertThat(keys).containsExactly(user);
        }
        for (String key : keys) {
            List<MessageEvent> own = events.stream().filter(e -> keyOf.get(e).equals(key)).toList();
            Scope scope = new Scope("100", "200", key);
            ScopeReconstruction whole = new ScopeReconstruction(scope, START, END, List.of());
            own.forEach(whole::accept);
            List<Conversation> split = new ArrayList<>();
            for (int i = 0; i + 1 < boundaries.size(); i++) {
                Instant from = boundaries.get(i);
                Instant to = boundaries.get(i + 1);
                List<Conversation> carried = split.stream()
                        .filter(c -> c.openedAt().isBefore(from) && c.expiresAt().isAfter(from)).toList();
                ScopeReconstruction part = new ScopeReconstruction(scope, from, to, carried);
                own.stream().filter(e -> !e.at().isBefore(from.minus(Duration.ofHours(24)))
                        && e.at().isBefore(to.plus(Duration.ofHours(72)))).forEach(part::accept);
                split.addAll(part.conversations());
            }
            assertThat(split).as("key %s, boundaries %s", key, boundaries).isEqualTo(whole.conversations());
            assertThat(whole.conversations()).allSatisfy(c -> assertThat(c.scope().customerWaId()).isEqualTo(key));
        }
    }

    private static List<Conversation> run(List<MessageEvent> events, Instant from, Instant to,
            List<Conversation> carried) {
        ScopeReconstruction r = new ScopeReconstruction(SCOPE, from, to, carried);
        events.forEach(r::accept);
        return r.conversations();
    }

    private static List<Instant> randomBoundaries(Random random) {
        TreeSet<Instant> cuts = new TreeSet<>(List.of(START, END));
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            // on whole hours, sometimes exactly on a message time (messages are on 30-minute steps)
            cuts.add(START.plus(Duration.ofHours(1 + random.nextInt(20 * 24 - 1))));
        }
        return new ArrayList<>(cuts);
    }

    private static List<MessageEvent> randomHistory(Random random) {
        List<MessageEvent> events = new ArrayList<>();
        int count = 10 + random.nextInt(80);
        for (int i = 0; i < count; i++) {
            // coarse 30-minute grid so equal timestamps and exact 24 h / 72 h distances happen often
            Instant at = START.plus(Duration.ofMinutes(30L * random.nextInt(20 * 48)));
            String id = String.format("m%03d", i);
            int kind = random.nextInt(10);
            if (kind < 3) {
                events.add(MessageEvent.inbound(id, at, random.nextInt(5) == 0));
            } else if (kind < 7) {
                events.add(MessageEvent.template(id, at, TEMPLATE_CATEGORIES[random.nextInt(3)]));
            } else {
                events.add(MessageEvent.freeForm(id, at, "text"));
            }
        }
        // the job's order: time, inbound first, then message_id (docs/billing-rules.md 3.1)
        events.sort(Comparator.comparing(MessageEvent::at).thenComparing(e -> !e.inbound())
                .thenComparing(MessageEvent::messageId));
        return events;
    }
}
