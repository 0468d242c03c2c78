package com.wabilling.invoicing.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** vat-rates.csv (invoice-documents.md 2): the standard rate per country, effective-dated. */
public final class VatRates {

    public record Row(String countryCode, LocalDate effectiveFrom, BigDecimal standardRate) {
    }

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    public VatRates(List<Row> rows) {
        for (Row r : rows) {
            if (rates.computeIfAbsent(r.countryCode(), c -> new TreeMap<>()).put(r.effectiveFrom(), r.standardRate())
                    != null) {
                throw new IllegalArgumentException("vat-rates.csv has two rows for " + r.countryCode() + " from "
                        + r.effectiveFrom());
            }
        }
    }

    /** The standard rate in percent in force in the country on that date. */
    public Optional<BigDecimal> standardRate(String countryCode, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(countryCode);
        return byDate == null ? Optional.empty() : Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
    }
}
