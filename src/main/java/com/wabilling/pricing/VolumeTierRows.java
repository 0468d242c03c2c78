package com.wabilling.pricing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the rows of volume-tiers.csv into {@link VolumeTiers} (docs/formats.md): every field checked, then
 * every table's bands: they start at 1, leave no gap, do not overlap, and only the last is unbounded.
 * Configuration, so a bad file is refused whole, with every bad row's line and reason at once.
 */
public final class VolumeTierRows {

    public static final List<String> COLUMNS = List.of("effective_from", "market", "currency", "category",
            "from_volume", "to_volume", "rate");

    /** One record of the file: its line number and its values by lower-case column name. */
    public record Line(long line, Map<String, String> values) {
    }

    private record Row(long line, VolumeTiers.TableKey key, LocalDate effectiveFrom, VolumeBand band) {
    }

    private record Problem(long line, String reason) {
    }

    private VolumeTierRows() {
    }

    public static VolumeTiers parse(String file, List<Line> lines) {
        List<Problem> problems = new ArrayList<>();
        Map<VolumeTiers.TableKey, Map<LocalDate, List<Row>>> tables = new LinkedHashMap<>();
        for (Line line : lines) {
            List<String> reasons = new ArrayList<>();
            Row row = row(line, reasons);
            if (row == null) {
                problems.add(new Problem(line.line(), String.join("; ", reasons)));
            } else {
                tables.computeIfAbsent(row.key(), k -> new TreeMap<>())
                        .computeIfAbsent(row.effectiveFrom(), d -> new ArrayList<>()).add(row);
            }
        }
        Map<VolumeTiers.TableKey, NavigableMap<LocalDate, List<VolumeBand>>> result = new LinkedHashMap<>();
        tables.forEach((key, byDate) -> byDate.forEach((date, rows) -> {
            checkBands(key, date, rows, problems);
            result.computeIfAbsent(key, k -> new TreeMap<>()).put(date, rows.stream().map(Row::band).toList());
        }));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(Problem::line));
            throw new VolumeTiersException(file, problems.stream().map(p -> "line " + p.line() + ": " + p.reason())
                    .toList());
        }
        return new VolumeTiers(result);
    }

    // bands sorted by from_volume; each must start one after the previous one's end (docs/formats.md)
    private static void checkBands(VolumeTiers.TableKey key, LocalDate date, List<Row> rows, List<Problem> problems) {
        rows.sort(Comparator.comparingLong((Row r) -> r.band().fromVolume()).thenComparingLong(Row::line));
        String table = key.category() + " " + key.market() + " " + key.currency() + " from " + date;
        Row first = rows.get(0);
        if (first.band().fromVolume() != 1) {
            problems.add(new Problem(first.line(), "the first band of " + table + " starts at "
                    + first.band().fromVolume() + ", not 1"));
        }
        for (int i = 1; i < rows.size(); i++) {
            Row previous = rows.get(i - 1);
            Row row = rows.get(i);
            if (previous.band().unbounded()) {
                problems.add(new Problem(previous.line(), "band " + previous.band().label() + " of " + table
                        + " has no upper bound but is not the last (line " + row.line() + " starts at "
                        + row.band().fromVolume() + ")"));
                continue;
            }
            long expected = previous.band().toVolume() + 1;
            if (row.band().fromVolume() > expected) {
                problems.add(new Problem(row.line(), "band " + row.band().label() + " of " + table
                        + " leaves a gap after line " + previous.line() + " (" + previous.band().label() + "): volumes "
                        + expected + " to " + (row.band().fromVolume() - 1) + " have no band"));
            } else if (row.band().fromVolume() < expected) {
                problems.add(new Problem(row.line(), "band " + row.band().label() + " of " + table
                        + " overlaps line " + previous.line() + " (" + previous.band().label() + ")"));
            }
        }
        Row last = rows.get(rows.size() - 1);
        if (!last.band().unbounded()) {
            problems.add(new Problem(last.line(), "the last band of " + table + " must have an empty to_volume"
                    + " (no upper bound), not " + last.band().toVolume()));
        }
    }

    private static Row row(Line line, List<String> reasons) {
        Map<String, String> v = line.values();
        LocalDate from = null;
        try {
            from = LocalDate.parse(value(v, "effective_from"));
        } catch (DateTimeException e) {
            reasons.add("effective_from is not a date: '" + value(v, "effective_from") + "'");
        }
        String market = value(v, "market");
        if (market.isEmpty()) {
            reasons.add("market is empty");
        }
        String currency = value(v, "currency");
        try {
            currency = Currency.getInstance(currency).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            reasons.add("currency is not an ISO 4217 code: '" + currency + "'");
        }
        PricingCategory category = category(value(v, "category"), reasons);
        Long fromVolume = volume(v, "from_volume", false, reasons);
        Long toVolume = volume(v, "to_volume", true, reasons);
        if (fromVolume != null && toVolume != null && toVolume < fromVolume) {
            reasons.add("to_volume " + toVolume + " is below from_volume " + fromVolume);
        }
        BigDecimal rate = rate(value(v, "rate"), reasons);
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Row(line.line(), new VolumeTiers.TableKey(market, currency, category), from,
                new VolumeBand(fromVolume, toVolume, rate));
    }

    private static PricingCategory category(String value, List<String> reasons) {
        String name = value.toUpperCase(Locale.ROOT);
        // docs/per-message-pricing.md 3: only these have tiers, authentication-international in its own tables
        if (name.equals("UTILITY") || name.equals("AUTHENTICATION") || name.equals("AUTHENTICATION_INTERNATIONAL")) {
            return PricingCategory.valueOf(name);
        }
        reasons.add("category must be UTILITY, AUTHENTICATION or AUTHENTICATION_INTERNATIONAL: '" + value + "'");
        return null;
    }

    private static Long volume(Map<String, String> v, String column, boolean emptyAllowed, List<String> reasons) {
        String value = value(v, column);
        if (value.isEmpty() && emptyAllowed) {
            return null;
        }
        try {
            long volume = Long.parseLong(value);
            if (volume >= 1) {
                return volume;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reasons.add(column + " must be a whole number >= 1" + (emptyAllowed ? " or empty" : "") + ": '" + value + "'");
        return null;
    }

    private static BigDecimal rate(String value, List<String> reasons) {
        try {
            BigDecimal rate = new BigDecimal(value);
            if (rate.signum() >= 0 && rate.scale() <= 6) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reasons.add("rate must be a price >= 0 with up to 6 decimals: '" + value + "'");
        return null;
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }
}
