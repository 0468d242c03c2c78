package com.wabilling.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What tests read of the stored messages: they are kept in blocks (message_block), not a row each. */
public final class StoredMessages {

    private StoredMessages() {
    }

    public static List<MessageDao.StoredRow> all(DataSource dataSource) {
        List<MessageDao.StoredRow> rows = new ArrayList<>();
        new MessageDao(new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource))).forEachStored(rows::add);
        return rows;
    }

    public static List<MessageDao.StoredRow> all(JdbcTemplate jdbc) {
        return all(jdbc.getDataSource());
    }

    public static long count(JdbcTemplate jdbc, Predicate<MessageDao.StoredRow> which) {
        return all(jdbc).stream().filter(which).count();
    }

    public static MessageDao.StoredRow one(JdbcTemplate jdbc, String messageId) {
        return all(jdbc).stream().filter(r -> r.message().messageId().equals(messageId)).findFirst().orElseThrow();
    }
}
