package com.wabilling.permessage;

import java.time.Instant;

import com.wabilling.pricing.MessagePrice;
import com.wabilling.pricing.Regime;

/**
 * The pricing record of one delivered business message under a per-message regime (docs/per-message-pricing.md
 * 2), with what later steps need: the window facts (what-if re-rating), whether it opened a free entry
 * point window (the next period's starting state) and Meta's own columns (reconciliation, section 5).
 */
public record PricedMessage(String messageId, String phoneNumberId, Instant deliveredAt, Regime regime,
        MessagePrice price, boolean insideServiceWindow, boolean opensEntryPoint, String metaPricingCategory,
        String metaPricingType) {
}
