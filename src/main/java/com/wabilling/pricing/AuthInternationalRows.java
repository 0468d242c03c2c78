package com.wabilling.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabilling.support.Digits;
import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.Timestamps;

/**
 * Reads the rows of the optional auth-international.csv (docs/formats.md) into {@link AuthInternational}:
 * {@code portfolio_id, market, start}. Like volume-tiers.csv every bad row is collected, and the refusal
 * names each with its record, line and column; a (portfolio_id, market) given twice is refused, naming both.
 */
public final class AuthInternationalRows {

    public static final String FILE = "auth-international.csv";
    public static final List<String> COLUMNS = List.of("portfolio_id", "market", "start");

    private final String file;
    private final Map<AuthInternational.Key, Instant> starts = new HashMap<>();
    private final Map<AuthInternational.Key, String> firstSeen = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long record;

    public AuthInternationalRows(String file) {
        this.file = file;
    }

    /** One record of the file and the line it starts on (the header is line 1). */
    public void add(long line, Map<String, String> values) {
        record++;
        String where = "record " + record + " (line " + line + ")";
        List<String> reasons = new ArrayList<>();
        String portfolio = value(values, "portfolio_id");
        if (!portfolio.matches("\\d{1,32}")) {
            reasons.add("column portfolio_id must be digits (a portfolio_id or waba_id of accounts.csv): '" + portfolio + "'");
        }
        String market = value(values, "market");
        if (market.isEmpty()) {
            reasons.add("column market is empty (a market of markets.csv)");
        }
        Instant start = start(value(values, "start"), reasons);
        if (!reasons.isEmpty()) {
            problems.add(where + ": " + String.join("; ", reasons));
            return;
        }
        AuthInternational.Key key = new AuthInternational.Key(portfolio, market);
        String earlier = firstSeen.putIfAbsent(key, where);
        if (earlier != null) {
            problems.add(where + ": columns portfolio_id, market: " + portfolio + " " + market + " is given twice (also "
                    + earlier + "); one start per portfolio and market");
            return;
        }
        starts.put(key, start);
    }

    /** The rule, or a refusal naming every bad row. */
    public AuthInternational build() {
        if (!problems.isEmpty()) {
            throw new com.wabilling.support.Refusal(file + " is refused, " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ":\n  " + String.join("\n  ", problems),
                    com.wabilling.support.Refusal.fixThenSameCommand(file + " at the rows named above"));
        }
        return new AuthInternational(starts);
    }

    private static Instant start(String value, List<String> reasons) {
        if (value.isEmpty() || Digits.only(value)) {
            reasons.add("column start must be an ISO-8601 instant with Z or an offset (2026-01-01T00:00:00Z): '"
                    + value + "'");
            return null;
        }
        try {
            return Timestamps.parse("start", value);
        } catch (RejectedRecordException e) {
            reasons.add("column " + e.getMessage());
            return null;
        }
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }
}
