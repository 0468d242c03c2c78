package com.wabilling.conversations;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.periods.Period;
import com.wabilling.periods.PeriodParameters;
import com.wabilling.support.batch.LongPhases;

/**
 * Sorts the period's read window into run files before the partitions start, named by
 * the run (job instance), so a restart's partitions find them again; the files go when the run
 * completes. Runs again on every restart: files may be gone, and sorting again yields the same runs.
 */
public class SortWindowTasklet implements Tasklet, JobExecutionListener {

    private final MessageSort sort;
    private final int grid;
    private final PeriodRegistry ledger;
    private final LongPhases phases;
    private final boolean here;

    /** {@code here}: false when the partitions run on workers, each sorting its own ({@link PartitionSort}). */
    public SortWindowTasklet(MessageSort sort, int grid, PeriodRegistry ledger, LongPhases phases, boolean here) {
        this.sort = sort;
        this.grid = grid;
        this.ledger = ledger;
        this.phases = phases;
        this.here = here;
    }

    /** The name of a run's sort. */
    static String name(long runId) {
        return "reconstruct-" + runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!here) {
            return RepeatStatus.FINISHED;
        }
        var step = chunkContext.getStepContext();
        Period period = PeriodParameters.of(step.getStepExecution().getJobParameters());
        JobExecution job = step.getStepExecution().getJobExecution();
        // one pass over the window before the partitions start: progress and a stop must not wait for its end
        long rows = sort.sort(period, grid, name(job.getJobInstanceId()), phases.start(
                ReconstructJobConfiguration.JOB_NAME + " (sorting)", "messages", ledger.windowMessages(period), job));
        contribution.incrementWriteCount(rows); // rows sorted
        return RepeatStatus.FINISHED;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            sort.delete(name(execution.getJobInstanceId()));
        }
    }
}
