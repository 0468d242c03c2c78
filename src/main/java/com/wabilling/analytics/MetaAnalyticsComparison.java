package com.wabilling.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Meta's pricing analytics against the suite's pricing records (docs/formats.md, "Meta's pricing
 * analytics"), per (waba_id, country, pricing_category, pricing_type): volumes and costs of both sides,
 * for every key on either side. Costs are summed unrounded; differences are Meta's minus the suite's.
 * Never a failure: a difference is reported, whatever its size.
 */
public final class MetaAnalyticsComparison {

    /** A compared key; category and type in Meta's upper case. */
    public record Key(String wabaId, String country, String pricingCategory, String pricingType) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::wabaId).thenComparing(Key::country)
                .thenComparing(Key::pricingCategory).thenComparing(Key::pricingType);
    }

    /** One row of meta-analytics.csv. */
    public record Row(Key key, long metaVolume, long volume, BigDecimal metaCost, BigDecimal cost, String currency) {
        public long volumeDifference() {
            return metaVolume - volume;
        }

        public BigDecimal costDifference() {
            return metaCost.subtract(cost);
        }
    }

    /** The totals of one currency (empty: WABAs without a billing account). */
    public record Total(String currency, long metaVolume, long volume, BigDecimal metaCost, BigDecimal cost) {
        public long volumeDifference() {
            return metaVolume - volume;
        }

        public BigDecimal costDifference() {
            return metaCost.subtract(cost);
        }
    }

    private static final class Sums {
        long metaVolume;
        long volume;
        BigDecimal metaCost = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private final Map<Key, Sums> sums = new TreeMap<>(Key.ORDER);
    private final Map<String, String> currencyByWaba;

    /** @param currencyByWaba each billing account's currency; a WABA not in it is reported with an empty one */
    public MetaAnalyticsComparison(Map<String, String> currencyByWaba) {
        this.currencyByWaba = Map.copyOf(currencyByWaba);
    }

    /** A data point of Meta's, already known to lie inside the account-local month. */
    public void addMeta(String wabaId, AnalyticsPoint point) {
        Sums s = sums.computeIfAbsent(new Key(wabaId, point.country(), point.pricingCategory(), point.pricingType()),
                k -> new Sums());
        s.metaVolume += point.volume();
        s.metaCost = s.metaCost.add(point.cost());
    }

    /** One of the suite's priced messages: its charge at the list or band rate before markup, 0 when free. */
    public void addSuite(Key key, BigDecimal charge) {
        Sums s = sums.computeIfAbsent(key, k -> new Sums());
        s.volume++;
        s.cost = s.cost.add(charge);
    }

    /** Every key on either side, sorted by waba_id, country, pricing_category, pricing_type. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, s) -> rows.add(new Row(key, s.metaVolume, s.volume, s.metaCost, s.cost,
                currencyByWaba.getOrDefault(key.wabaId(), ""))));
        return rows;
    }

    /** The totals per currency, sorted by currency. */
    public List<Total> totals() {
        Map<String, Total> byCurrency = new TreeMap<>();
        for (Row r : rows()) {
            byCurrency.merge(r.currency(), new Total(r.currency(), r.metaVolume(), r.volume(), r.metaCost(), r.cost()),
                    (a, b) -> new Total(a.currency(), a.metaVolume() + b.metaVolume(), a.volume() + b.volume(),
                            a.metaCost().add(b.metaCost()), a.cost().add(b.cost())));
        }
        return List.copyOf(byCurrency.values());
    }
}
