package com.wabilling.messages;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-day message counts (message_count) as reconstruction reads them: its statistics, the messages of a
 * period's window (fingerprints, progress) and the first day with a message. The table's owner is this
 * package (docs/architecture.md, "Who owns which table"): its statements are in messages.sql, so other packages ask
 * here. Counts are per UTC day, so every bound is the start of one.
 */
public class MessageCounts {

    private final JdbcClient jdbc;

    public MessageCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages by direction ('I', 'O') with an event day in [from, to); 'U' = outbound never delivered by sent day. */
    public Map<String, Long> byDirection(Instant from, Instant to) {
        Map<String, Long> stats = new TreeMap<>();
        Map<String, Object> window = Map.of("from", from.toEpochMilli(), "to", to.toEpochMilli());
        jdbc.sql(MessageDao.SQL.get("message-stats")).params(window).query(rs -> {
            stats.put(rs.getString("direction"), rs.getLong("messages"));
        });
        stats.put("U", jdbc.sql(MessageDao.SQL.get("undelivered-count")).params(window).query(Long.class).single());
        stats.put("meta", jdbc.sql(MessageDao.SQL.get("meta-count")).params(window).query(Long.class).single());
        return stats;
    }

    /** Messages received or delivered on the days in [from, to). */
    public long eventsBetween(Instant from, Instant to) {
        return jdbc.sql(MessageDao.SQL.get("window-messages")).param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli()).query(Long.class).optional().orElse(0L);
    }

    /** The start of the first day from {@code fromMillis} on with a message received or delivered. */
    public Optional<Instant> firstEventDayFrom(long fromMillis) {
        return jdbc.sql(MessageDao.SQL.get("first-message-from")).param("from", fromMillis).query(Long.class)
                .optional().map(Instant::ofEpochMilli);
    }
}
