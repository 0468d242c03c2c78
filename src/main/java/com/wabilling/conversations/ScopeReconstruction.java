package com.wabilling.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.wabilling.periods.Period;
import com.wabilling.permessage.MetaOnlyRecord;
import com.wabilling.permessage.PricedMessage;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.DeliveredContent;
import com.wabilling.pricing.MessagePricing;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.Regime;

/**
 * The conversation state machine of one scope (docs/billing-rules.md 3.2, 3.3), for the period [from, to).
 *
 * <p>Feed it the scope's events in order (time, inbound first, then message_id). Events before
 * {@code from} only rebuild the customer service window and the pending referral; together with the
 * conversations still open at {@code from} (carried over from earlier periods) that is the full state
 * at the period start (docs/billing-rules.md 3.4). Events from {@code to} on are applied only to complete the
 * message counts of conversations this period opened; conversations they open belong to the next
 * period and are not reported.
 *
 * <p>From the switch to a per-message regime on (docs/per-message-pricing.md 1-2, chosen per message by
 * {@code regimeAt}) no conversation opens: a message a conversation opened before the switch still
 * covers is counted on it, every other delivered business message gets a pricing record. The free
 * entry point window of that era is state, not a conversation; one still open at {@code from} is
 * carried in as {@code entryPointOpenedAt}.
 */
public final class ScopeReconstruction {

    static final Duration WINDOW = Period.WINDOW;
    static final Duration FREE_ENTRY_POINT_WINDOW = Period.FREE_ENTRY_POINT_WINDOW;

    private final Scope scope;
    private final Instant from;
    private final Instant to;

    private Instant serviceWindowUntil;
    private Instant referralUntil;
    private final Map<ConversationCategory, OpenConversation> open = new EnumMap<>(ConversationCategory.class);
    private OpenConversation freeEntryPoint;
    private long sequence;
    private final Function<Instant, Regime> regimeAt;
    private Instant entryPointUntil;

    private final List<OpenConversation> opened = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Coverage> coverages = new ArrayList<>();
    private final List<PricedMessage> priced = new ArrayList<>();
    private final List<MetaOnlyRecord> metaOnly = new ArrayList<>();

    /** The conversation era only (CBP-2023 whatever the date). */
    public ScopeReconstruction(Scope scope, Instant from, Instant to, Collection<Conversation> carriedOver) {
        this(scope, from, to, carriedOver, null, t -> Regime.CBP_2023);
    }

    /**
     * @param entryPointOpenedAt when the per-message free entry point window still open at {@code from}
     *        opened (it closed every conversation opened before it), null when none is
     * @param regimeAt the regime of a delivery time for this scope's account (its zone decides)
     */
    public ScopeReconstruction(Scope scope, Instant from, Instant to, Collection<Conversation> carriedOver,
            Instant entryPointOpenedAt, Function<Instant, Regime> regimeAt) {
        this.scope = scope;
        this.from = from;
        this.to = to;
        this.regimeAt = regimeAt;
        this.entryPointUntil = entryPointOpenedAt == null ? null : entryPointOpenedAt.plus(FREE_ENTRY_POINT_WINDOW);
        carriedOver.stream()
                .filter(c -> entryPointOpenedAt == null || !c.openedAt().isBefore(entryPointOpenedAt))
                .sorted((a, b) -> a.openedAt().compareTo(b.openedAt()) != 0 ? a.openedAt().compareTo(b.openedAt())
                        : a.id().compareTo(b.id()))
                .forEach(c -> {
                    OpenConversation conversation = new OpenConversation(c.id(), c.category(), c.openedAt(), c.expiresAt(), c.openingMessageId(),
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
        Regime regime = regimeAt.apply(t);
        // docs/per-message-pricing.md 1: after the switch a conversation still open covers what it would have
        // covered, but none opens any more
        OpenConversation covering = cover(event, t, !regime.perMessage());
        if (covering == null) {
            price(event, t, regime);
            return;
        }
        covering.messages++;
        if (event.metaConversationId() != null) {
            coverages.add(new Coverage(event.messageId(), covering.id, covering.category, covering.reported,
                    event.metaConversationId(), event.metaCategory()));
        }
        if (regime.perMessage() && event.hasMetaPricing() && t.isBefore(to)) {
            metaOnly.add(new MetaOnlyRecord(event.messageId(), covering.id, event.metaPricingCategory(),
                    event.metaPricingType()));
        }
    }

    /** docs/per-message-pricing.md 2: one pricing record per delivered business message no conversation covers. */
    private void price(MessageEvent event, Instant t, Regime regime) {
        boolean insideServiceWindow = serviceWindowUntil != null && t.isBefore(serviceWindowUntil);
        boolean entryPoint = entryPointUntil != null && t.isBefore(entryPointUntil);
        boolean opens = false;
        if (!entryPoint && referralUntil != null && t.isBefore(referralUntil)) {
            // rule 1: the first business message while a referral is pending opens a 72 h window; like a
            // free entry point conversation (docs/billing-rules.md 3.3 rule 2) it ends what was open before
            entryPointUntil = t.plus(FREE_ENTRY_POINT_WINDOW);
            entryPoint = true;
            opens = true;
            open.clear();
        }
        referralUntil = null; // consumed, or outlived by a business message (as in docs/billing-rules.md 3.3)
        if (!t.isBefore(to)) {
            return; // the next period prices it
        }
        DeliveredContent content = !event.isTemplate() ? DeliveredContent.nonTemplate()
                : event.unknownTemplate() != null ? DeliveredContent.unknownTemplate()
                : DeliveredContent.template(PricingCategory.valueOf(event.category().name()));
        if (event.marketingMessagesApi() && content.template()) {
            content = content.viaMarketingMessagesApi();
        }
        priced.add(new PricedMessage(event.messageId(), event.phoneNumberId(), t, regime,
                MessagePricing.decide(regime, entryPoint, content, insideServiceWindow), insideServiceWindow, opens,
                event.metaPricingCategory(), event.metaPricingType()));
    }

    /**
     * The conversation that covers the message (docs/billing-rules.md 3.3), opening one when {@code mayOpen};
     * null when it would need a new one and may not open it.
     */
    private OpenConversation cover(MessageEvent event, Instant t, boolean mayOpen) {
        // rule 1: inside a free entry point everything is covered by it; a pending referral is consumed
        if (freeEntryPoint != null && t.isBefore(freeEntryPoint.expiresAt)) {
            referralUntil = null;
            return freeEntryPoint;
        }
        freeEntryPoint = null;
        // rule 2: a pending referral opens a free entry point that closes every other conversation
        if (referralUntil != null && t.isBefore(referralUntil)) {
            if (!mayOpen) {
                return null;
            }
            referralUntil = null;
            open.clear();
            freeEntryPoint = openNew(ConversationCategory.FREE_ENTRY_POINT, t, FREE_ENTRY_POINT_WINDOW, event);
            return freeEntryPoint;
        }
        referralUntil = null;
        if (event.isTemplate()) {
            // rule 3: one open window per category; other categories do not matter
            OpenConversation same = open.get(event.category());
            if (same != null && t.isBefore(same.expiresAt)) {
                return same;
            }
            if (!mayOpen) {
                return null;
            }
            OpenConversation created = openNew(event.category(), t, WINDOW, event);
            open.put(event.category(), created);
            return created;
        }
        // rule 4: free-form rides on the most recently opened conversation, else opens SERVICE
        OpenConversation latest = null;
        for (OpenConversation candidate : open.values()) {
            if (t.isBefore(candidate.expiresAt) && (latest == null || candidate.isNewerThan(latest))) {
                latest = candidate;
            }
        }
        if (latest != null || !mayOpen) {
            return latest;
        }
        OpenConversation service = openNew(ConversationCategory.SERVICE, t, WINDOW, event);
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
        for (OpenConversation conversation : opened) {
            if (conversation.reported && t.isBefore(conversation.expiresAt)) {
                return false;
            }
        }
        return true;
    }

    private OpenConversation openNew(ConversationCategory category, Instant t, Duration length, MessageEvent event) {
        OpenConversation conversation = new OpenConversation(ConversationIds.of(scope, category, t), category, t, t.plus(length),
                event.messageId(), sequence++, t.isBefore(to));
        opened.add(conversation);
        return conversation;
    }

    /** The conversations opened in [from, to), in opening order. */
    public List<Conversation> conversations() {
        List<Conversation> result = new ArrayList<>();
        for (OpenConversation o : opened) {
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

    /** Pricing records of the messages delivered in [from, to) under a per-message regime, in processing order. */
    public List<PricedMessage> priced() {
        return priced;
    }

    public List<MetaOnlyRecord> metaOnly() {
        return metaOnly;
    }
}
