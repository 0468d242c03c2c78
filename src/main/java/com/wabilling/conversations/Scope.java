package com.wabilling.conversations;

import java.util.Comparator;

import com.wabilling.periods.ScopeMode;

/**
 * The scope conversations are counted in; phoneNumberId is empty in WABA scope mode. {@code customerWaId} holds
 * the customer key (docs/billing-rules.md 3.6): the customer's business-scoped user id when one is known,
 * else the phone number, so conversation ids use it in place of the number.
 */
public record Scope(String wabaId, String phoneNumberId, String customerWaId) implements Comparable<Scope> {

    private static final Comparator<Scope> ORDER = Comparator.comparing(Scope::wabaId)
            .thenComparing(Scope::phoneNumberId).thenComparing(Scope::customerWaId);

    public static Scope of(ScopeMode mode, String wabaId, String phoneNumberId, String customerWaId) {
        return new Scope(wabaId, mode == ScopeMode.WABA ? "" : phoneNumberId, customerWaId);
    }

    @Override
    public int compareTo(Scope other) {
        return ORDER.compare(this, other);
    }
}
