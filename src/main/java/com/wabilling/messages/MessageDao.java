package com.wabilling.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.jdbc.SqlStatements;

/** Data access for imported messages. */
public class MessageDao {

    static final SqlStatements SQL = SqlStatements.load("db/messages.sql");

    private final JdbcClient jdbc;
    /** What the JdbcClient is built on: {@link #hold} and {@link #count} batch through it (JdbcClient has none). */
    private final NamedParameterJdbcOperations batch;
    private final MessageBlockStore blocks;
    private final CustomerLinkDao links;

    public MessageDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.blocks = new MessageBlockStore(jdbc);
        this.links = new CustomerLinkDao(jdbc);
    }

    /** The links between customers' phone numbers and user ids that imports recorded. */
    public CustomerLinkDao links() {
        return links;
    }

    /** Every stored message_id, for the import's in-memory filter: one pass over the blocks. */
    MessageIdFilter idFilter() {
        long stored = jdbc.sql(SQL.get("stored-messages")).query(Long.class).single();
        MessageIdFilter filter = new MessageIdFilter(stored);
        blocks.forEachId(filter::add);
        return filter;
    }

    /**
     * Stores the messages as one block, counts them (message_count) and records the links between phone
     * numbers and user ids their rows make, in the caller's transaction.
     */
    public void insert(List<ExportedMessage> messages, long runId) {
        if (messages.isEmpty()) {
            return;
        }
        blocks.insert(messages, runId);
        links.record(messages, runId);
        MessageTally tally = new MessageTally();
        messages.forEach(m -> tally.add(m, runId));
        count(tally);
    }

    /** Every stored message, block by block (a few blocks in memory at a time). */
    public void forEachStored(Consumer<StoredRow> action) {
        blocks.forEach(action);
    }

    /** The stored messages whose event time (received, delivered) lies in [from, to). */
    public void forEachEventBetween(Instant from, Instant to, Consumer<StoredRow> action) {
        blocks.forEachEventBetween(from, to, action);
    }

    /** A stored message, the run that stored it and the block that holds it. */
    public record StoredRow(ExportedMessage message, long runId, long blockNo) {
    }

    /** Applies changes to the per-day counts: one batch of updates, one of inserts for the new days. */
    public void count(MessageTally tally) {
        List<MapSqlParameterSource> changes = tally.changes().entrySet().stream().map(change -> {
            MessageTally.Key key = change.getKey();
            return new MapSqlParameterSource().addValue("runId", key.runId()).addValue("day", key.dayMs())
                    .addValue("kind", key.kind()).addValue("withMeta", key.withMeta())
                    .addValue("messages", change.getValue());
        }).toList();
        if (changes.isEmpty()) {
            return;
        }
        int[] updated = batch.batchUpdate(SQL.get("add-count"), changes.toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(changes.get(i));
            } else if (updated[i] < 0) { // a driver that does not say: the counts cannot be kept exact
                throw new IllegalStateException("the database did not report which message counts it updated");
            }
        }
        if (!missing.isEmpty()) {
            batch.batchUpdate(SQL.get("insert-count"), missing.toArray(SqlParameterSource[]::new));
        }
    }

    /** A record whose message_id the filter may have seen: held until the files are read. */
    public record HeldRepeat(ExportedMessage message, int fileIndex, String source, long record, String raw) {
    }

    public void hold(List<HeldRepeat> repeats, long runId) {
        if (repeats.isEmpty()) {
            return;
        }
        batch.batchUpdate(SQL.get("insert-repeat"), repeats.stream().map(r -> {
            ExportedMessage m = r.message();
            return new MapSqlParameterSource().addValue("runId", runId).addValue("fileIndex", r.fileIndex())
                    .addValue("source", r.source()).addValue("record", r.record())
                    .addValue("raw", r.raw(), Types.VARCHAR).addValue("messageId", m.messageId())
                    .addValue("wabaId", m.wabaId()).addValue("phoneNumberId", m.phoneNumberId())
                    // NOT NULL since schema V5: a row naming the customer by user id alone holds ''
                    .addValue("customerWaId", m.customerWaId() == null ? "" : m.customerWaId())
                    .addValue("customerUserId", m.customerUserId(), Types.VARCHAR)
                    .addValue("sentVia", m.sentVia(), Types.VARCHAR)
                    .addValue("direction", m.direction().code())
                    .addValue("type", m.type()).addValue("templateName", m.templateName(), Types.VARCHAR)
                    .addValue("templateLanguage", m.templateLanguage(), Types.VARCHAR)
                    .addValue("sentAt", m.timestamp().toEpochMilli()).addValue("status", m.status(), Types.VARCHAR)
                    .addValue("deliveredAt", millis(m.deliveredAt()), Types.BIGINT)
                    .addValue("entryPoint", m.entryPoint(), Types.VARCHAR)
                    .addValue("metaConversationId", m.metaConversationId(), Types.VARCHAR)
                    .addValue("metaCategory", m.metaCategory(), Types.VARCHAR)
                    .addValue("metaPricingCategory", m.metaPricingCategory(), Types.VARCHAR)
                    .addValue("metaPricingType", m.metaPricingType(), Types.VARCHAR);
        }).toArray(SqlParameterSource[]::new));
    }

    /** The held records of a run, in the order they were read. */
    public void forEachHeld(long runId, Consumer<HeldRepeat> action) {
        jdbc.sql(SQL.get("select-repeats")).param("runId", runId).query(rs -> {
            action.accept(new HeldRepeat(map(rs), rs.getInt("file_index"), rs.getString("source"),
                    rs.getLong("record_no"), rs.getString("raw_fields")));
        });
    }

    /** The stored rows of the held records' message_ids: one pass over the blocks. */
    public Map<String, StoredRow> storedRowsOfHeld(long runId) {
        Set<String> held = new HashSet<>(jdbc.sql(SQL.get("held-ids")).param("runId", runId).query(String.class).list());
        Map<String, StoredRow> rows = new HashMap<>();
        if (!held.isEmpty()) {
            blocks.forEachWhere(held::contains, row -> rows.put(row.message().messageId(), row));
        }
        return rows;
    }

    public void releaseHeld(long runId) {
        jdbc.sql(SQL.get("delete-repeats")).param("runId", runId).update();
    }

    /**
     * A later status of a message read before: {@code previous} is what the row held
     * before this run changed it, {@code records} how many records of the run advanced it.
     */
    public record StatusAdvance(ExportedMessage previous, ExportedMessage now, String source, long record,
            long records) {
    }

    /**
     * Records each change with the values it replaced, and rewrites the blocks that hold the stored
     * rows ({@code stored}, by message_id) with the later status: a row keeps the run that stored it.
     * A message not in {@code stored} is first stored by the caller, already at its later status.
     */
    public void advance(Collection<StatusAdvance> advances, Map<String, StoredRow> stored, long runId) {
        MessageTally tally = new MessageTally();
        Map<List<Long>, Map<String, ExportedMessage>> byBlock = new LinkedHashMap<>();
        for (StatusAdvance a : advances) {
            ExportedMessage m = a.now();
            ExportedMessage p = a.previous();
            Map<String, Object> params = new HashMap<>();
            params.put("messageId", m.messageId());
            params.put("status", m.status());
            params.put("deliveredAt", millis(m.deliveredAt()));
            params.put("source", a.source());
            params.put("record", a.record());
            params.put("records", a.records());
            params.put("runId", runId);
            params.put("previousStatus", p.status());
            params.put("previousDeliveredAt", millis(p.deliveredAt()));
            params.put("previousMetaConversationId", p.metaConversationId());
            params.put("previousMetaCategory", p.metaCategory());
            params.put("previousMetaPricingCategory", p.metaPricingCategory());
            params.put("previousMetaPricingType", p.metaPricingType());
            jdbc.sql(SQL.get("insert-status-change")).params(params).update();
            StoredRow row = stored.get(m.messageId());
            if (row != null) {
                tally.remove(p, row.runId());
                tally.add(m, row.runId());
                byBlock.computeIfAbsent(List.of(row.runId(), row.blockNo()), k -> new HashMap<>()).put(m.messageId(), m);
            }
        }
        byBlock.forEach((key, later) -> blocks.rewrite(key.get(0), key.get(1), later));
        count(tally);
    }

    /** Records of the run that advanced the status of a message read before. */
    public long statusAdvances(long runId) {
        return jdbc.sql(SQL.get("count-status-advances")).param("runId", runId).query(Long.class).optional().orElse(0L);
    }

    /**
     * The recorded periods whose read window ({@code before} the start to {@code after} the end) holds the old or
     * new delivery time of a message whose status this run advanced: one count per period (they are few).
     */
    public List<ReconstructedPeriods.Span> periodsAffectedByStatusChanges(long runId,
            List<ReconstructedPeriods.Span> recorded, Duration before, Duration after) {
        return recorded.stream().filter(p -> jdbc.sql(SQL.get("status-changes-within")).param("runId", runId)
                .param("from", start(p.from()).minus(before).toEpochMilli())
                .param("to", start(p.to()).plus(after).toEpochMilli()).query(Long.class).single() > 0).toList();
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
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
            String kind = rs.getString("kind");
            n[kind.equals(Direction.INBOUND.code()) ? 0 : kind.equals("U") ? 2 : 1] += rs.getLong("messages");
        });
        return new RunStats(n[0], n[1], n[2]);
    }

    private static ExportedMessage map(ResultSet rs) throws SQLException {
        long delivered = rs.getLong("delivered_at_ms");
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new ExportedMessage(rs.getString("message_id"), rs.getString("waba_id"), rs.getString("phone_number_id"),
                emptyToNull(rs.getString("customer_wa_id")), Direction.ofCode(rs.getString("direction")), rs.getString("message_type"),
                rs.getString("template_name"), rs.getString("template_language"),
                Instant.ofEpochMilli(rs.getLong("sent_at_ms")), rs.getString("status"), deliveredAt,
                rs.getString("entry_point"), rs.getString("meta_conversation_id"), rs.getString("meta_category"),
                rs.getString("meta_pricing_category"), rs.getString("meta_pricing_type"),
                rs.getString("customer_user_id"), rs.getString("sent_via"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
