package com.wabilling.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.messages.MessageCounts;
import com.wabilling.periods.Period;
import com.wabilling.permessage.MetaOnlyRecord;
import com.wabilling.permessage.PricingReconciliation;
import com.wabilling.permessage.PricingReport;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Data access for conversations, anomalies and reconciliation findings of a period. The per-message report reads
 * the latter two through it ({@link PricingReport.Findings}).
 */
public class ConversationDao implements PricingReport.Findings {

    static final SqlStatements SQL = SqlStatements.load("db/conversations.sql");

    private static final RowMapper<Row> ROW = (rs, n) -> {
        String userId = rs.getString("customer_user_id");
        String phone = rs.getString("customer_wa_id");
        return new Row(new Conversation(rs.getString("conversation_id"),
                new Scope(rs.getString("waba_id"), rs.getString("phone_number_id"), userId != null ? userId : phone),
                ConversationCategory.valueOf(rs.getString("category")), Instant.ofEpochMilli(rs.getLong("opened_at_ms")),
                Instant.ofEpochMilli(rs.getLong("expires_at_ms")), rs.getString("opening_message_id"),
                rs.getInt("messages")), rs.getString("market"), phone, userId);
    };

    private final JdbcClient jdbc;
    /** JdbcClient has no batch API: the batch inserts go through the template it is built on. */
    private final NamedParameterJdbcOperations batch;
    /** The message counts the report shows are their owner's (package messages). */
    private final MessageCounts counts;

    public ConversationDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.counts = new MessageCounts(this.jdbc);
    }

    /** The scope mode and bounds of a period, as the statements name them. */
    static Map<String, Object> params(Period period) {
        return Map.of("mode", period.mode().parameter(), "from", period.from().toEpochMilli(),
                "to", period.to().toEpochMilli());
    }

    /**
     * Re-running a period replaces it (docs/billing-rules.md 3.4): its conversations, anomalies and findings here;
     * its pricing records are their owner's to clear ({@code PricedMessageDao.clear}, a day at a time).
     */
    public void clear(Period period) {
        Map<String, Object> params = params(period);
        jdbc.sql(SQL.get("delete-conversations")).params(params).update();
        jdbc.sql(SQL.get("delete-anomalies")).params(params).update();
        jdbc.sql(SQL.get("delete-findings")).params(params).update();
    }

    public void insert(Period period, List<? extends ScopeOutcome> outcomes, long runId) {
        Map<String, Object> params = params(period);
        List<StoredConversation> conversations = new ArrayList<>();
        List<SqlParameterSource> anomalies = new ArrayList<>();
        List<SqlParameterSource> findings = new ArrayList<>();
        for (ScopeOutcome o : outcomes) {
            for (Conversation c : o.conversations()) {
                conversations.add(new StoredConversation(c, o.bucket(), o.market(), o.customerWaId(),
                        o.customerUserId()));
            }
            for (Anomaly a : o.anomalies()) {
                anomalies.add(new MapSqlParameterSource(params)
                        .addValue("messageId", a.messageId())
                        .addValue("kind", a.kind())
                        .addValue("detail", a.detail()));
            }
            for (Reconciliation.Finding f : o.findings()) {
                findings.add(new MapSqlParameterSource(params)
                        .addValue("kind", f.kind())
                        .addValue("conversationId", f.conversationId())
                        .addValue("metaConversationId", f.metaConversationId())
                        .addValue("detail", f.detail()));
            }
            for (MetaOnlyRecord m : o.metaOnly()) {
                findings.add(new MapSqlParameterSource(params)
                        .addValue("kind", PricingReconciliation.META_ONLY)
                        .addValue("conversationId", m.messageId())
                        .addValue("metaConversationId", PricingReconciliation.metaPair(m.metaPricingCategory(),
                                m.metaPricingType()))
                        .addValue("detail", "covered by conversation " + m.conversationId()
                                + ", opened before the switch to per-message pricing"));
            }
        }
        insertConversations(period, conversations, runId);
        batch("insert-anomaly", anomalies);
        batch("insert-finding", findings);
    }

    private record StoredConversation(Conversation conversation, int bucket, String market, String customerWaId,
            String customerUserId) {
    }

    /**
     * In the order of the index by account (waba, then opening time): neighbouring inserts walk the
     * same index pages, which the embedded database's cache then still holds. Positional
     * setters: every conversation goes through here.
     */
    private void insertConversations(Period period, List<StoredConversation> rows, long runId) {
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparing((StoredConversation r) -> r.conversation().scope().wabaId())
                .thenComparing(r -> r.conversation().openedAt()));
        String mode = period.mode().parameter();
        batch.getJdbcOperations().batchUpdate(SQL.get("insert-conversation-positional"), rows, rows.size(), (ps, r) -> {
            Conversation c = r.conversation();
            ps.setString(1, c.id());
            ps.setString(2, mode);
            ps.setString(3, c.scope().wabaId());
            ps.setString(4, c.scope().phoneNumberId());
            ps.setString(5, r.customerWaId());
            ps.setShort(6, (short) r.bucket());
            ps.setString(7, r.market());
            ps.setString(8, c.category().name());
            ps.setLong(9, c.openedAt().toEpochMilli());
            ps.setLong(10, c.expiresAt().toEpochMilli());
            ps.setString(11, c.openingMessageId());
            ps.setInt(12, c.messages());
            ps.setLong(13, runId);
            ps.setString(14, r.customerUserId());
        });
    }

    private void batch(String statement, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(SQL.get(statement), rows.toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * A stored conversation with the market it was counted in and its customer's ids (docs/billing-rules.md
     * 3.5): the phone number ('' when unknown) and the user id (null when unknown).
     */
    public record Row(Conversation conversation, String market, String customerWaId, String customerUserId) {
    }

    /** Whether a conversation of the period names its customer by user id (its file gains the column then). */
    public boolean anyUserId(Period period) {
        return jdbc.sql(SQL.get("any-user-id")).params(params(period)).query(Long.class).single() > 0;
    }

    public void forEachConversation(Period period, Consumer<Row> action) {
        jdbc.sql(SQL.get("select-conversations")).params(params(period)).query(rs -> {
            action.accept(ROW.mapRow(rs, 0));
        });
    }

    /** Conversations and covered messages per category. */
    public record CategoryCount(String category, long conversations, long messages) {
    }

    public List<CategoryCount> categoryCounts(Period period) {
        return jdbc.sql(SQL.get("category-counts")).params(params(period)).query(CategoryCount.class).list();
    }

    public void forEachAnomaly(Period period, Consumer<Anomaly> action) {
        RowMapper<Anomaly> anomaly = new DataClassRowMapper<>(Anomaly.class);
        jdbc.sql(SQL.get("select-anomalies")).params(params(period)).query(rs -> {
            action.accept(anomaly.mapRow(rs, 0));
        });
    }

    public List<Reconciliation.Finding> findings(Period period) {
        return jdbc.sql(SQL.get("select-findings")).params(params(period)).query(Reconciliation.Finding.class).list();
    }

    @Override
    public void forEachMessageAnomaly(Period period, Consumer<PricingReport.MessageAnomaly> action) {
        forEachAnomaly(period, a -> action.accept(new PricingReport.MessageAnomaly(a.messageId(), a.kind(), a.detail())));
    }

    /** docs/per-message-pricing.md 5: Meta priced these messages, here a conversation covered them. */
    @Override
    public List<PricingReport.MetaOnlyFinding> metaOnlyFindings(Period period) {
        return jdbc.sql(SQL.get("select-meta-only")).params(params(period))
                .query((rs, n) -> new PricingReport.MetaOnlyFinding(rs.getString("conversation_id"),
                        rs.getString("meta_conversation_id"), rs.getString("detail")))
                .list();
    }

    /** The ids of the conversations still open at the period's start, in id order (part of its fingerprint). */
    static void forEachCarriedId(JdbcClient jdbc, Period period, Consumer<String> action) {
        jdbc.sql(SQL.get("carried-ids")).param("mode", period.mode().parameter())
                .param("carriedFrom", period.carriedFrom().toEpochMilli()).param("from", period.from().toEpochMilli())
                .query(rs -> {
                    action.accept(rs.getString("conversation_id"));
                });
    }

    /** A conversation as invoicing prices it (phone-number scope). */
    public record Opened(String conversationId, ConversationCategory category, String market, Instant openedAt) {
    }

    /** One WABA's conversations opened in [from, to), in free-tier order (docs/billing-rules.md 4.3). */
    public void forEachOpened(String wabaId, Instant from, Instant to, Consumer<Opened> action) {
        jdbc.sql(SQL.get("month-conversations")).params(waba(wabaId, from, to)).query(rs -> {
            action.accept(new Opened(rs.getString("conversation_id"), ConversationCategory.valueOf(rs.getString("category")),
                    rs.getString("market"), Instant.ofEpochMilli(rs.getLong("opened_at_ms"))));
        });
    }

    /** A (market, category) opened at some quarter hour: what the rate card must price. */
    public record PricePoint(String market, ConversationCategory category, Instant at) {
    }

    /** The price points of one WABA's conversations opened in [from, to); free entry points need none. */
    public List<PricePoint> pricePoints(String wabaId, Instant from, Instant to) {
        return jdbc.sql(SQL.get("month-price-points")).params(waba(wabaId, from, to))
                .query((rs, n) -> new PricePoint(rs.getString("market"), ConversationCategory.valueOf(rs.getString("category")),
                        Instant.ofEpochMilli(rs.getLong("quarter_hour") * 900_000L)))
                .list();
    }

    /** Conversations (phone-number scope) opened in a range by one WABA, and the messages they covered. */
    public record WabaCount(String wabaId, long conversations, long messages) {
    }

    public List<WabaCount> countsByWaba(Instant from, Instant to) {
        return jdbc.sql(SQL.get("conversations-by-waba")).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .query(WabaCount.class).list();
    }

    private static Map<String, Object> waba(String wabaId, Instant from, Instant to) {
        return Map.of("wabaId", wabaId, "from", from.toEpochMilli(), "to", to.toEpochMilli());
    }

    @Override
    public long undeliveredMessages(Period period) {
        return messageStats(period).getOrDefault("U", 0L);
    }

    /** Messages by direction ('I', 'O') with an event time in the period; 'U' = outbound never delivered. */
    public Map<String, Long> messageStats(Period period) {
        return counts.byDirection(period.from(), period.to());
    }
}
