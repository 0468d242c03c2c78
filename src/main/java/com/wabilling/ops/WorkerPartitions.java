package com.wabilling.ops;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.wabilling.support.TextTable;
import com.wabilling.support.jdbc.RunLock;
import com.wabilling.support.partitions.Workers;

/**
 * The partitions that ran on workers, for {@code ops show} (each with its worker and duration) and
 * {@code ops list} (those running now) (docs/operations.md, "Workers").
 */
final class WorkerPartitions {

    private WorkerPartitions() {
    }

    /** Every partition of the execution a worker took, in step order; nothing when none was. */
    static void show(JobExecution execution, PrintStream out) {
        List<StepExecution> partitions = onWorkers(execution.getStepExecutions());
        if (partitions.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("partition", "status", "worker", "duration");
        partitions.forEach(s -> table.row(s.getStepName(), s.getStatus(), "worker=" + Workers.of(s), duration(s)));
        out.println("  partitions on workers:");
        out.print(table.render("    "));
    }

    /**
     * The partitions marked running on workers, among these executions, and whether their worker still runs
     * them (a live worker's session holds the partition's lock); nothing when none is.
     */
    static void running(List<JobExecution> executions, DataSource dataSource, PrintStream out) {
        List<StepExecution> running = onWorkers(executions.stream().flatMap(e -> e.getStepExecutions().stream())
                .filter(s -> s.getStatus().isRunning()).toList());
        if (running.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("execution", "partition", "worker", "running for", "");
        running.forEach(s -> table.row(s.getJobExecutionId(), s.getStepName(), "worker=" + Workers.of(s),
                duration(s), live(s, dataSource) ? "" : "worker gone: its job sends it again"));
        out.println("partitions running on workers now:");
        out.print(table.render(""));
    }

    private static boolean live(StepExecution partition, DataSource dataSource) {
        Optional<RunLock> lock = RunLock.tryAcquirePartition(dataSource, partition.getJobExecution().getJobInstanceId(),
                partition.getStepName());
        lock.ifPresent(RunLock::close);
        return lock.isEmpty();
    }

    private static List<StepExecution> onWorkers(java.util.Collection<StepExecution> steps) {
        return steps.stream().filter(s -> !Workers.of(s).isEmpty())
                .sorted(Comparator.comparing(StepExecution::getId)).toList();
    }

    private static String duration(StepExecution step) {
        return Executions.duration(step.getStartTime(), step.getEndTime(), step.getLastUpdated());
    }
}
