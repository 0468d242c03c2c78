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

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.support.jdbc.DatabaseSchema;
import com.wabilling.support.jdbc.SqlStatements;

/** Data access for imported messages. */
public class MessageDao {

    private static final SqlStatements SQL = SqlStatements.load("db/messages.sql");

    private final JdbcTemplate jdbc;
    private volatile String lookupStatement;

    public MessageDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored messages among these ids, to tell duplicates and conflicts from new messages. */
    public Map<String, ExportedMessage> findByIds(Collection<String> ids) {
        Map<String, ExportedMessage> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            if (lookupStatement == null) { // the array syntax differs: IN (UNNEST(?)) or = ANY (?)
                lookupStatement = SQL.get("select-by-ids-"
                        + DatabaseSchema.platform(connection));
            }
            PreparedStatement ps = connection.prepareStatement(lookupStatement);
            ps.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            return ps;
        }, rs -> {
            ExportedMessage m = map(rs);
            found.put(m.messageId(), m);
        });
        return found;
    }

    public void insert(List<ExportedMessage> messages, long runId) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SQL.get("insert-message"), messages, messages.size(), (ps, m) -> {
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
            jdbc.update(SQL.get("advance-status"), m.status(), millis(m.deliveredAt()), millis(m.eventAt()),
                    m.metaConversationId(), m.metaCategory(), m.messageId());
            int updated = jdbc.update(SQL.get("update-status-change"), m.status(), millis(m.deliveredAt()), a.source(),
                    a.record(), a.records(), runId, m.messageId());
            if (updated == 0) {
                ExportedMessage p = a.previous();
                jdbc.update(SQL.get("insert-status-change"), runId, m.messageId(), p.status(), millis(p.deliveredAt()),
                        p.metaConversationId(), p.metaCategory(), m.status(), millis(m.deliveredAt()), a.source(),
                        a.record(), a.records());
            }
        }
    }

    /** Records of the run that advanced the status of a message read before. */
    public long statusAdvances(long runId) {
        Long n = jdbc.queryForObject(SQL.get("count-status-advances"), Long.class, runId);
        return n == null ? 0 : n;
    }

    /** A reconstructed period, as its reconstruct parameters. */
    public record AffectedPeriod(String scopeMode, LocalDate from, LocalDate to) {
    }

    /**
     * Reconstructed periods whose read window ({@code before} the start to {@code after} the end)
     * holds the old or new delivery time of a message whose status this run advanced.
     */
    public List<AffectedPeriod> periodsAffectedByStatusChanges(long runId, Duration before, Duration after) {
        long b = before.toMillis();
        long a = after.toMillis();
        return jdbc.query(SQL.get("periods-affected-by-status-changes"), (rs, n) -> new AffectedPeriod(
                rs.getString(1), date(rs.getLong(2)), date(rs.getLong(3))), runId, b, a, b, a);
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
        jdbc.query(SQL.get("run-stats"), rs -> {
            boolean inbound = rs.getString(1).equals(Direction.INBOUND.code());
            n[inbound ? 0 : rs.getInt(2) == 1 ? 1 : 2] += rs.getLong(3);
        }, runId);
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
        long delivered = rs.getLong(11);
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new ExportedMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Direction.ofCode(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), deliveredAt, rs.getString(12),
                rs.getString(13), rs.getString(14));
    }
}
