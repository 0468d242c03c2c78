package com.wabilling.support.partitions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.support.jdbc.RunLock;

/**
 * The manager's side of remote partitioning (docs/operations.md, "Workers"): sends each partition to the
 * broker and polls the shared job repository until every partition has ended. A partition marked running
 * whose lock no session holds lost its worker (killed, out of memory, host gone: the database drops the
 * lock with the session): it is marked FAILED and sent again as a new execution that resumes from its last
 * commit. A partition given back (STOPPED by a worker's SIGTERM) is sent again too. Partitions waiting
 * while no worker runs any of them fail the step after a while, naming the command that resumes it.
 */
public class RemotePartitionHandler implements PartitionHandler {

    private final JobRepository repository;
    private final DataSource dataSource;
    private final PartitionRequests requests;
    private final int grid;
    private final Settings settings;
    private final PrintStream out;

    /** How often to poll; how long partitions may wait while no worker runs any of them. */
    public record Settings(Duration poll, Duration unclaimed) {
    }

    public RemotePartitionHandler(JobRepository repository, DataSource dataSource, PartitionRequests requests,
            int grid, Settings settings, PrintStream out) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.requests = requests;
        this.grid = grid;
        this.settings = settings;
        this.out = out;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        Map<String, InFlightPartition> pending = new TreeMap<>();
        for (StepExecution partition : splitter.split(manager, grid)) {
            pending.put(partition.getStepName(), new InFlightPartition(repository, partition));
        }
        List<StepExecution> ended = new ArrayList<>();
        try {
            pending.values().forEach(this::send);
            WorkerWait wait = new WorkerWait(settings.unclaimed());
            while (!pending.isEmpty()) {
                Thread.sleep(settings.poll().toMillis());
                // ops stop: Spring Batch records an asked stop as STOPPING, or at once as STOPPED (it sets an end time)
                BatchStatus job = repository.getJobExecution(manager.getJobExecutionId()).getStatus();
                boolean stopping = job == BatchStatus.STOPPING || job == BatchStatus.STOPPED;
                int before = pending.size();
                for (InFlightPartition partition : new ArrayList<>(pending.values())) {
                    if (poll(partition, stopping)) {
                        ended.add(partition.execution());
                        pending.remove(partition.execution().getStepName());
                    }
                }
                wait.check(pending.values().stream().map(InFlightPartition::execution).toList(), pending.size() < before);
            }
            return ended;
        } finally {
            pending.values().forEach(this::withdrawUnclaimed);
        }
    }

    /** True when the partition has ended (completed, failed, or stopped by a stop of the job). */
    boolean poll(InFlightPartition partition, boolean stopping) throws Exception {
        StepExecution now = partition.reload();
        return switch (now.getStatus()) {
            case STARTING -> {
                if (WorkerWait.taken(now)) {
                    resendIfLost(partition); // claimed: its worker may have died before the step started
                }
                yield false;
            }
            case STARTED, STOPPING -> {
                resendIfLost(partition);
                yield false;
            }
            case STOPPED -> {
                if (stopping) {
                    yield true;
                }
                out.println("partition " + now.getStepName() + " was given back by " + Workers.describe(now)
                        + ": sending it again");
                resend(partition);
                yield false;
            }
            default -> true; // COMPLETED, FAILED, ABANDONED, UNKNOWN: the step decides
        };
    }

    /** A running partition whose lock is free lost its worker: marked FAILED and sent again. */
    private void resendIfLost(InFlightPartition partition) throws Exception {
        Optional<RunLock> lock = lock(partition.execution());
        if (lock.isEmpty()) {
            return; // its worker's session is alive
        }
        try (RunLock held = lock.get()) {
            StepExecution now = partition.reload(); // it may have ended between the poll and the lock
            if (!partition.markLost()) {
                return;
            }
            out.println("partition " + now.getStepName() + " lost " + Workers.describe(now)
                    + " (no longer running): sending it again, resuming from its last commit");
        }
        resend(partition);
    }

    /** A new execution of the partition, from the last committed context of the one before, sent to a worker. */
    private void resend(InFlightPartition partition) {
        StepExecution before = partition.execution();
        JobExecution job = repository.getJobExecution(before.getJobExecutionId());
        StepExecution next = repository.createStepExecution(before.getStepName(), job);
        next.setExecutionContext(new ExecutionContext(before.getExecutionContext()));
        next.getExecutionContext().remove(Workers.KEY);
        repository.updateExecutionContext(next);
        partition.follow(next);
        send(partition);
    }

    /**
     * Sends once no live session holds the partition's lock: a worker may still be finishing an earlier
     * execution of it (after a manager was killed and its run recovered), and two must never write at once.
     */
    private void send(InFlightPartition partition) {
        StepExecution execution = partition.execution();
        boolean told = false;
        while (true) {
            Optional<RunLock> lock = lock(execution);
            if (lock.isPresent()) {
                lock.get().close();
                break;
            }
            if (!told) {
                out.println("partition " + execution.getStepName() + ": a worker is still ending an earlier execution"
                        + " of it; waiting for it before sending it again");
                told = true;
            }
            sleep(settings.poll());
        }
        requests.send(execution);
    }

    /** A request no worker took when the step gives up: marked FAILED, so that a worker taking it later drops it. */
    private void withdrawUnclaimed(InFlightPartition partition) {
        Optional<RunLock> lock = lock(partition.execution());
        if (lock.isEmpty()) {
            return; // a worker has it now: a restart recovers it
        }
        try (RunLock held = lock.get()) {
            StepExecution now = partition.reload();
            if (now.getStatus() == BatchStatus.STARTING) {
                InFlightPartition.fail(repository, now, "no worker took this partition");
            }
        } catch (RuntimeException e) {
            // the step fails anyway; a restart recovers what is left running
        }
    }

    /** The partition's lock, when no live session (no worker) holds it. */
    private Optional<RunLock> lock(StepExecution partition) {
        return RunLock.tryAcquirePartition(dataSource, partition.getJobExecution().getJobInstanceId(),
                partition.getStepName());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a partition's worker", e);
        }
    }
}
