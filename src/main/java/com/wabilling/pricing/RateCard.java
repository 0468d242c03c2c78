package com.wabilling.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Price per conversation or per delivered message by market, category and currency, effective-dated
 * (docs/formats.md, rate-card.csv). A row's unit is that of the regime in force on its effective date
 * (docs/per-message-pricing.md 4), so the rate of a date is the row with the latest effective_from on or before
 * it among the rows of the unit its own regime bills: a per-message date never borrows a conversation
 * price, and a conversation date never takes a per-message one.
 */
public final class RateCard {

    /** One row of the card: the four prices of a market and currency from a date on. */
    public record Row(LocalDate effectiveFrom, String market, String currency, Map<ConversationCategory, BigDecimal> prices) {
    }

    private final Map<String, List<Row>> byMarketAndCurrency = new HashMap<>();
    private final Regimes regimes;

    public RateCard(List<Row> rows) {
        this(rows, Regimes.META);
    }

    public RateCard(List<Row> rows, Regimes regimes) {
        this.regimes = regimes;
        for (Row row : rows) {
            byMarketAndCurrency.computeIfAbsent(key(row.market(), row.currency()), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> list : byMarketAndCurrency.values()) {
            list.sort(Comparator.comparing(Row::effectiveFrom));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).effectiveFrom().equals(list.get(i - 1).effectiveFrom())) {
                    Row r = list.get(i);
                    throw new IllegalArgumentException("two rows for " + r.market() + " " + r.currency()
                            + " effective " + r.effectiveFrom());
                }
            }
        }
    }

    /** Empty when no row of that market and currency, in the unit billed on that date, is in effect then. */
    public Optional<BigDecimal> rate(String market, ConversationCategory category, String currency, LocalDate date) {
        List<Row> rows = byMarketAndCurrency.get(key(market, currency));
        if (rows == null) {
            return Optional.empty();
        }
        BillableUnit unit = unitAt(date);
        Row effective = null;
        for (Row row : rows) {
            if (row.effectiveFrom().isAfter(date)) {
                break;
            }
            if (unitAt(row.effectiveFrom()) == unit) {
                effective = row;
            }
        }
        return effective == null ? Optional.empty() : Optional.ofNullable(effective.prices().get(category));
    }

    /** What a date's regime bills; before the first regime Meta priced conversations too. */
    public BillableUnit unitAt(LocalDate date) {
        return date.isBefore(regimes.earliest()) ? regimes.all().get(0).unit() : regimes.at(date).unit();
    }

    private static String key(String market, String currency) {
        return market + '\u0000' + currency;
    }
}
