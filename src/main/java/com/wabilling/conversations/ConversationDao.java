package com.wabilling.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.support.jdbc.SqlStatements;
import com.wabilling.pricing.ConversationCategory;

/** Data access for conversations, anomalies and reconciliation findings of a period. */
public class ConversationDao {

    static final SqlStatements SQL = SqlStatements.load("db/conversations.sql");

    private final JdbcTemplate jdbc;

    public ConversationDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-running a period replaces it (domain.md 3.4). */
    public void clear(Period period) {
        String mode = period.mode().parameter();
        long from = period.from().toEpochMilli();
        long to = period.to().toEpochMilli();
        jdbc.update(SQL.get("delete-conversations"), mode, from, to);
        jdbc.update(SQL.get("delete-anomalies"), mode, from, to);
        jdbc.update(SQL.get("delete-findings"), mode, from, to);
    }

    public void insert(Period period, List<? extends ScopeOutcome> outcomes, long runId) {
        String mode = period.mode().parameter();
        long from = period.from().toEpochMilli();
        long to = period.to().toEpochMilli();
        List<Object[]> conversations = new ArrayList<>();
        List<Object[]> anomalies = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        for (ScopeOutcome o : outcomes) {
            for (Conversation c : o.conversations()) {
                conversations.add(new Object[] {c.id(), mode, c.scope().wabaId(), c.scope().phoneNumberId(),
                    c.scope().customerWaId(), o.bucket(), o.market(), c.category().name(),
                    c.openedAt().toEpochMilli(), c.expiresAt().toEpochMilli(), c.openingMessageId(), c.messages(),
                    runId});
            }
            for (Anomaly a : o.anomalies()) {
                anomalies.add(new Object[] {mode, from, to, a.messageId(), a.kind(), a.detail()});
            }
            for (Reconciliation.Finding f : o.findings()) {
                findings.add(new Object[] {mode, from, to, f.kind(), f.conversationId(), f.metaConversationId(),
                    f.detail()});
            }
        }
        batch("insert-conversation", conversations);
        batch("insert-anomaly", anomalies);
        batch("insert-finding", findings);
    }

    private void batch(String statement, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(SQL.get(statement), rows);
        }
    }

    /** A stored conversation with the market it was counted in. */
    public record Row(Conversation conversation, String market) {
    }

    public void forEachConversation(Period period, Consumer<Row> action) {
        jdbc.query(SQL.get("select-conversations"), rs -> {
            Scope scope = new Scope(rs.getString(2), rs.getString(3), rs.getString(4));
            action.accept(new Row(new Conversation(rs.getString(1), scope,
                    ConversationCategory.valueOf(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)),
                    Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9), rs.getInt(10)), rs.getString(5)));
        }, period.mode().parameter(), period.from().toEpochMilli(), period.to().toEpochMilli());
    }

    /** Conversations and covered messages per category. */
    public record CategoryCount(String category, long conversations, long messages) {
    }

    public List<CategoryCount> categoryCounts(Period period) {
        return jdbc.query(SQL.get("category-counts"), (rs, n) -> new CategoryCount(rs.getString(1), rs.getLong(2),
                rs.getLong(3)), period.mode().parameter(), period.from().toEpochMilli(), period.to().toEpochMilli());
    }

    public void forEachAnomaly(Period period, Consumer<Anomaly> action) {
        jdbc.query(SQL.get("select-anomalies"), rs -> {
            action.accept(new Anomaly(rs.getString(1), rs.getString(2), rs.getString(3)));
        }, period.mode().parameter(), period.from().toEpochMilli(), period.to().toEpochMilli());
    }

    public List<Reconciliation.Finding> findings(Period period) {
        return jdbc.query(SQL.get("select-findings"), (rs, n) -> new Reconciliation.Finding(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4)),
                period.mode().parameter(), period.from().toEpochMilli(), period.to().toEpochMilli());
    }

    /** Messages by direction ('I', 'O') with an event time in the period; 'U' = outbound never delivered. */
    public Map<String, Long> messageStats(Period period) {
        Map<String, Long> stats = new TreeMap<>();
        long from = period.from().toEpochMilli();
        long to = period.to().toEpochMilli();
        jdbc.query(SQL.get("message-stats"), rs -> {
            stats.put(rs.getString(1), rs.getLong(2));
        }, from, to);
        stats.put("U", jdbc.queryForObject(SQL.get("undelivered-count"), Long.class, from, to));
        stats.put("meta", jdbc.queryForObject(SQL.get("meta-count"), Long.class, from, to));
        return stats;
    }
}
