package com.wabilling.support.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Proof that no other wa-billing process runs a job on this database, held for a whole run.
 * <ul>
 * <li>Embedded HSQLDB: the database file admits one process at a time, so this process having
 * opened it is the proof; nothing more to hold.</li>
 * <li>PostgreSQL: a session advisory lock on a connection kept open for the run. The server drops
 * it when that session ends, however the process ended (kill -9, power loss), so a lock is never
 * left behind, and it does not depend on host names or pids, which containers reuse.</li>
 * </ul>
 * One lock for every job: jobs touching the same data (a reconstruct and the invoice of its month)
 * never run at once. The same kind of lock, keyed by run and partition, proves that a worker holds a
 * partition ({@link #tryAcquirePartition}).
 */
public final class RunLock implements AutoCloseable {

    /** "waBi": the advisory lock key of wa-billing runs. */
    static final long KEY = 0x7761_4269L;

    private final Connection connection;
    private final String unlock;
    private final Object[] key;

    private RunLock(Connection connection, String unlock, Object... key) {
        this.connection = connection;
        this.unlock = unlock;
        this.key = key;
    }

    /** The lock, or empty when another process holds it now. */
    public static Optional<RunLock> tryAcquire(DataSource dataSource) {
        return tryAcquire(dataSource, "SELECT pg_try_advisory_lock(?)", "SELECT pg_advisory_unlock(?)", KEY);
    }

    /**
     * The lock of one partition of a run (PostgreSQL only; two-key locks never meet the run lock's key),
     * or empty when a live session holds it: the worker running that partition.
     */
    public static Optional<RunLock> tryAcquirePartition(DataSource dataSource, long run, String partition) {
        return tryAcquire(dataSource, "SELECT pg_try_advisory_lock(?, ?)", "SELECT pg_advisory_unlock(?, ?)",
                (int) run, partition.hashCode());
    }

    private static Optional<RunLock> tryAcquire(DataSource dataSource, String lock, String unlock, Object... key) {
        try {
            Connection connection = dataSource.getConnection();
            String platform = DatabaseSchema.platform(connection);
            if (!platform.equals("postgresql")) {
                connection.close();
                return Optional.of(new RunLock(null, unlock, key));
            }
            connection.setAutoCommit(true);
            try (PreparedStatement s = connection.prepareStatement(lock)) {
                bind(s, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return Optional.of(new RunLock(connection, unlock, key));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... key) throws SQLException {
        for (int i = 0; i < key.length; i++) {
            statement.setObject(i + 1, key[i]);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection c = connection; PreparedStatement s = c.prepareStatement(unlock)) {
            bind(s, key);
            s.execute();
        } catch (SQLException e) {
            // closing the session releases the lock anyway
        }
    }
}
