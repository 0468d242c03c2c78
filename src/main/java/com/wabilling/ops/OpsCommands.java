package com.wabilling.ops;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.wabilling.support.TextTable;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.UsageException;
import com.wabilling.support.jdbc.RunLock;

/** {@code ops list | show | restart | stop | abandon | recover} over the job repository (docs/operations.md). */
public class OpsCommands {

    public static final String USAGE = "ops list [<how many>] | ops show <execution-id> | ops restart <execution-id>"
            + " | ops stop <execution-id> | ops abandon <execution-id> | ops recover";
    private static final Set<String> WITH_ID = Set.of("show", "restart", "stop", "abandon");

    private final JobRepository repository;
    private final JobOperator operator;
    private final JobRunner runner;
    private final PrintStream out;
    private final PrintStream err;

    public OpsCommands(JobRepository repository, JobOperator operator, JobRunner runner, PrintStream out,
            PrintStream err) {
        this.repository = repository;
        this.operator = operator;
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    /** Validates the arguments before anything starts. */
    static List<String> check(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("ops needs an action: " + USAGE);
        }
        String action = args.get(0);
        boolean ok = switch (action) {
            case "list" -> args.size() == 1 || args.size() == 2 && args.get(1).matches("\\d{1,5}");
            case "recover" -> args.size() == 1;
            default -> WITH_ID.contains(action) && args.size() == 2 && args.get(1).matches("\\d{1,18}");
        };
        if (!ok) {
            throw new UsageException("ops: cannot understand '" + String.join(" ", args) + "'; accepted: " + USAGE);
        }
        return List.copyOf(args);
    }

    public int run(List<String> args) {
        String action = args.get(0);
        if (action.equals("list")) {
            return list(args.size() == 2 ? Integer.parseInt(args.get(1)) : 20);
        }
        if (action.equals("recover")) {
            return recover();
        }
        JobExecution execution = Executions.find(repository, Long.parseLong(args.get(1)));
        if (execution == null) {
            err.println("wa-billing: there is no execution " + args.get(1) + "; see jobs/wa-billing ops list");
            return ExitCodes.USAGE;
        }
        return switch (action) {
            case "show" -> show(execution);
            case "restart" -> restart(execution);
            case "stop" -> stop(execution);
            default -> abandon(execution);
        };
    }

    private int list(int limit) {
        // read = write (stored) + filter (duplicates) + skip (rejects), from Spring Batch's own step counts
        TextTable table = new TextTable("id", "job", "parameters", "status", "start", "end", "duration", "read",
                "write", "filter", "skip");
        List<JobExecution> recent = Executions.recent(repository, limit);
        for (JobExecution e : recent) {
            table.row(e.getId(), e.getJobInstance().getJobName(), parameters(e), e.getStatus(),
                    Executions.time(e.getStartTime()), Executions.time(e.getEndTime()), Executions.duration(e),
                    Executions.sum(e, StepExecution::getReadCount), Executions.sum(e, StepExecution::getWriteCount),
                    Executions.sum(e, StepExecution::getFilterCount), Executions.sum(e, StepExecution::getSkipCount));
        }
        out.print(table.isEmpty() ? "No executions yet.\n" : table.render(""));
        if (runner != null) {
            WorkerPartitions.running(recent, runner.dataSource(), out);
        }
        return ExitCodes.OK;
    }

    private int show(JobExecution e) {
        out.println("execution " + e.getId() + " of " + e.getJobInstance().getJobName() + " (run "
                + e.getJobInstanceId() + ")");
        out.println("  parameters: " + parameters(e));
        out.println("  status:     " + e.getStatus() + " / " + e.getExitStatus().getExitCode());
        out.println("  started:    " + Executions.time(e.getStartTime()) + "  ended: " + Executions.time(e.getEndTime())
                + "  duration: "
                + Executions.duration(e));
        out.println("  process:    " + ProcessOwner.describe(e) + liveness(e));
        TextTable steps = new TextTable("step", "status", "read", "write", "filter", "skip", "commits", "rollbacks");
        for (StepExecution s : e.getStepExecutions()) {
            steps.row(s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getFilterCount(),
                    s.getSkipCount(), s.getCommitCount(), s.getRollbackCount());
        }
        out.print(steps.render("  "));
        WorkerPartitions.show(e, out);
        for (StepExecution s : e.getStepExecutions()) {
            String exit = s.getExitStatus().getExitDescription();
            if (exit != null && !exit.isBlank()) {
                out.println("  failure in " + s.getStepName() + ": " + firstLines(exit, 3));
            }
        }
        String exit = e.getExitStatus().getExitDescription();
        if (exit != null && !exit.isBlank()) {
            out.println("  job failure: " + firstLines(exit, 3));
        }
        return ExitCodes.OK;
    }

    /** For an execution marked running: whether a process still runs it (the run lock says so). */
    private String liveness(JobExecution e) {
        if (!Executions.leftRunning(e) || runner == null) {
            return "";
        }
        Optional<RunLock> lock = RunLock.tryAcquire(runner.dataSource());
        lock.ifPresent(RunLock::close);
        return lock.isPresent() ? ", which is gone: the execution was left " + e.getStatus() + " by a killed"
                + " process; running the same command again recovers and resumes it" : ", running now";
    }

    private int restart(JobExecution e) {
        String jobName = e.getJobInstance().getJobName(); // a job's command is its name (JobParameterSpec)
        Map<String, String> params = new LinkedHashMap<>();
        e.getJobParameters().parameters().forEach(p -> params.put(p.name(), String.valueOf(p.value())));
        return runner.run(jobName, jobName, params).exitCode();
    }

    private int stop(JobExecution e) {
        if (!e.isRunning()) {
            err.println("wa-billing: execution " + e.getId() + " is " + e.getStatus() + ", not running: nothing to stop");
            return ExitCodes.USAGE;
        }
        try {
            if (!Executions.requestStop(repository, e.getId())) {
                err.println("wa-billing: execution " + e.getId() + " ended meanwhile: nothing to stop");
                return ExitCodes.USAGE;
            }
        } catch (Exception ex) {
            err.println("wa-billing: cannot stop execution " + e.getId() + ": " + ex.getMessage());
            return ExitCodes.FAILED;
        }
        out.println("Execution " + e.getId() + " asked to stop; it stops at its next commit."
                + " Resume it later by running the same command again.");
        return ExitCodes.OK;
    }

    private int abandon(JobExecution e) {
        Optional<RunLock> lock = runner.runLock();
        if (lock.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLock held = lock.get()) {
            if (Executions.leftRunning(e)) {
                operator.recover(e); // nobody runs it (we hold the run lock): FAILED first, then abandoned
            }
            operator.abandon(repository.getJobExecution(e.getId()));
        } catch (Exception ex) {
            err.println("wa-billing: cannot abandon execution " + e.getId() + ": " + ex.getMessage());
            return ExitCodes.FAILED;
        }
        out.println("Execution " + e.getId() + " abandoned: it will never be resumed."
                + " Start the job afresh with rerun=<new value>.");
        return ExitCodes.OK;
    }

    /** With the run lock held no process runs a job, so every execution marked running was left by a dead one. */
    private int recover() {
        Optional<RunLock> lock = runner.runLock();
        if (lock.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        int recovered = 0;
        try (RunLock held = lock.get()) {
            for (JobExecution e : Executions.recent(repository, 200)) {
                if (Executions.leftRunning(e)) {
                    var leftAs = e.getStatus();
                    operator.recover(e);
                    out.println("Recovered execution " + e.getId() + " of " + e.getJobInstance().getJobName()
                            + " (left " + leftAs + " by " + ProcessOwner.describe(e) + "): now FAILED, resumable.");
                    recovered++;
                }
            }
        }
        if (recovered == 0) {
            out.println("Nothing to recover: no execution is left running by a process that is gone.");
        }
        return ExitCodes.OK;
    }

    private static String parameters(JobExecution e) {
        StringBuilder text = new StringBuilder();
        e.getJobParameters().parameters().stream()
                .sorted(java.util.Comparator.comparing(p -> p.name()))
                .forEach(p -> text.append(text.isEmpty() ? "" : " ").append(p.name()).append('=').append(p.value()));
        return text.toString();
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n    ", java.util.Arrays.copyOf(all, Math.min(lines, all.length)));
    }
}
