package com.wabilling.support.batch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A long stretch of work inside one step that commits nothing until it ends (sorting a period's
 * messages, writing a month's books): it prints progress with an ETA like the chunk steps do, and
 * answers a stop request within a second instead of at its end (docs/operations.md, "Stopping").
 * Spring Batch marks a step STOPPED when it ends on a {@link JobInterruptedException}, so a stopped
 * phase leaves the job resumable by the same command.
 */
public final class LongPhase {

    private static final Logger LOG = LoggerFactory.getLogger("com.wabilling.progress");
    private static final long CHECK_NANOS = Duration.ofSeconds(1).toNanos();
    /** Stops asked in this process (ops stop on the embedded database is carried out by the job's own process). */
    private static final Set<Long> STOPS = ConcurrentHashMap.newKeySet();

    private final String label;
    private final String unit;
    private final long total;
    private final long intervalNanos;
    private final BooleanSupplier stopRequested;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastPrint = startNanos;
    private long lastCheck = startNanos - CHECK_NANOS; // the first unit already looks

    private LongPhase(String label, String unit, long total, Duration interval, BooleanSupplier stopRequested) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.stopRequested = stopRequested;
    }

    /** A phase of {@code total} units (negative when unknown), stopped when {@code stopRequested} says so. */
    public static LongPhase start(String label, String unit, long total, Duration interval, BooleanSupplier stopRequested) {
        return new LongPhase(label, unit, total, interval, stopRequested);
    }

    /** A phase that nobody can stop and that prints nothing (tests, tools). */
    public static LongPhase silent() {
        return new LongPhase("", "", -1, Duration.ofDays(365), () -> false);
    }

    /** Marks a stop request of this process for the execution (the job repository says STOPPING as well). */
    public static void requestStop(long jobExecutionId) {
        STOPS.add(jobExecutionId);
    }

    /** Whether the execution was asked to stop: in this process, or in the job repository (another process). */
    public static BooleanSupplier stopOf(JobRepository repository, JobExecution execution) {
        long id = execution.getId();
        return () -> {
            if (STOPS.contains(id)) {
                return true;
            }
            JobExecution stored = repository.getJobExecution(id);
            return stored != null && (stored.getStatus() == BatchStatus.STOPPING || stored.getStatus() == BatchStatus.STOPPED);
        };
    }

    /** Counts {@code units} more done; prints progress at most once per interval, checks for a stop once a second. */
    public void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (now - lastCheck >= CHECK_NANOS) {
            lastCheck = now;
            if (stopRequested.getAsBoolean()) {
                throw new Stopped(label + " stopped on request after " + done + " " + unit);
            }
        }
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            LOG.info(Progress.line(label, unit, done, (now - startNanos) / 1e9,
                    total > 0 ? (double) done / total : Double.NaN));
        }
    }

    public long done() {
        return done;
    }

    /** The phase ended on a stop request: the step ends STOPPED, and the same command resumes the job. */
    public static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, new JobInterruptedException(message));
        }
    }
}
