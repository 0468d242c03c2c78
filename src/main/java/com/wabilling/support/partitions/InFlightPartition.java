package com.wabilling.support.partitions;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A partition on the workers as the job follows it (docs/operations.md, "Workers"): its current execution in
 * the shared job repository, and how often its worker was lost.
 */
final class InFlightPartition {

    /** Lost workers per partition that are sent again; one more fails the step. */
    static final int MAX_LOST = 3;

    private final JobRepository repository;
    private StepExecution execution;
    private int lost;

    InFlightPartition(JobRepository repository, StepExecution execution) {
        this.repository = repository;
        this.execution = execution;
    }

    StepExecution execution() {
        return execution;
    }

    void follow(StepExecution next) {
        execution = next;
    }

    /** The execution as the job repository has it now. */
    StepExecution reload() {
        execution = repository.getStepExecution(execution.getJobExecutionId(), execution.getId());
        return execution;
    }

    /**
     * Called under the partition's lock (no worker's session holds it) with the execution as last read: marks it
     * FAILED as lost, true when it is to be sent again; false when it is not running (it ended before the lock).
     * A worker's commit may land between that read and the mark (its lock's session gone while it still runs):
     * the mark then conflicts, and the execution is read and decided again. Fails the step when its worker was
     * lost more than {@link #MAX_LOST} times.
     */
    boolean markLost() {
        while (true) {
            StepExecution now = execution;
            if (!now.getStatus().isRunning()) {
                return false;
            }
            String worker = Workers.describe(now);
            boolean last = lost == MAX_LOST;
            try {
                fail(repository, now, worker + " ended without finishing this partition; "
                        + (last ? "the step fails" : "sent again"));
            } catch (OptimisticLockingFailureException e) {
                reload();
                continue;
            }
            if (++lost > MAX_LOST) {
                throw new IllegalStateException("partition " + now.getStepName() + " lost its worker " + lost
                        + " times (last " + worker + "): see the workers' output, then run the same command again");
            }
            return true;
        }
    }

    /** Marks the execution FAILED, saying why. */
    static void fail(JobRepository repository, StepExecution partition, String why) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        repository.update(partition);
    }
}
