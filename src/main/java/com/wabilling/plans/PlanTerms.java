package com.wabilling.plans;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import com.wabilling.pricing.BillingAccount;

/** The price plans and which account is on which (docs/billing-rules.md 4.6). */
public record PlanTerms(PricePlans plans, Map<String, String> planOf) {

    public static final PlanTerms NONE = new PlanTerms(PricePlans.NONE, Map.of());

    public PlanTerms {
        planOf = Map.copyOf(planOf);
    }

    /** The account's plan in force on the first day of its month, in its currency; empty without a plan. */
    public Optional<PricePlan> planFor(BillingAccount account, YearMonth month) {
        String planId = planOf.get(account.wabaId());
        return planId == null ? Optional.empty()
                : plans.inForce(planId, account.currency().getCurrencyCode(), month);
    }

    public boolean anyPlan() {
        return !planOf.isEmpty();
    }
}
