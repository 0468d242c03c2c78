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
    private final int longestCode;

    public MarketTable(Map<String, String> marketByCode) {
        this.marketByCode = Map.copyOf(marketByCode);
        this.longestCode = marketByCode.keySet().stream().mapToInt(String::length).max().orElse(0);
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

        public Builder add(String callingCode, String market) {
            String previous = codes.putIfAbsent(callingCode, market);
            if (previous != null && !previous.equals(market)) {
                throw new IllegalArgumentException("calling code " + callingCode + " is mapped to both " + previous
                        + " and " + market);
            }
            return this;
        }

        public MarketTable build() {
            return new MarketTable(codes);
        }
    }
}
