package com.wabilling.conversations;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.util.FileSystemUtils;

import com.wabilling.messages.Buckets;
import com.wabilling.messages.CustomerLinks;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;

/**
 * Sorts a period's read window by scope in bounded memory: one pass over the stored
 * message blocks in no order, each message dealt to its partition by the bucket of its customer key
 * (the links between phone numbers and user ids resolved at this point, docs/billing-rules.md 3.6), every
 * {@link #RUN_ROWS} rows sorted on a second thread while the scan goes on and spilled to one run
 * file per partition; each partition's {@link ScopeHistoryReader} merges its runs. The result
 * depends only on the messages, so a restart sorts again and gets the same runs.
 */
public class MessageSort {

    /** Rows held in memory per run (two runs at most: one filling, one being sorted and written). */
    static final int RUN_ROWS = 200_000;
    private static final String COMPLETE = "complete";

    private final MessageDao messages;
    private final Path root;
    private final int runRows;

    /** {@code root}: the folder for the run files of every sort (under the data directory). */
    public MessageSort(MessageDao messages, Path root) {
        this(messages, root, RUN_ROWS);
    }

    MessageSort(MessageDao messages, Path root, int runRows) {
        this.messages = messages;
        this.root = root;
        this.runRows = runRows;
    }

    /** The run files of sort {@code name} (they exist once {@link #sort} returned). */
    public Path directory(String name) {
        return root.resolve(name);
    }

    /** The partition of a customer bucket: the contiguous bucket ranges of {@link BucketPartitioner}. */
    static int partitionOf(int bucket, int grid) {
        return bucket * grid / Buckets.COUNT;
    }

    /** Sorts the read window of {@code period} into run files under {@link #directory}; returns the rows. */
    public long sort(Period period, int grid, String name) {
        return sort(period, grid, name, com.wabilling.support.batch.LongPhase.silent());
    }

    /** Sorts as {@link #sort(Period, int, String)}, reporting progress and answering a stop through {@code phase}. */
    public long sort(Period period, int grid, String name, com.wabilling.support.batch.LongPhase phase) {
        return sort(period, grid, name, phase, ALL);
    }

    /** Every partition, for {@link #sort(Period, int, String, com.wabilling.support.batch.LongPhase, int)}. */
    static final int ALL = -1;

    /**
     * Sorts only partition {@code only} (or {@link #ALL}): a worker that runs one partition on its own host
     * reads the whole window but keeps its buckets alone (docs/operations.md, "Workers").
     */
    long sort(Period period, int grid, String name, com.wabilling.support.batch.LongPhase phase, int only) {
        BucketPartitioner.requireGrid(grid);
        Path dir = directory(name);
        ExecutorService sorter = Executors.newSingleThreadExecutor(r -> new Thread(r, "message-sort"));
        try {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            long rows = scan(period, grid, dir, sorter, phase, only);
            Files.writeString(dir.resolve(COMPLETE), Long.toString(rows));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the messages of " + period.fileStem() + " in " + dir, e);
        } finally {
            sorter.shutdownNow();
        }
    }

    private long scan(Period period, int grid, Path dir, ExecutorService sorter,
            com.wabilling.support.batch.LongPhase phase, int only) throws IOException {
        Runs runs = new Runs(grid, dir, sorter, only);
        // docs/billing-rules.md 3.6: the scope's customer key is resolved now, with every link known today
        CustomerLinks links = messages.links().all();
        try {
            messages.forEachEventBetween(period.readFrom(), period.readTo(), row -> {
                ExportedMessage m = row.message();
                runs.add(ScopedMessage.of(m, period.mode(), links.keyOf(m.customerWaId(), m.customerUserId())));
                phase.advance(1);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return runs.finish();
    }

    /** The run being filled, dealt by partition, and the one being sorted and written before it. */
    private final class Runs {
        private final int grid;
        private final Path dir;
        private final ExecutorService sorter;
        private final int only;
        private List<List<ScopedMessage>> filling;
        private Future<?> writing;
        private int run;
        private long rows;

        Runs(int grid, Path dir, ExecutorService sorter, int only) {
            this.grid = grid;
            this.dir = dir;
            this.sorter = sorter;
            this.only = only;
            this.filling = emptyRun(grid);
        }

        void add(ScopedMessage m) {
            int partition = partitionOf(m.bucket(), grid);
            if (only != ALL && partition != only) {
                return;
            }
            filling.get(partition).add(m);
            if (++rows % runRows == 0) {
                try {
                    spill();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        long finish() throws IOException {
            spill();
            await(writing);
            return rows;
        }

        private void spill() throws IOException {
            writing = MessageSort.spill(sorter, writing, filling, dir, run++);
            filling = emptyRun(grid);
        }
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
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                        runFile(dir, BucketPartitioner.firstBucket(p, partitions.size()),
                                BucketPartitioner.firstBucket(p + 1, partitions.size()) - 1, run)), 1 << 16))) {
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

    /** A run file of the partition of buckets {@code first} to {@code last}. */
    static Path runFile(Path dir, int first, int last, int run) {
        return dir.resolve(prefix(first, last) + String.format("r%05d.bin", run));
    }

    private static String prefix(int first, int last) {
        return String.format("b%02d-%02d-", first, last);
    }

    /** The run files of the partition of buckets {@code first} to {@code last} of a completed sort, in run order. */
    static List<Path> runsOf(Path dir, int first, int last) throws IOException {
        if (!Files.exists(dir.resolve(COMPLETE))) {
            throw new IOException("the messages were not sorted completely into " + dir);
        }
        try (var files = Files.list(dir)) {
            String prefix = prefix(first, last);
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
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
