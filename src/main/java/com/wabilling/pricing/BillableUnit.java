package com.wabilling.pricing;

/** What a regime charges for (docs/per-message-pricing.md, table): a conversation or each delivered message. */
public enum BillableUnit {
    CONVERSATION, DELIVERED_MESSAGE
}
