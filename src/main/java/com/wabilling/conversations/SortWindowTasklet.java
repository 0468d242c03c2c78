package com.wabilling.conversations;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Sorts the period's read window into run files before the partitions start (issue 11), named by
 * the run (job instance), so a restart's partitions find them again; the files go when the run
 * completes. Runs again on every restart: files may be gone, and sorting again yields the same runs.
 */
public class SortWindowTasklet implements Tasklet, JobExecutionListener {

    private final MessageSort sort;
    private final int grid;

    public SortWindowTasklet(MessageSort sort, int grid) {
        this.sort = sort;
        this.grid = grid;
    }

    /** The name of a run's sort. */
    static String name(long runId) {
        return "reconstruct-" + runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext();
        long rows = sort.sort(ReconstructJobConfiguration.period(step.getStepExecution().getJobParameters()), grid,
                name(step.getStepExecution().getJobExecution().getJobInstanceId()));
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
