package com.wabilling.support.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import com.wabilling.support.batch.RunningMarker;

/**
 * Records which process runs an execution (host and pid in the job execution context), to name it
 * in messages. Whether it still runs is never judged from these (pids and container host names are
 * reused): the run lock ({@link com.wabilling.support.jdbc.RunLock}) decides that.
 */
public class ProcessOwner implements JobExecutionListener {

    public static final String HOST_KEY = "owner.host";
    public static final String PID_KEY = "owner.pid";

    private final String host;
    private final long pid;
    private final Path marker;
    private JobRepository jobRepository;

    ProcessOwner(String host, long pid, Path marker) {
        this.host = host;
        this.pid = pid;
        this.marker = marker;
    }

    /** The process owner of this JVM; {@code dataDir} receives the running marker (see {@link RunningMarker}). */
    public static ProcessOwner current(Path dataDir) {
        return new ProcessOwner(hostName(), ProcessHandle.current().pid(), RunningMarker.file(dataDir));
    }

    public void setJobRepository(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    private static volatile String running;

    @Override
    public void beforeJob(JobExecution execution) {
        running = "execution " + execution.getId() + " of " + execution.getJobInstance().getJobName();
        execution.getExecutionContext().putString(HOST_KEY, host);
        execution.getExecutionContext().putLong(PID_KEY, pid);
        if (jobRepository != null) {
            jobRepository.updateExecutionContext(execution);
        }
        RunningMarker.write(marker, pid, host, "execution " + execution.getId() + " of "
                + execution.getJobInstance().getJobName() + " (" + execution.getJobParameters().parameters().stream()
                        .map(p -> p.name() + "=" + p.value()).sorted().reduce((a, b) -> a + " " + b).orElse("") + ")");
    }

    @Override
    public void afterJob(JobExecution execution) {
        running = null;
        RunningMarker.remove(marker, pid);
    }

    /**
     * The job ended without afterJob (its end could not be recorded, e.g. on a full disk) for a reason
     * already said: the exit must not be reported as a signal.
     */
    public static void ended() {
        running = null;
    }

    /** "execution 12 of reconstruct", while a job of this process runs; otherwise null. */
    public static String running() {
        return running;
    }

    public static String describe(JobExecution execution) {
        var context = execution.getExecutionContext();
        return context.containsKey(PID_KEY)
                ? "pid " + context.getLong(PID_KEY) + " on " + context.getString(HOST_KEY)
                : "an unknown process";
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
