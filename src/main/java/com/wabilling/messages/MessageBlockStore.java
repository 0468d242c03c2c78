package com.wabilling.messages;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.jdbc.StreamedQuery;

/**
 * The message_block table: appends a block, streams blocks back (all, or those holding
 * an event time in a window), rewrites one block with later statuses. {@link MessageDao} keeps the
 * counts and the bookkeeping around it.
 */
final class MessageBlockStore {

    /** A block holds up to a chunk of messages (~250 KB): a few per round trip. */
    private static final int BLOCKS_PER_FETCH = 4;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations template;

    MessageBlockStore(NamedParameterJdbcOperations template) {
        this.jdbc = JdbcClient.create(template);
        this.template = template;
    }

    void insert(List<ExportedMessage> messages, long runId) {
        long blockNo = jdbc.sql(MessageDao.SQL.get("next-block")).param("runId", runId).query(Long.class).single();
        template.getJdbcOperations().update(connection -> {
            PreparedStatement insert = connection.prepareStatement(MessageDao.SQL.get("insert-block-positional"));
            bindBlock(insert, runId, blockNo, messages);
            return insert;
        });
    }

    static void bindBlock(PreparedStatement insert, long runId, long blockNo, List<ExportedMessage> messages)
            throws SQLException {
        Events events = events(messages);
        insert.setLong(1, runId);
        insert.setLong(2, blockNo);
        insert.setInt(3, messages.size());
        setInstant(insert, 4, events.min());
        setInstant(insert, 5, events.max());
        insert.setBytes(6, MessageBlock.encode(messages));
    }

    void forEach(Consumer<MessageDao.StoredRow> action) {
        forEachWhere(id -> true, action);
    }

    /** The stored messages whose message_id {@code wanted} accepts; the others are passed over undecoded. */
    void forEachWhere(Predicate<String> wanted, Consumer<MessageDao.StoredRow> action) {
        scanBlocks(MessageDao.SQL.get("select-blocks"), statement -> {
        }, (runId, blockNo, data) -> MessageBlock.decodeWhere(data, wanted,
                m -> action.accept(new MessageDao.StoredRow(m, runId, blockNo))));
    }

    /** Every stored message_id, nothing else decoded. */
    void forEachId(Consumer<String> action) {
        scanBlocks(MessageDao.SQL.get("select-blocks"), statement -> {
        }, (runId, blockNo, data) -> MessageBlock.forEachId(data, action));
    }

    void forEachEventBetween(Instant from, Instant to, Consumer<MessageDao.StoredRow> action) {
        scan(MessageDao.SQL.get("select-blocks-with-events"), statement -> {
            statement.setLong(1, from.toEpochMilli());
            statement.setLong(2, to.toEpochMilli());
        }, row -> {
            Instant at = row.message().eventAt();
            if (at != null && !at.isBefore(from) && at.isBefore(to)) {
                action.accept(row);
            }
        });
    }

    /** Rewrites one block with the later versions of some of its messages. */
    void rewrite(long runId, long blockNo, Map<String, ExportedMessage> later) {
        byte[] data = jdbc.sql(MessageDao.SQL.get("select-block")).param("runId", runId).param("blockNo", blockNo)
                .query(byte[].class).single();
        List<ExportedMessage> messages = new ArrayList<>(MessageBlock.decode(data));
        messages.replaceAll(m -> later.getOrDefault(m.messageId(), m));
        Events events = events(messages);
        jdbc.sql(MessageDao.SQL.get("update-block")).param("runId", runId).param("blockNo", blockNo)
                .param("messages", messages.size()).param("minEvent", millis(events.min()), Types.BIGINT)
                .param("maxEvent", millis(events.max()), Types.BIGINT).param("data", MessageBlock.encode(messages))
                .update();
    }

    private void scan(String sql, StreamedQuery.Binder binder, Consumer<MessageDao.StoredRow> action) {
        scanBlocks(sql, binder, (runId, blockNo, data) -> {
            for (ExportedMessage m : MessageBlock.decode(data)) {
                action.accept(new MessageDao.StoredRow(m, runId, blockNo));
            }
        });
    }

    @FunctionalInterface
    private interface BlockHandler {
        void block(long runId, long blockNo, byte[] data);
    }

    private void scanBlocks(String sql, StreamedQuery.Binder binder, BlockHandler handler) {
        DataSource dataSource = ((JdbcTemplate) template.getJdbcOperations()).getDataSource();
        StreamedQuery.run(dataSource, sql, BLOCKS_PER_FETCH, binder,
                rs -> handler.block(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
    }

    /** The earliest and latest event time of a block's messages (null when none has one). */
    private record Events(Instant min, Instant max) {
    }

    private static Events events(List<ExportedMessage> messages) {
        Instant min = null;
        Instant max = null;
        for (ExportedMessage m : messages) {
            Instant at = m.eventAt();
            if (at != null) {
                min = min == null || at.isBefore(min) ? at : min;
                max = max == null || at.isAfter(max) ? at : max;
            }
        }
        return new Events(min, max);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
