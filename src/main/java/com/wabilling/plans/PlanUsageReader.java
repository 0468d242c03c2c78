package com.wabilling.plans;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabilling.messages.MessageDao;
import com.wabilling.pricing.BillingAccount;

/**
 * The month's plan counts of the accounts on a plan (docs/billing-rules.md 4.6), in one pass over the stored message
 * blocks through the messages feature's DAO. Every block is read: a block's event bounds say nothing of the send time
 * of its failed messages, by which those count.
 */
public final class PlanUsageReader {

    private final MessageDao messages;

    public PlanUsageReader(MessageDao messages) {
        this.messages = messages;
    }

    /** The counts by waba_id of each given account (an account without messages counts zeros). */
    public Map<String, PlanUsage.Counts> count(List<BillingAccount> accounts, YearMonth month) {
        Map<String, PlanUsage> usage = new HashMap<>();
        accounts.forEach(a -> usage.put(a.wabaId(), new PlanUsage(a.zone(), month)));
        if (!usage.isEmpty()) {
            messages.forEachStored(row -> {
                PlanUsage u = usage.get(row.message().wabaId());
                if (u != null) {
                    u.accept(row.message());
                }
            });
        }
        Map<String, PlanUsage.Counts> counts = new HashMap<>();
        usage.forEach((waba, u) -> counts.put(waba, u.counts()));
        return counts;
    }
}
