package com.wabilling.permessage;

import java.util.List;

/**
 * What one scope of a period contributes to {@code priced_message}: its WABA and customer, its bucket and
 * market, and its pricing records. Reconstruct's outcome of a scope is one (conversations.ScopeOutcome); this
 * package needs no more of it, so it stays below conversations (docs/architecture.md, "Packages").
 */
public interface PricedScope {

    String wabaId();

    /** The customer's phone number, empty when only a user id is known (docs/billing-rules.md 3.6). */
    String customerWaId();

    /** The customer's business-scoped user id, null when none is known. */
    String customerUserId();

    int bucket();

    String market();

    List<PricedMessage> priced();
}
