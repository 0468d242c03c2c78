package com.wabilling.support.partitions;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * How long a job's partitions may wait while no worker runs any of them (none started, all stopped): the
 * clock restarts whenever a partition runs or ends, so one busy worker and many waiting partitions are fine.
 */
final class WorkerWait {

    private final Duration limit;
    private LocalDateTime idleSince = LocalDateTime.now();

    WorkerWait(Duration limit) {
        this.limit = limit;
    }

    /** After a poll: {@code ended} whether a partition ended in it; fails when the wait is over. */
    void check(Collection<StepExecution> waiting, boolean ended) {
        if (ended || waiting.stream().anyMatch(WorkerWait::taken)) {
            idleSince = LocalDateTime.now();
        } else if (!waiting.isEmpty() && idleSince.plus(limit).isBefore(LocalDateTime.now())) {
            throw new IllegalStateException("no worker took partition " + waiting.iterator().next().getStepName()
                    + " within " + limit.toSeconds() + " s: start workers (jobs/wa-billing worker, with the same"
                    + " WA_BILLING_BROKER_URL and WA_BILLING_DB_URL), then run the same command again");
        }
    }

    /** Taken by a worker: running, or claimed and about to start. */
    static boolean taken(StepExecution partition) {
        return partition.getStatus() == BatchStatus.STARTING ? !Workers.of(partition).isEmpty()
                : partition.getStatus().isRunning();
    }
}
