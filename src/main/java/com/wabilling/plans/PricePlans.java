package com.wabilling.plans;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price plans of plans.csv, effective-dated like the rate card (docs/billing-rules.md 4.6): the plan in force for
 * an account's month is the row of its plan and currency with the latest effective_from on or before the month's
 * first day.
 */
public final class PricePlans {

    public static final PricePlans NONE = new PricePlans(List.of());

    private final Map<String, List<PricePlan>> byPlanAndCurrency = new HashMap<>();

    /** @param rows rows whose (plan_id, currency, effective_from) are unique (PlanFiles refuses a repeat) */
    public PricePlans(List<PricePlan> rows) {
        for (PricePlan row : rows) {
            byPlanAndCurrency.computeIfAbsent(key(row.planId(), row.currency()), k -> new ArrayList<>()).add(row);
        }
        byPlanAndCurrency.values().forEach(list -> list.sort(Comparator.comparing(PricePlan::effectiveFrom)));
    }

    public boolean knows(String planId) {
        return byPlanAndCurrency.keySet().stream().anyMatch(k -> k.startsWith(planId + "\u0000"));
    }

    public boolean knows(String planId, String currency) {
        return byPlanAndCurrency.containsKey(key(planId, currency));
    }

    /** The plan's row in force on the first day of the month, in that currency; empty before its first row. */
    public Optional<PricePlan> inForce(String planId, String currency, YearMonth month) {
        LocalDate firstDay = month.atDay(1);
        PricePlan found = null;
        for (PricePlan row : byPlanAndCurrency.getOrDefault(key(planId, currency), List.of())) {
            if (row.effectiveFrom().isAfter(firstDay)) {
                break;
            }
            found = row;
        }
        return Optional.ofNullable(found);
    }

    private static String key(String planId, String currency) {
        return planId + "\u0000" + currency;
    }
}
