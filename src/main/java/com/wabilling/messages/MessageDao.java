package com.wabilling.messages;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import com.wabilling.support.jdbc.DatabaseSchema;
import com.wabilling.support.jdbc.SqlStatements;

/** Data access for imported messages. */
public class MessageDao {

    private static final SqlStatements SQL = SqlStatements.load("db/messages.sql");

    private final JdbcClient jdbc;
    /** What the JdbcClient is built on: {@link #insert} batches through its JdbcTemplate (no batch API in JdbcClient). */
    private final NamedParameterJdbcOperations batch;
    private volatile String lookupStatement;

    public MessageDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    /** The stored messages among these ids, to tell duplicates and conflicts from new messages. */
    public Map<String, ExportedMessage> findByIds(Collection<String> ids) {
        Map<String, ExportedMessage> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        if (lookupStatement == null) { // the array syntax differs: IN (UNNEST(:ids)) or = ANY (:ids)
            lookupStatement = SQL.get("select-by-ids-" + batch.getJdbcOperations().execute((ConnectionCallback<String>)
                    connection -> DatabaseSchema.platform(connection)));
        }
        // one java.sql.Array parameter (created on the statement's connection), not a list expanded into
        // one placeholder per id: one short statement per chunk
        jdbc.sql(lookupStatement).param("ids", new SqlArrayValue("VARCHAR", ids.toArray())).query(rs -> {
            ExportedMessage m = map(rs);
            found.put(m.messageId(), m);
        });
        return found;
    }

    public void insert(List<ExportedMessage> messages, long runId) {
        if (messages.isEmpty()) {
            return;
        }
        // Kept on JdbcTemplate.batchUpdate with positional setters: every imported message goes through
        // here, and a named batch (NamedParameterJdbcTemplate with one parameter source per row: a value
        // array built by name and a setter per row) measured ~1.3-2.5x slower for 200k rows on HSQLDB.
        batch.getJdbcOperations().batchUpdate(SQL.get("insert-message"), messages, messages.size(), (ps, m) -> {
            ps.setString(1, m.messageId());
            ps.setString(2, m.wabaId());
            ps.setString(3, m.phoneNumberId());
            ps.setString(4, m.customerWaId());
            ps.setShort(5, (short) m.bucket());
            ps.setString(6, m.direction().code());
            ps.setString(7, m.type());
            ps.setString(8, m.templateName());
            ps.setString(9, m.templateLanguage());
            ps.setLong(10, m.timestamp().toEpochMilli());
            ps.setString(11, m.status());
            setInstant(ps, 12, m.deliveredAt());
            setInstant(ps, 13, m.eventAt());
            ps.setString(14, m.entryPoint());
            ps.setString(15, m.metaConversationId());
            ps.setString(16, m.metaCategory());
            ps.setLong(17, runId);
        });
    }

    /**
     * A later status of a message read before (issue 9.5): {@code previous} is what the row held
     * before this run changed it, {@code records} how many records of the run advanced it.
     */
    public record StatusAdvance(ExportedMessage previous, ExportedMessage now, String source, long record,
            long records) {
    }

    /** Updates the rows to their later status and records each change with the values it replaced. */
    public void advance(Collection<StatusAdvance> advances, long runId) {
        for (StatusAdvance a : advances) {
            ExportedMessage m = a.now();
            ExportedMessage p = a.previous();
            Map<String, Object> params = new HashMap<>();
            params.put("messageId", m.messageId());
            params.put("status", m.status());
            params.put("deliveredAt", millis(m.deliveredAt()));
            params.put("eventAt", millis(m.eventAt()));
            params.put("metaConversationId", m.metaConversationId());
            params.put("metaCategory", m.metaCategory());
            params.put("source", a.source());
            params.put("record", a.record());
            params.put("records", a.records());
            params.put("runId", runId);
            params.put("previousStatus", p.status());
            params.put("previousDeliveredAt", millis(p.deliveredAt()));
            params.put("previousMetaConversationId", p.metaConversationId());
            params.put("previousMetaCategory", p.metaCategory());
            jdbc.sql(SQL.get("advance-status")).params(params).update();
            if (jdbc.sql(SQL.get("update-status-change")).params(params).update() == 0) {
                jdbc.sql(SQL.get("insert-status-change")).params(params).update();
            }
        }
    }

    /** Records of the run that advanced the status of a message read before. */
    public long statusAdvances(long runId) {
        return jdbc.sql(SQL.get("count-status-advances")).param("runId", runId).query(Long.class).optional().orElse(0L);
    }

    /** A reconstructed period, as its reconstruct parameters. */
    public record AffectedPeriod(String scopeMode, LocalDate from, LocalDate to) {
    }

    /**
     * Reconstructed periods whose read window ({@code before} the start to {@code after} the end)
     * holds the old or new delivery time of a message whose status this run advanced.
     */
    public List<AffectedPeriod> periodsAffectedByStatusChanges(long runId, Duration before, Duration after) {
        return jdbc.sql(SQL.get("periods-affected-by-status-changes")).param("runId", runId)
                .param("before", before.toMillis()).param("after", after.toMillis())
                .query((rs, n) -> new AffectedPeriod(rs.getString("scope_mode"), date(rs.getLong("from_ms")),
                        date(rs.getLong("to_ms"))))
                .list();
    }

    private static LocalDate date(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Messages this run stored: inbound, outbound delivered, outbound never delivered. */
    public record RunStats(long inbound, long delivered, long undelivered) {
    }

    public RunStats runStats(long runId) {
        long[] n = new long[3];
        jdbc.sql(SQL.get("run-stats")).param("runId", runId).query(rs -> {
            boolean inbound = rs.getString("direction").equals(Direction.INBOUND.code());
            n[inbound ? 0 : rs.getInt("has_event") == 1 ? 1 : 2] += rs.getLong("messages");
        });
        return new RunStats(n[0], n[1], n[2]);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    private static ExportedMessage map(ResultSet rs) throws SQLException {
        long delivered = rs.getLong("delivered_at_ms");
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new ExportedMessage(rs.getString("message_id"), rs.getString("waba_id"), rs.getString("phone_number_id"),
                rs.getString("customer_wa_id"), Direction.ofCode(rs.getString("direction")), rs.getString("message_type"),
                rs.getString("template_name"), rs.getString("template_language"),
                Instant.ofEpochMilli(rs.getLong("sent_at_ms")), rs.getString("status"), deliveredAt,
                rs.getString("entry_point"), rs.getString("meta_conversation_id"), rs.getString("meta_category"));
    }
}
