package com.wabilling.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import com.wabilling.pricing.ConversationCategory;

/**
 * The conversation state machine of one scope (domain.md 3.2, 3.3), for the period [from, to).
 *
 * <p>Feed it the scope's events in order (time, inbound first, then message_id). Events before
 * {@code from} only rebuild the customer service window and the pending referral; together with the
 * conversations still open at {@code from} (carried over from earlier periods) that is the full state
 * at the period start (domain.md 3.4). Events from {@code to} on are applied only to complete the
 * message counts of conversations this period opened; conversations they open belong to the next
 * period and are not reported.
 */
public final class ScopeReconstruction {

    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration FREE_ENTRY_POINT_WINDOW = Duration.ofHours(72);

    private final Scope scope;
    private final Instant from;
    private final Instant to;

    private Instant serviceWindowUntil;
    private Instant referralUntil;
    private final Map<ConversationCategory, Open> open = new EnumMap<>(ConversationCategory.class);
    private Open freeEntryPoint;
    private long sequence;

    private final List<Open> opened = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Coverage> coverages = new ArrayList<>();

    public ScopeReconstruction(Scope scope, Instant from, Instant to, Collection<Conversation> carriedOver) {
        this.scope = scope;
        this.from = from;
        this.to = to;
        carriedOver.stream()
                .sorted((a, b) -> a.openedAt().compareTo(b.openedAt()) != 0 ? a.openedAt().compareTo(b.openedAt())
                        : a.id().compareTo(b.id()))
                .forEach(c -> {
                    Open conversation = new Open(c.id(), c.category(), c.openedAt(), c.expiresAt(), c.openingMessageId(),
                            sequence++, false);
                    if (c.category() == ConversationCategory.FREE_ENTRY_POINT) {
                        freeEntryPoint = conversation;
                    } else {
                        open.put(c.category(), conversation);
                    }
                });
    }

    public void accept(MessageEvent event) {
        Instant t = event.at();
        if (event.inbound()) {
            serviceWindowUntil = t.plus(WINDOW); // each inbound message refreshes the CSW (3.2)
            if (event.referral()) {
                referralUntil = t.plus(WINDOW);
            }
            return;
        }
        if (t.isBefore(from)) {
            // before the period only the state matters: a delivered business message consumes or outlives
            // any pending referral (rules 1 and 2)
            referralUntil = null;
            return;
        }
        if (!t.isBefore(to) && settled(t)) {
            return;
        }
        reportAnomalies(event, t);
        Open covering = cover(event, t);
        covering.messages++;
        if (event.metaConversationId() != null) {
            coverages.add(new Coverage(event.messageId(), covering.id, covering.category, covering.reported,
                    event.metaConversationId(), event.metaCategory()));
        }
    }

    private Open cover(MessageEvent event, Instant t) {
        // rule 1: inside a free entry point everything is covered by it; a pending referral is consumed
        if (freeEntryPoint != null && t.isBefore(freeEntryPoint.expiresAt)) {
            referralUntil = null;
            return freeEntryPoint;
        }
        freeEntryPoint = null;
        // rule 2: a pending referral opens a free entry point that closes every other conversation
        if (referralUntil != null && t.isBefore(referralUntil)) {
            referralUntil = null;
            open.clear();
            freeEntryPoint = openNew(ConversationCategory.FREE_ENTRY_POINT, t, FREE_ENTRY_POINT_WINDOW, event);
            return freeEntryPoint;
        }
        referralUntil = null;
        if (event.isTemplate()) {
            // rule 3: one open window per category; other categories do not matter
            Open same = open.get(event.category());
            if (same != null && t.isBefore(same.expiresAt)) {
                return same;
            }
            Open created = openNew(event.category(), t, WINDOW, event);
            open.put(event.category(), created);
            return created;
        }
        // rule 4: free-form rides on the most recently opened conversation, else opens SERVICE
        Open latest = null;
        for (Open candidate : open.values()) {
            if (t.isBefore(candidate.expiresAt) && (latest == null || candidate.isNewerThan(latest))) {
                latest = candidate;
            }
        }
        if (latest != null) {
            return latest;
        }
        Open service = openNew(ConversationCategory.SERVICE, t, WINDOW, event);
        open.put(ConversationCategory.SERVICE, service);
        return service;
    }

    private void reportAnomalies(MessageEvent event, Instant t) {
        if (!t.isBefore(to)) {
            return; // the next period reports its own messages
        }
        if (event.unknownTemplate() != null) { // rule 5
            anomalies.add(new Anomaly(event.messageId(), Anomaly.UNKNOWN_TEMPLATE,
                    event.unknownTemplate() + " is not in the catalogue; counted as MARKETING"));
        }
        if (!event.isTemplate() && (serviceWindowUntil == null || !t.isBefore(serviceWindowUntil))) { // rule 4
            anomalies.add(new Anomaly(event.messageId(), Anomaly.OUTSIDE_SERVICE_WINDOW,
                    "free-form " + event.type() + " message delivered at " + t + (serviceWindowUntil == null
                            ? " with no customer message in the 24 hours before"
                            : " after the customer service window closed at " + serviceWindowUntil)));
        }
    }

    /** After the period, nothing it opened is still open: later events cannot change its results. */
    private boolean settled(Instant t) {
        for (Open conversation : opened) {
            if (conversation.reported && t.isBefore(conversation.expiresAt)) {
                return false;
            }
        }
        return true;
    }

    private Open openNew(ConversationCategory category, Instant t, Duration length, MessageEvent event) {
        Open conversation = new Open(ConversationIds.of(scope, category, t), category, t, t.plus(length),
                event.messageId(), sequence++, t.isBefore(to));
        opened.add(conversation);
        return conversation;
    }

    /** The conversations opened in [from, to), in opening order. */
    public List<Conversation> conversations() {
        List<Conversation> result = new ArrayList<>();
        for (Open o : opened) {
            if (o.reported) {
                result.add(new Conversation(o.id, scope, o.category, o.openedAt, o.expiresAt, o.openingMessageId,
                        o.messages));
            }
        }
        return result;
    }

    public List<Anomaly> anomalies() {
        return anomalies;
    }

    public List<Coverage> coverages() {
        return coverages;
    }

    /** A conversation while it can still cover messages. */
    private static final class Open {
        final String id;
        final ConversationCategory category;
        final Instant openedAt;
        final Instant expiresAt;
        final String openingMessageId;
        final long sequence;
        final boolean reported;
        int messages;

        Open(String id, ConversationCategory category, Instant openedAt, Instant expiresAt, String openingMessageId,
                long sequence, boolean reported) {
            this.id = id;
            this.category = category;
            this.openedAt = openedAt;
            this.expiresAt = expiresAt;
            this.openingMessageId = openingMessageId;
            this.sequence = sequence;
            this.reported = reported;
        }

        boolean isNewerThan(Open other) {
            int byTime = openedAt.compareTo(other.openedAt);
            return byTime != 0 ? byTime > 0 : sequence > other.sequence;
        }
    }
}
