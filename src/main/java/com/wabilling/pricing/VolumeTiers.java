package com.wabilling.pricing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Effective-dated graduated band tables per (market, currency, category) (docs/per-message-pricing.md 3,
 * docs/formats.md volume-tiers.csv). Built by {@link VolumeTierRows}, which checks the bands.
 */
public final class VolumeTiers {

    /** No volume-tiers.csv: every charged message pays the list rate. */
    public static final VolumeTiers NONE = new VolumeTiers(Map.of());

    record TableKey(String market, String currency, PricingCategory category) {
    }

    private final Map<TableKey, NavigableMap<LocalDate, List<VolumeBand>>> tables;

    VolumeTiers(Map<TableKey, NavigableMap<LocalDate, List<VolumeBand>>> tables) {
        Map<TableKey, NavigableMap<LocalDate, List<VolumeBand>>> copy = new HashMap<>();
        tables.forEach((key, byDate) -> copy.put(key, new TreeMap<>(byDate)));
        this.tables = copy;
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** The bands in effect on an account-local date: the table with the latest effective_from on or before it. */
    public Optional<List<VolumeBand>> table(String market, String currency, PricingCategory category, LocalDate date) {
        NavigableMap<LocalDate, List<VolumeBand>> byDate = tables.get(new TableKey(market, currency, category));
        if (byDate == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, List<VolumeBand>> effective = byDate.floorEntry(date);
        return effective == null ? Optional.empty() : Optional.of(effective.getValue());
    }

    /** The band that contains the n-th charged message; empty when no table is in effect (list rate). */
    public Optional<VolumeBand> band(String market, String currency, PricingCategory category, LocalDate date, long n) {
        return table(market, currency, category, date)
                .flatMap(bands -> bands.stream().filter(b -> b.contains(n)).findFirst());
    }
}
