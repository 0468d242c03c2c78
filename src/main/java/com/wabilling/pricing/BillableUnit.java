package com.wabilling.pricing;

/** What a regime charges for (pricing-regimes.md, table): a conversation or each delivered message. */
public enum BillableUnit {
    CONVERSATION, DELIVERED_MESSAGE
}
