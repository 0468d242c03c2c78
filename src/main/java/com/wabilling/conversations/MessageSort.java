package com.wabilling.conversations;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.util.FileSystemUtils;

import com.wabilling.messages.Buckets;
import com.wabilling.support.jdbc.DatabaseSchema;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Sorts a period's read window by scope in bounded memory (issue 11): one scan of the message
 * table in no order (it has no index), each row dealt to its partition by customer bucket, every
 * {@link #RUN_ROWS} rows sorted on a second thread while the scan goes on and spilled to one run
 * file per partition; each partition's {@link ScopeHistoryReader} merges its runs. The result
 * depends only on the messages, so a restart sorts again and gets the same runs.
 */
public class MessageSort {

    /** Rows held in memory per run (two runs at most: one filling, one being sorted and written). */
    static final int RUN_ROWS = 200_000;
    private static final SqlStatements SQL = SqlStatements.load("db/conversations.sql");
    private static final String COMPLETE = "complete";
    private static final int FETCH_SIZE = 5000;

    private final DataSource dataSource;
    private final Path root;
    private final int runRows;

    /** {@code root}: the folder for the run files of every sort (under the data directory). */
    public MessageSort(DataSource dataSource, Path root) {
        this(dataSource, root, RUN_ROWS);
    }

    MessageSort(DataSource dataSource, Path root, int runRows) {
        this.dataSource = dataSource;
        this.root = root;
        this.runRows = runRows;
    }

    /** The run files of sort {@code name} (they exist once {@link #sort} returned). */
    public Path directory(String name) {
        return root.resolve(name);
    }

    /** The partition of a customer bucket: contiguous bucket ranges, as the carried conversations are read. */
    static int partitionOf(int bucket, int grid) {
        return bucket * grid / Buckets.COUNT;
    }

    /** Sorts the read window of {@code period} into run files under {@link #directory}; returns the rows. */
    public long sort(Period period, int grid, String name) {
        if (Buckets.COUNT % grid != 0) {
            throw new IllegalArgumentException("the grid must divide " + Buckets.COUNT + " buckets: " + grid);
        }
        Path dir = directory(name);
        ExecutorService sorter = Executors.newSingleThreadExecutor(r -> new Thread(r, "message-sort"));
        try {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            long rows = scan(period, grid, dir, sorter);
            Files.writeString(dir.resolve(COMPLETE), Long.toString(rows));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the messages of " + period.fileStem() + " in " + dir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the messages of " + period.fileStem(), e);
        } finally {
            sorter.shutdownNow();
        }
    }

    private long scan(Period period, int grid, Path dir, ExecutorService sorter) throws SQLException, IOException {
        String statement = period.mode() == ScopeMode.WABA ? "window-messages-waba" : "window-messages-phone-number";
        long rows = 0;
        int run = 0;
        Future<?> previous = null;
        List<List<ScopedMessage>> partitions = emptyRun(grid);
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a cursor only inside a transaction
            boolean postgres = "postgresql".equals(DatabaseSchema.platform(connection));
            connection.setAutoCommit(!postgres);
            try (PreparedStatement query = connection.prepareStatement(SQL.get(statement))) {
                query.setFetchSize(FETCH_SIZE);
                query.setLong(1, period.readFrom().toEpochMilli());
                query.setLong(2, period.readTo().toEpochMilli());
                try (ResultSet rs = query.executeQuery()) {
                    int inRun = 0;
                    while (rs.next()) {
                        ScopedMessage m = map(rs);
                        partitions.get(partitionOf(m.bucket(), grid)).add(m);
                        rows++;
                        if (++inRun == runRows) {
                            previous = spill(sorter, previous, partitions, dir, run++);
                            partitions = emptyRun(grid);
                            inRun = 0;
                        }
                    }
                }
            } finally {
                if (postgres) {
                    connection.rollback();
                }
            }
        }
        previous = spill(sorter, previous, partitions, dir, run);
        await(previous);
        return rows;
    }

    private static List<List<ScopedMessage>> emptyRun(int grid) {
        List<List<ScopedMessage>> partitions = new ArrayList<>(grid);
        for (int p = 0; p < grid; p++) {
            partitions.add(new ArrayList<>());
        }
        return partitions;
    }

    /** Sorts and writes one run on the sorter thread, after the run before it is written. */
    private static Future<?> spill(ExecutorService sorter, Future<?> previous, List<List<ScopedMessage>> partitions,
            Path dir, int run) throws IOException {
        await(previous);
        return sorter.submit(() -> {
            for (int p = 0; p < partitions.size(); p++) {
                List<ScopedMessage> rows = partitions.get(p);
                if (rows.isEmpty()) {
                    continue;
                }
                rows.sort(ScopedMessage.ORDER);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(runFile(dir, p, run)), 1 << 16))) {
                    out.writeInt(rows.size());
                    for (ScopedMessage m : rows) {
                        m.write(out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return null;
        });
    }

    private static void await(Future<?> written) throws IOException {
        if (written == null) {
            return;
        }
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a sorted run", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("cannot write a sorted run", e.getCause());
        }
    }

    static Path runFile(Path dir, int partition, int run) {
        return dir.resolve(String.format("p%03d-r%05d.bin", partition, run));
    }

    /** The run files of one partition of a completed sort, in run order. */
    static List<Path> runsOf(Path dir, int partition) throws IOException {
        if (!Files.exists(dir.resolve(COMPLETE))) {
            throw new IOException("the messages were not sorted completely into " + dir);
        }
        try (var files = Files.list(dir)) {
            String prefix = String.format("p%03d-", partition);
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static ScopedMessage map(ResultSet rs) throws SQLException {
        String phone = rs.getString(2);
        Scope scope = new Scope(rs.getString(1), phone == null ? "" : phone.strip(), rs.getString(3));
        StoredMessage message = new StoredMessage(rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                "I".equals(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
        return new ScopedMessage(scope, rs.getInt(13), message);
    }

    /** Removes the run files of a sort (when its job has completed). */
    public void delete(String name) {
        try {
            FileSystemUtils.deleteRecursively(directory(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
