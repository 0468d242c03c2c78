package com.wabilling.conversations;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.wabilling.support.jdbc.DatabaseSchema;
import com.zaxxer.hikari.HikariDataSource;

/**
 * How many reconstruct partitions run at once. The embedded HSQLDB runs them one at a time: with two
 * writer sessions and open cursors on large cached tables its MVCC transaction manager was seen to
 * leave both writers waiting on each other (benchmark, 3.7M messages). On PostgreSQL: the configured
 * number, else one per core, but never more than the pool can serve: each partition holds two
 * connections (its cursor and its chunk transaction); one holds the run lock and two stay free for
 * the job repository.
 */
final class PartitionsAtOnce {

    private static final int CONNECTIONS_PER_PARTITION = 2;
    private static final int RESERVED_CONNECTIONS = 3;

    private PartitionsAtOnce() {
    }

    static int of(String platform, int configured, int cores, int poolSize) {
        if (platform.equals("hsqldb")) {
            return 1;
        }
        int wanted = configured > 0 ? configured : cores;
        return Math.max(1, Math.min(wanted, (poolSize - RESERVED_CONNECTIONS) / CONNECTIONS_PER_PARTITION));
    }

    static int of(DataSource dataSource, int configured) throws SQLException {
        int poolSize = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : Integer.MAX_VALUE;
        try (var connection = dataSource.getConnection()) {
            return of(DatabaseSchema.platform(connection), configured, Runtime.getRuntime().availableProcessors(),
                    poolSize);
        }
    }
}
