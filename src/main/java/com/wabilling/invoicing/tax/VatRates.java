package com.wabilling.invoicing.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * vat-rates.csv (docs/invoice-documents.md 2): the standard rate per country, effective-dated. A rate is a
 * percentage from 0 to 100 (checked where the file is read, TaxReference); one above the highest
 * standard rate in the EU is kept but warned about (docs/billing-rules.md 4.2; docs/invoice-documents.md 2, 4).
 */
public final class VatRates {

    /** 27 %: Hungary's, the highest standard rate in the EU. */
    static final BigDecimal HIGHEST_EU_STANDARD_RATE = BigDecimal.valueOf(27);

    /** One row; {@code line} is where it is in the file (0 when built in code). */
    public record Row(String countryCode, LocalDate effectiveFrom, BigDecimal standardRate, long line) {
        public Row(String countryCode, LocalDate effectiveFrom, BigDecimal standardRate) {
            this(countryCode, effectiveFrom, standardRate, 0);
        }
    }

    private final Map<String, NavigableMap<LocalDate, Row>> rates = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Refuses two rows of one country and date, naming both lines (as exchange rates do). */
    public VatRates(List<Row> rows) {
        for (Row r : rows) {
            Row before = rates.computeIfAbsent(r.countryCode(), c -> new TreeMap<>()).putIfAbsent(r.effectiveFrom(), r);
            if (before != null) {
                throw new IllegalArgumentException("lines " + before.line() + " and " + r.line() + ": two standard"
                        + " rates of " + r.countryCode() + " from " + r.effectiveFrom() + " (" + before.standardRate()
                        + " and " + r.standardRate() + "); keep one");
            }
            if (r.standardRate().compareTo(HIGHEST_EU_STANDARD_RATE) > 0) {
                warnings.add("line " + r.line() + ": standard_rate " + r.standardRate() + " of " + r.countryCode()
                        + " from " + r.effectiveFrom() + " is above 27 %, the highest standard rate in the EU: check it"
                        + " (it is used as it is)");
            }
        }
    }

    /** Rates that are accepted but look wrong, each naming its line. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The standard rate in percent in force in the country on that date. */
    public Optional<BigDecimal> standardRate(String countryCode, LocalDate date) {
        NavigableMap<LocalDate, Row> byDate = rates.get(countryCode);
        return byDate == null ? Optional.empty()
                : Optional.ofNullable(byDate.floorEntry(date)).map(e -> e.getValue().standardRate());
    }
}
