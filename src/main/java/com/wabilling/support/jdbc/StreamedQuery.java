package com.wabilling.support.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs a query whose rows are read a few at a time on both databases: PostgreSQL keeps a cursor
 * only inside a transaction and otherwise sends every row at once, so outside one this opens a
 * read-only transaction of its own for the query. Inside a transaction of the caller (a tasklet,
 * a chunk) it uses that transaction's connection.
 */
public final class StreamedQuery {

    /** Binds the parameters of the statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Takes one row. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private StreamedQuery() {
    }

    public static void run(DataSource dataSource, String sql, int fetchSize, Binder binder, RowHandler handler) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(fetchSize);
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            } finally {
                if (ownTransaction) {
                    connection.rollback(); // it only read
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
