package com.wabilling.conversations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.util.FileSystemUtils;

import com.wabilling.periods.PeriodParameters;
import com.wabilling.support.batch.LongPhase;

/**
 * On a worker (docs/operations.md, "Workers"): a reconstruct partition sorts its own buckets of the period
 * from the shared database into a folder of this process before it reads them, and removes it when it
 * ends; the job's own sort step does nothing then, since its files would be on another host. Running a
 * partition again sorts again, with the same result ({@link MessageSort}).
 */
class PartitionSort implements StepExecutionListener {

    private static final String PREFIX = "worker-";

    private final MessageSort sort;
    private final int grid;

    PartitionSort(MessageSort sort, int grid) {
        this.sort = sort;
        this.grid = grid;
    }

    /** The sort of one partition of a run, in this process's folder. */
    static String name(long runId, int partition) {
        return PREFIX + ProcessHandle.current().pid() + "/" + SortWindowTasklet.name(runId) + "-p" + partition;
    }

    @Override
    public void beforeStep(StepExecution step) {
        removeLeftovers();
        int partition = partitionOf(step);
        sort.sort(PeriodParameters.of(step.getJobParameters()), grid,
                name(step.getJobExecution().getJobInstanceId(), partition), LongPhase.silent(), partition);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        sort.delete(name(step.getJobExecution().getJobInstanceId(), partitionOf(step)));
        return null;
    }

    /** The partition's index among the grid, from the bucket bounds its context holds. */
    private int partitionOf(StepExecution step) {
        return MessageSort.partitionOf(BucketPartitioner.bounds(step.getExecutionContext(), grid).first(), grid);
    }

    /** The folders of workers on this host that were killed (their process is gone). */
    private void removeLeftovers() {
        Path root = sort.directory(PREFIX).getParent();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().matches(PREFIX + "\\d+")).toList()) {
                long pid = Long.parseLong(folder.getFileName().toString().substring(PREFIX.length()));
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    FileSystemUtils.deleteRecursively(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sorted messages of ended workers under " + root, e);
        }
    }
}
