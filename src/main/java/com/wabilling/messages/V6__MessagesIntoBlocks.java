package com.wabilling.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.wabilling.support.jdbc.DatabaseSchema;

/**
 * Schema version 6: messages are stored in blocks (table message_block, one row per
 * {@link MessageBlock}) instead of a row each. Creates the table (its binary column is named
 * differently on each database) and moves the rows of the old message table into blocks of
 * {@value #BLOCK} per run, then drops it. The class name gives Flyway the version.
 */
public class V6__MessagesIntoBlocks extends BaseJavaMigration {

    private static final int BLOCK = 2000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String binary = "postgresql".equals(DatabaseSchema.platform(connection)) ? "BYTEA" : "VARBINARY(16777216)";
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE message_block ("
                    + " run_id BIGINT NOT NULL, block_no BIGINT NOT NULL, messages INTEGER NOT NULL,"
                    + " min_event_ms BIGINT, max_event_ms BIGINT, data " + binary + " NOT NULL,"
                    + " PRIMARY KEY (run_id, block_no))");
        }
        try (Statement read = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(MessageDao.SQL.get("insert-block-positional"))) {
            read.setFetchSize(BLOCK);
            // no ORDER BY: a block per run being filled, written when full (memory: runs x one block)
            try (ResultSet rs = read.executeQuery("SELECT message_id, waba_id, phone_number_id, customer_wa_id,"
                    + " direction, message_type, template_name, template_language, sent_at_ms, status, delivered_at_ms,"
                    + " entry_point, meta_conversation_id, meta_category, run_id FROM message")) {
                Map<Long, List<ExportedMessage>> filling = new HashMap<>();
                Map<Long, Long> written = new HashMap<>();
                while (rs.next()) {
                    long run = rs.getLong("run_id");
                    List<ExportedMessage> block = filling.computeIfAbsent(run, r -> new ArrayList<>());
                    block.add(message(rs));
                    if (block.size() == BLOCK) {
                        store(insert, run, written.merge(run, 1L, Long::sum), block);
                    }
                }
                for (Map.Entry<Long, List<ExportedMessage>> last : filling.entrySet()) {
                    store(insert, last.getKey(), written.merge(last.getKey(), 1L, Long::sum), last.getValue());
                }
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE message");
        }
    }

    private static void store(PreparedStatement insert, long run, long blockNo, List<ExportedMessage> block)
            throws SQLException {
        if (block.isEmpty()) {
            return;
        }
        MessageBlockStore.bindBlock(insert, run, blockNo, block);
        insert.executeUpdate();
        block.clear();
    }

    private static ExportedMessage message(ResultSet rs) throws SQLException {
        long delivered = rs.getLong("delivered_at_ms");
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new ExportedMessage(rs.getString("message_id"), rs.getString("waba_id"), rs.getString("phone_number_id"),
                rs.getString("customer_wa_id"), Direction.ofCode(rs.getString("direction").strip()),
                rs.getString("message_type"), rs.getString("template_name"), rs.getString("template_language"),
                Instant.ofEpochMilli(rs.getLong("sent_at_ms")), rs.getString("status"), deliveredAt,
                rs.getString("entry_point"), rs.getString("meta_conversation_id"), rs.getString("meta_category"));
    }
}
