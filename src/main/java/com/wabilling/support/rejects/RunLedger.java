package com.wabilling.support.rejects;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.support.jdbc.SqlStatements;

/**
 * What a run did with every record it read: rejects with their reasons and per-source counts.
 * Written inside the chunk transaction, so a restart never counts a record twice
 * (read = accepted + rejected + duplicates holds across failures).
 */
public class RunLedger {

    private static final SqlStatements SQL = SqlStatements.load("db/run-ledger.sql");

    private final JdbcTemplate jdbc;

    public RunLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void reject(long runId, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SQL.get("insert-reject"), rejects, rejects.size(), (ps, r) -> {
            ps.setLong(1, runId);
            ps.setString(2, r.source());
            ps.setLong(3, r.record());
            ps.setString(4, truncate(r.reason(), 1000));
            ps.setString(5, truncate(r.raw(), 16000));
        });
    }

    /** Adds to the counts of one source file. */
    public void count(long runId, String source, SourceCounts add) {
        if (add.read() == 0) {
            return;
        }
        int updated = jdbc.update(SQL.get("add-counts"), add.accepted(), add.rejected(), add.duplicates(), runId, source);
        if (updated == 0) {
            jdbc.update(SQL.get("insert-counts"), runId, source, add.accepted(), add.rejected(), add.duplicates());
        }
    }

    public Map<String, SourceCounts> counts(long runId) {
        Map<String, SourceCounts> result = new TreeMap<>();
        jdbc.query(SQL.get("select-counts"), rs -> {
            result.put(rs.getString(1), new SourceCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, runId);
        return result;
    }

    public long rejectCount(long runId) {
        Long n = jdbc.queryForObject(SQL.get("count-rejects"), Long.class, runId);
        return n == null ? 0 : n;
    }

    public void forEachReject(long runId, Consumer<Reject> action) {
        jdbc.query(SQL.get("select-rejects"), rs -> {
            action.accept(new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }, runId);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
