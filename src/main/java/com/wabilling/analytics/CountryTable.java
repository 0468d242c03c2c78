package com.wabilling.analytics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The country Meta reports a message under (docs/formats.md, "Meta's pricing analytics"): the
 * {@code iso_country} of the customer's calling-code row in markets.csv (longest prefix wins), or the
 * country prefix of a business-scoped user id ({@code BR.8c1f...}); empty when neither says.
 */
public final class CountryTable {

    private final Map<String, String> countryByCode;
    private final int longestCode;

    public CountryTable(Map<String, String> countryByCode) {
        this.countryByCode = Map.copyOf(countryByCode);
        this.longestCode = countryByCode.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    public boolean isEmpty() {
        return countryByCode.isEmpty();
    }

    /** ISO 3166-1 alpha-2 in upper case, or empty. */
    public String countryOf(String customer) {
        int dot = customer.indexOf('.');
        if (dot == 2) { // a business-scoped user id: country, dot, id
            return customer.substring(0, 2).toUpperCase(Locale.ROOT);
        }
        for (int length = Math.min(longestCode, customer.length()); length > 0; length--) {
            String country = countryByCode.get(customer.substring(0, length));
            if (country != null) {
                return country;
            }
        }
        return "";
    }

    /** Collects markets.csv's rows that carry an iso_country (the column is optional). */
    public static final class Builder {
        private final Map<String, String> codes = new HashMap<>();

        public Builder add(String callingCode, String isoCountry) {
            String country = isoCountry == null ? "" : isoCountry.strip().toUpperCase(Locale.ROOT);
            if (country.isEmpty()) {
                return this;
            }
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("iso_country must be an ISO 3166-1 alpha-2 code: '" + isoCountry + "'");
            }
            codes.put(callingCode.replace("+", ""), country);
            return this;
        }

        public CountryTable build() {
            return new CountryTable(codes);
        }
    }
}
