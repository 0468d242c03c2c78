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
 * Price per conversation by market, category and currency, effective-dated (formats.md,
 * rate-card.csv). The rate of a date is the row with the latest effective_from on or before it.
 */
public final class RateCard {

    /** One row of the card: the four prices of a market and currency from a date on. */
    public record Row(LocalDate effectiveFrom, String market, String currency, Map<ConversationCategory, BigDecimal> prices) {
    }

    private final Map<String, List<Row>> byMarketAndCurrency = new HashMap<>();

    public RateCard(List<Row> rows) {
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

    /** Empty when no row of that market and currency is in effect on that date. */
    public Optional<BigDecimal> rate(String market, ConversationCategory category, String currency, LocalDate date) {
        List<Row> rows = byMarketAndCurrency.get(key(market, currency));
        if (rows == null) {
            return Optional.empty();
        }
        Row effective = null;
        for (Row row : rows) {
            if (row.effectiveFrom().isAfter(date)) {
                break;
            }
            effective = row;
        }
        return effective == null ? Optional.empty() : Optional.ofNullable(effective.prices().get(category));
    }

    private static String key(String market, String currency) {
        return market + '\u0000' + currency;
    }
}
