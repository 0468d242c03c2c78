package com.wabilling.ops;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import com.wabilling.support.batch.ProcessOwner;

/** Queries over the job repository used by the launcher and by {@code ops}. */
public final class Executions {

    private Executions() {
    }

    /**
     * Left running: the execution or one of its steps is still marked as running. A plain kill can
     * leave the job STOPPED with a step STARTED (docs/development.md).
     */
    public static boolean leftRunning(JobExecution execution) {
        if (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.UNKNOWN) {
            return true;
        }
        return execution.getStatus() == BatchStatus.STOPPED
                && execution.getStepExecutions().stream().anyMatch(s -> s.getStatus().isRunning());
    }

    /**
     * Asks a running execution to stop: marks the job execution STOPPING and nothing else; its steps see it at
     * their next commit, and its own process marks it STOPPED when it has stopped (docs/operations.md,
     * "Stopping"). Spring Batch's own stop also marks the job STOPPED at once and rewrites the running steps'
     * rows, racing their commits ("wrong version": the job ends FAILED, not STOPPED). A commit of the job's own
     * process between our read and our write is read again (each conflict is a commit of a job that either
     * goes on, to be marked on the next try, or ends). False when it is not running (any more).
     */
    public static boolean requestStop(JobRepository repository, long id) {
        while (true) {
            JobExecution e = find(repository, id);
            if (e == null || !leftRunning(e)) {
                return false;
            }
            if (e.getStatus() == BatchStatus.STOPPING) {
                return true;
            }
            e.setStatus(BatchStatus.STOPPING);
            try {
                repository.update(e);
                return true;
            } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
                // read again
            }
        }
    }

    /** The most recent executions of every job, newest first. */
    public static List<JobExecution> recent(JobRepository repository, int limit) {
        return repository.getJobNames().stream()
                .flatMap(name -> repository.getJobInstances(name, 0, limit).stream())
                .flatMap(instance -> repository.getJobExecutions(instance).stream())
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(limit)
                .toList();
    }

    /** ": execution 12 of reconstruct (from=... to=...), started 2026-11-03 06:00:01", or "" when none is marked running. */
    public static String describeRunning(JobRepository repository) {
        return recent(repository, 50).stream().filter(Executions::leftRunning)
                .map(e -> "execution " + e.getId() + " of " + e.getJobInstance().getJobName() + " ("
                        + e.getJobParameters().parameters().stream().map(p -> p.name() + "=" + p.value()).sorted()
                                .collect(java.util.stream.Collectors.joining(" "))
                        + "), started " + time(e.getStartTime()) + ", " + ProcessOwner.describe(e))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.joining("; "),
                        text -> text.isEmpty() ? "" : ": " + text));
    }

    /** The execution with that id, or null (the repository throws for unknown ids). */
    public static JobExecution find(JobRepository repository, long id) {
        try {
            return repository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    public static String time(java.time.LocalDateTime time) {
        return time == null ? "" : time.withNano(0).toString().replace('T', ' ');
    }

    public static long sum(JobExecution execution, java.util.function.ToLongFunction<StepExecution> count) {
        return execution.getStepExecutions().stream().mapToLong(count).sum();
    }

    public static String duration(JobExecution execution) {
        return duration(execution.getStartTime(), execution.getEndTime(), execution.getLastUpdated());
    }

    /** From start to end, or to the last update while it runs; "" before it started. */
    public static String duration(java.time.LocalDateTime start, java.time.LocalDateTime end,
            java.time.LocalDateTime lastUpdated) {
        var until = end != null ? end : lastUpdated;
        if (start == null || until == null) {
            return "";
        }
        Duration d = Duration.between(start, until);
        return String.format("%d:%02d:%02d.%d", d.toHours(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart() / 100);
    }
}
