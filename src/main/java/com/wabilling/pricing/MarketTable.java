package com.wabilling.pricing;

import java.util.HashMap;
import java.util.Map;

/**
 * Calling code to market (docs/billing-rules.md 4.2): the longest calling-code prefix of the customer's number
 * wins (1876 Jamaica before 1 North America); no match is market {@code Other}.
 */
public final class MarketTable {

    public static final String OTHER = "Other";

    private final Map<String, String> marketByCode;
    private final Map<String, String> marketByCountry;
    private final int longestCode;

    public MarketTable(Map<String, String> marketByCode) {
        this(marketByCode, Map.of());
    }

    /** @param marketByCountry ISO 3166-1 alpha-2 country code (upper case) to market: markets.csv's iso_country */
    public MarketTable(Map<String, String> marketByCode, Map<String, String> marketByCountry) {
        this.marketByCode = Map.copyOf(marketByCode);
        this.marketByCountry = Map.copyOf(marketByCountry);
        this.longestCode = marketByCode.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * The market of a customer known by business-scoped user id alone (docs/billing-rules.md 3.6): by the
     * id's country code, through markets.csv's iso_country; an unknown code is market {@code Other}.
     */
    public String marketOfCountry(String isoCountry) {
        return marketByCountry.getOrDefault(isoCountry, OTHER);
    }

    public String marketOf(String customerWaId) {
        for (int length = Math.min(longestCode, customerWaId.length()); length > 0; length--) {
            String market = marketByCode.get(customerWaId.substring(0, length));
            if (market != null) {
                return market;
            }
        }
        return OTHER;
    }

    /** Builds the table, refusing one calling code mapped to two markets. */
    public static final class Builder {
        private final Map<String, String> codes = new HashMap<>();
        private final Map<String, String> countries = new HashMap<>();

        /** The ISO country code of a calling code's row (optional column iso_country). */
        public Builder addCountry(String isoCountry, String market) {
            String previous = countries.putIfAbsent(isoCountry, market);
            if (previous != null && !previous.equals(market)) {
                throw new IllegalArgumentException("iso_country " + isoCountry + " is mapped to both " + previous
                        + " and " + market);
            }
            return this;
        }

        public Builder add(String callingCode, String market) {
            String previous = codes.putIfAbsent(callingCode, market);
            if (previous != null && !previous.equals(market)) {
                throw new IllegalArgumentException("calling code " + callingCode + " is mapped to both " + previous
                        + " and " + market);
            }
            return this;
        }

        public MarketTable build() {
            return new MarketTable(codes, countries);
        }
    }
}
