package com.wabilling.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.messages.ExportFolder;
import com.wabilling.messages.ImportedFiles;
import com.wabilling.messages.MessageImportJobConfiguration;
import com.wabilling.support.Failures;
import com.wabilling.support.JobSummary;
import com.wabilling.support.Refusal;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.jdbc.RunLock;
import com.wabilling.support.rejects.RejectLimit;

/**
 * Runs one job for the command line: refuses a run that already completed, recovers an execution
 * whose process died, resumes a failed one from its last commit (docs/operations.md), and prints the outcome.
 */
public class JobRunner {

    private final ApplicationContext context;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final PrintStream out;
    private final PrintStream err;

    public JobRunner(ApplicationContext context, JobRepository jobRepository, JobOperator jobOperator,
            PrintStream out, PrintStream err) {
        this.context = context;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.out = out;
        this.err = err;
    }

    /** The outcome of one launch: an exit code and, when the job ran, its execution. */
    public record Outcome(int exitCode, JobExecution execution) {
    }

    public static JobParameters toJobParameters(Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach((name, value) -> builder.addString(name, value, true));
        return builder.toJobParameters();
    }

    public Outcome run(String command, String jobName, Map<String, String> parameters) {
        Optional<RunLock> lock = runLock();
        if (lock.isEmpty()) {
            return new Outcome(ExitCodes.ALREADY_RUNNING, null);
        }
        try (RunLock held = lock.get()) {
            return runLocked(command, jobName, parameters);
        }
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /** The run lock, or empty (said on stderr) when another process runs a job on this database now. */
    Optional<RunLock> runLock() {
        Optional<RunLock> lock = RunLock.tryAcquire(dataSource());
        if (lock.isEmpty()) {
            err.println("wa-billing: another wa-billing job is running on this database"
                    + Executions.describeRunning(jobRepository) + "; wait for it to finish (jobs never run at once),"
                    + " or stop it with: jobs/wa-billing ops stop <execution-id>");
        }
        return lock;
    }

    /** Runs the job; the caller holds the run lock (one launch, or a monthly run's sequence of jobs). */
    Outcome runLocked(String command, String jobName, Map<String, String> given) {
        Map<String, String> parameters = given;
        JobParameters jobParameters = toJobParameters(parameters);
        JobExecution last = jobRepository.getLastJobExecution(jobName, jobParameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED
                && jobName.equals(MessageImportJobConfiguration.JOB_NAME)) {
            // docs/operations.md, "Folders grow": new files in a folder imported before are a new run
            ExportFolder folder;
            try {
                folder = ExportFolder.of(parameters.get("input"), context.getBean(ImportedFiles.class));
            } catch (RuntimeException e) { // a file gone, unreadable or unnameable since the last run
                err.println("wa-billing: " + command + ": cannot read the input " + parameters.get("input") + ": "
                        + Failures.rootMessage(e));
                return new Outcome(ExitCodes.USAGE, null);
            }
            if (!folder.hasNewFiles()) {
                err.println("wa-billing: " + command + ": every file in " + parameters.get("input")
                        + " was imported before; nothing done:\n  " + String.join("\n  ", folder.imported()));
                return new Outcome(ExitCodes.ALREADY_COMPLETED, null);
            }
            parameters = withNewFiles(parameters, folder);
            out.println(command + ": " + folder.fresh().size() + " file(s) of " + given.get("input")
                    + " not imported before: " + folder.fresh().stream().map(f -> f.getFileName().toString())
                            .collect(java.util.stream.Collectors.joining(", "))
                    + "; importing them as run rerun=" + parameters.get(JobParameterSpec.RERUN)
                    + (folder.imported().isEmpty() ? "" : " (" + folder.imported().size() + " imported before are skipped)"));
            jobParameters = toJobParameters(parameters);
            last = jobRepository.getLastJobExecution(jobName, jobParameters);
        }
        if (last != null) {
            Integer refusal = checkPrevious(command, last);
            if (refusal != null) {
                return new Outcome(refusal, null);
            }
        }
        RunSettings.describe(context.getEnvironment(), jobName).forEach(out::println);
        Job job = context.getBeansOfType(Job.class).values().stream().filter(j -> j.getName().equals(jobName))
                .findFirst().orElseThrow(() -> new IllegalStateException("no job named " + jobName));
        JobExecution execution;
        var environment = context.getEnvironment();
        try (AutoCloseable live = LiveStatus.startIfEmbedded(environment.getProperty("spring.datasource.url", ""),
                Path.of(environment.getProperty("wa-billing.data-dir", "data")), jobRepository, jobOperator)) {
            execution = jobOperator.start(job, jobParameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            err.println(alreadyCompleted(command, last));
            return new Outcome(ExitCodes.ALREADY_COMPLETED, null);
        } catch (JobExecutionAlreadyRunningException e) {
            err.println("wa-billing: " + command + " is already running with these parameters: " + e.getMessage());
            return new Outcome(ExitCodes.ALREADY_RUNNING, null);
        } catch (InvalidJobParametersException e) {
            err.println("wa-billing: " + command + ": " + e.getMessage());
            return new Outcome(ExitCodes.USAGE, null);
        } catch (JobRestartException e) {
            err.println("wa-billing: " + command + " cannot be resumed: " + e.getMessage()
                    + "; start a new run with rerun=<new value>");
            return new Outcome(ExitCodes.FAILED, null);
        } catch (Exception e) {
            // a job cut short by a signal while its database closes ends here too, and one whose disk filled
            Optional<String> diskFull = Failures.diskFull(e, databaseFiles());
            diskFull.ifPresent(full -> ProcessOwner.ended());
            err.println("wa-billing: " + command + " could not start or was interrupted: " + diskFull.orElseGet(
                    e::getMessage) + "; run the same command again (it resumes from the last commit)");
            return new Outcome(ExitCodes.FAILED, null);
        }
        return report(command, execution);
    }

    /** The import's parameters for the run of a folder's new files: keyed by their content, so a failure resumes. */
    private static Map<String, String> withNewFiles(Map<String, String> parameters, ExportFolder folder) {
        Map<String, String> result = new java.util.LinkedHashMap<>(parameters);
        String given = parameters.get(JobParameterSpec.RERUN);
        result.put(JobParameterSpec.RERUN, (given == null ? "" : given + "+") + "new-files-" + folder.freshKey());
        return result;
    }

    /** null when the job may be launched; otherwise the exit code of the refusal. */
    private Integer checkPrevious(String command, JobExecution last) {
        if (last.getStatus() == BatchStatus.COMPLETED) {
            err.println(alreadyCompleted(command, last));
            return ExitCodes.ALREADY_COMPLETED;
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            err.println("wa-billing: execution " + last.getId() + " of this run was abandoned and cannot be resumed;"
                    + " start a new run with rerun=<new value>");
            return ExitCodes.FAILED;
        }
        if (!Executions.leftRunning(last)) {
            return null;
        }
        // Holding the run lock proves that no process runs a job on this database: whatever left this
        // execution running is gone, even if it died before recording who it was
        BatchStatus leftAs = last.getStatus();
        jobOperator.recover(last);
        out.println("Execution " + last.getId() + " was left " + leftAs + " by " + ProcessOwner.describe(last)
                + ", which is no longer running: recovered, resuming from its last commit.");
        return null;
    }

    private Outcome report(String command, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String summary = JobSummary.of(execution);
            if (summary != null) {
                out.print(summary);
            }
            // An import says which reconstructed periods it made stale
            new StalePeriodsNotice(context.getBean(PeriodRegistry.class)).print(execution, out);
            return new Outcome(ExitCodes.OK, execution);
        }
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> nextSteps = new LinkedHashSet<>();
        boolean tooManyRejects = false;
        for (Throwable t : execution.getAllFailureExceptions()) {
            reasons.add(Failures.reason(t, databaseFiles()));
            tooManyRejects |= Failures.find(t, RejectLimit.TooManyRejectsException.class).isPresent();
            Failures.find(t, Refusal.class).ifPresent(r -> nextSteps.add(r.nextStep()));
            // a file that broke off (its message says how to go on) or that changed since a failed run read it
            Failures.find(t, com.wabilling.support.csv.UnreadableFileException.class).ifPresent(r -> nextSteps.add(
                    "replace the file named above with a complete copy, then run the same command again"
                            + " (with rerun=<new value> if that is refused)"));
            if (Failures.rootMessage(t).contains("changed since the failed execution")) {
                nextSteps.add("start a new run of the input as it is now: the same command with rerun=<new value>");
            }
        }
        err.println("wa-billing: " + command + " " + execution.getStatus() + " (execution " + execution.getId() + ")");
        reasons.forEach(r -> err.println("  reason: " + r));
        // a refusal names its own fix; after too many rejects the reason already says to start a new run;
        // anything else (a crash, a lost connection) is resumed by the same command
        nextSteps.forEach(step -> err.println("  next: " + step));
        err.println((tooManyRejects || !nextSteps.isEmpty() ? "  " : "  next: run the same command again to resume"
                + " from the last commit; ") + "details: jobs/wa-billing ops show " + execution.getId());
        return new Outcome(ExitCodes.FAILED, execution);
    }

    /** Where the database keeps its files, for a failure that does not name one (a full disk). */
    private String databaseFiles() {
        var environment = context.getEnvironment();
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:hsqldb:file:")
                ? Path.of(environment.getProperty("wa-billing.data-dir", "data")).toAbsolutePath().toString()
                : "the database server";
    }

    private static String alreadyCompleted(String command, JobExecution last) {
        String when = last == null || last.getEndTime() == null ? "" : " at " + last.getEndTime();
        String id = last == null ? "" : " as execution " + last.getId();
        return "wa-billing: " + command + " with these parameters already completed" + id + when
                + "; nothing done. To run it again deliberately, add rerun=<anything new>, e.g. rerun=2";
    }
}
