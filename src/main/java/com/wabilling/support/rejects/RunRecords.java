package com.wabilling.support.rejects;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.jdbc.SqlStatements;

/**
 * What a run did with every record it read: rejects with their reasons and per-source counts.
 * Written inside the chunk transaction, so a restart never counts a record twice
 * (read = accepted + rejected + duplicates holds across failures).
 */
public class RunRecords {

    private static final SqlStatements SQL = SqlStatements.load("db/run-records.sql");

    private final JdbcClient jdbc;
    /** JdbcClient has no batch API: {@link #reject} batches through the template it is built on. */
    private final NamedParameterJdbcOperations batch;

    public RunRecords(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    public void reject(long runId, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = rejects.stream().map(r -> new MapSqlParameterSource()
                .addValue("runId", runId)
                .addValue("source", r.source(), Types.VARCHAR)
                .addValue("record", r.record())
                .addValue("reason", truncate(r.reason(), 1000), Types.VARCHAR)
                .addValue("raw", truncate(r.raw(), 16000), Types.VARCHAR)).toArray(SqlParameterSource[]::new);
        batch.batchUpdate(SQL.get("insert-reject"), rows);
    }

    /** Adds to the counts of one source file. */
    public void count(long runId, String source, SourceCounts add) {
        if (add.read() == 0) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("runId", runId).addValue("source", source)
                .addValue("accepted", add.accepted()).addValue("rejected", add.rejected())
                .addValue("duplicates", add.duplicates());
        if (jdbc.sql(SQL.get("add-counts")).paramSource(params).update() == 0) {
            jdbc.sql(SQL.get("insert-counts")).paramSource(params).update();
        }
    }

    public Map<String, SourceCounts> counts(long runId) {
        Map<String, SourceCounts> result = new TreeMap<>();
        jdbc.sql(SQL.get("select-counts")).param("runId", runId).query(rs -> {
            result.put(rs.getString("source"), new SourceCounts(rs.getLong("accepted"), rs.getLong("rejected"),
                    rs.getLong("duplicates")));
        });
        return result;
    }

    public long rejectCount(long runId) {
        return jdbc.sql(SQL.get("count-rejects")).param("runId", runId).query(Long.class).optional().orElse(0L);
    }

    public void forEachReject(long runId, Consumer<Reject> action) {
        jdbc.sql(SQL.get("select-rejects")).param("runId", runId).query(rs -> {
            action.accept(new Reject(rs.getString("source"), rs.getLong("record_no"), rs.getString("reason"),
                    rs.getString("raw_fields")));
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
