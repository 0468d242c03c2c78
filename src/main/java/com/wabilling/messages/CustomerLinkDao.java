package com.wabilling.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer_link table (docs/billing-rules.md 3.6): the links between phone numbers and user ids that
 * imported rows carrying both made. Reconstruction reads them all ({@link #all}), so a link that arrives in
 * a later file puts the customer's earlier messages in the same scope as the later ones.
 */
public class CustomerLinkDao {

    private final JdbcClient jdbc;

    public CustomerLinkDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Records the new links the rows make, in their order: an id that is linked already keeps its link. */
    void record(List<ExportedMessage> messages, long runId) {
        Map<String, ExportedMessage> pairs = new LinkedHashMap<>(); // by user id, the first row of each
        for (ExportedMessage m : messages) {
            if (m.customerUserId() != null && m.customerWaId() != null) {
                pairs.putIfAbsent(m.customerUserId() + "|" + m.customerWaId(), m);
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        Set<String> users = pairs.values().stream().map(ExportedMessage::customerUserId).collect(Collectors.toSet());
        Set<String> phones = pairs.values().stream().map(ExportedMessage::customerWaId).collect(Collectors.toSet());
        Map<String, String> existing = new HashMap<>();
        jdbc.sql(MessageDao.SQL.get("links-of")).param("userIds", users).param("waIds", phones)
                .query(rs -> {
                    existing.put(rs.getString("customer_user_id"), rs.getString("customer_wa_id"));
                });
        CustomerLinks links = new CustomerLinks(existing);
        for (ExportedMessage m : pairs.values()) {
            if (!links.involves(m.customerWaId(), m.customerUserId())) {
                links = links.with(m.customerUserId(), m.customerWaId());
                jdbc.sql(MessageDao.SQL.get("insert-link")).param("userId", m.customerUserId())
                        .param("waId", m.customerWaId()).param("messageId", m.messageId()).param("runId", runId)
                        .update();
            }
        }
    }

    /** Every standing link. */
    public CustomerLinks all() {
        Map<String, String> links = new HashMap<>();
        jdbc.sql(MessageDao.SQL.get("all-links")).query(rs -> {
            links.put(rs.getString("customer_user_id"), rs.getString("customer_wa_id"));
        });
        return new CustomerLinks(links);
    }

    /**
     * Sets the span of the links that have none yet (the ones this import made): the earliest and latest
     * event time of the stored messages of either id, found in one pass over {@code stored}. Returns how many.
     */
    int settleSpans(Consumer<Consumer<MessageDao.StoredRow>> stored) {
        Map<String, String> userByPhone = new HashMap<>();
        Map<String, Instant[]> spans = new HashMap<>();
        jdbc.sql(MessageDao.SQL.get("links-without-span")).query(rs -> {
            userByPhone.put(rs.getString("customer_wa_id"), rs.getString("customer_user_id"));
            spans.put(rs.getString("customer_user_id"), new Instant[2]);
        });
        if (spans.isEmpty()) {
            return 0;
        }
        stored.accept(row -> {
            ExportedMessage m = row.message();
            Instant at = m.eventAt() != null ? m.eventAt() : m.timestamp();
            List<String> users = new ArrayList<>(2);
            if (m.customerUserId() != null && spans.containsKey(m.customerUserId())) {
                users.add(m.customerUserId());
            }
            if (m.customerWaId() != null && userByPhone.containsKey(m.customerWaId())) {
                users.add(userByPhone.get(m.customerWaId()));
            }
            for (String user : users) {
                Instant[] span = spans.get(user);
                span[0] = span[0] == null || at.isBefore(span[0]) ? at : span[0];
                span[1] = span[1] == null || at.isAfter(span[1]) ? at : span[1];
            }
        });
        spans.values().removeIf(span -> span[0] == null); // no stored message: nothing built on it yet
        spans.forEach((user, span) -> jdbc.sql(MessageDao.SQL.get("set-link-span")).param("userId", user)
                .param("first", span[0].toEpochMilli()).param("last", span[1].toEpochMilli()).update());
        return spans.size();
    }

    /** A link whose ids have messages in a window. */
    public record Link(String customerUserId, String customerWaId) {
    }

    /** The links whose ids have messages with event times in [from, to), ordered by user id. */
    public List<Link> spanning(Instant from, Instant to) {
        return jdbc.sql(MessageDao.SQL.get("links-spanning")).param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli())
                .query((rs, n) -> new Link(rs.getString("customer_user_id"), rs.getString("customer_wa_id"))).list();
    }
}
