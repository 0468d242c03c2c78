package com.wabilling.pricing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One row of rate-card.csv (docs/formats.md), checked; a bad cell stops the job naming its column. */
final class RateCardRows {

    static final List<String> COLUMNS = List.of("effective_from", "market", "currency", "marketing", "utility",
            "authentication", "service");

    /**
     * The highest price a cell may hold, per unit (docs/billing-rules.md 4.2): far above any real price in any
     * currency a BSP bills in (Meta's dearest, about 0.25 USD, is some 4,000 IDR), far below what the
     * books' DECIMAL(19,6) columns hold once multiplied by a month's messages. Above it is a typo.
     */
    static final BigDecimal MAX_PRICE = new BigDecimal("10000");

    private RateCardRows() {
    }

    static RateCard.Row row(Map<String, String> r) {
        LocalDate from;
        try {
            from = LocalDate.parse(r.get("effective_from"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("effective_from is not a date: '" + r.get("effective_from") + "'");
        }
        Map<ConversationCategory, BigDecimal> prices = new EnumMap<>(ConversationCategory.class);
        for (ConversationCategory c : List.of(ConversationCategory.MARKETING, ConversationCategory.UTILITY,
                ConversationCategory.AUTHENTICATION, ConversationCategory.SERVICE,
                ConversationCategory.AUTHENTICATION_INTERNATIONAL)) {
            String column = c.name().toLowerCase(Locale.ROOT);
            String value = r.get(column); // authentication_international is optional (docs/formats.md, rate-card.csv)
            if (value != null && !value.isEmpty()) { // an empty cell: no rate for that category, never a zero
                BigDecimal price = ReferenceFiles.decimal(column, value);
                if (price.signum() < 0 || price.scale() > 6) {
                    throw new IllegalArgumentException(column + " must be a price >= 0 with up to 6 decimals: " + value);
                }
                if (price.compareTo(MAX_PRICE) > 0) {
                    throw new IllegalArgumentException(column + ": " + value + " is above the maximum price of "
                            + MAX_PRICE.toPlainString() + " per unit (a misplaced decimal point?)");
                }
                prices.put(c, price);
            }
        }
        return new RateCard.Row(from, r.get("market"), ReferenceFiles.currency(r.get("currency")).getCurrencyCode(),
                prices);
    }
}
