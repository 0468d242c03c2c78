package com.wabilling.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

import com.wabilling.templates.TemplateMigrationJobConfiguration;

/** Carries out a parsed invocation: a job, an ops action or the demo. */
public class Launcher {

    private final JobRunner runner;
    private final OpsCommands ops;
    private final Path home;
    private final PrintStream out;

    public Launcher(ApplicationContext context, JobRepository repository, JobOperator operator, Path home,
            PrintStream out, PrintStream err) {
        this.runner = new JobRunner(context, repository, operator, out, err);
        this.ops = new OpsCommands(repository, operator, runner, out, err);
        this.home = home;
        this.out = out;
    }

    public int run(CommandLine.Invocation invocation) {
        return switch (invocation.command()) {
            case "demo" -> demo();
            case "ops" -> ops.run(invocation.arguments());
            default -> runner.run(invocation.command(), invocation.job().jobName(), invocation.parameters()).exitCode();
        };
    }

    /** Every job on sample-data/; a demo already run is run again with a fresh rerun= value. */
    private int demo() {
        Path samples = home.resolve("sample-data");
        if (!Files.isDirectory(samples)) {
            out.println("wa-billing: demo needs " + samples + " (run it from a checkout of the project)");
            return ExitCodes.USAGE;
        }
        Map<String, String> migrate = new LinkedHashMap<>();
        migrate.put("input", samples.resolve("templates.csv").toString());
        out.println("== migrate-templates input=" + migrate.get("input"));
        return demoStep("migrate-templates", TemplateMigrationJobConfiguration.JOB_NAME, migrate);
    }

    private int demoStep(String command, String jobName, Map<String, String> given) {
        Map<String, String> parameters = CommandLine.find(command).orElseThrow().resolve(given);
        JobRunner.Outcome outcome = runner.run(command, jobName, parameters);
        if (outcome.exitCode() == ExitCodes.ALREADY_COMPLETED) {
            out.println("(already done in this data directory: running it again with a new rerun= value)");
            parameters.put(JobCommand.RERUN, "demo-" + System.currentTimeMillis());
            outcome = runner.run(command, jobName, parameters);
        }
        return outcome.exitCode();
    }

    /** Startup failures are configuration problems (exit 2), said plainly. */
    public static int explainStartupFailure(Throwable e, PrintStream err) {
        String message = Executions.rootMessage(e);
        if (message.contains("lockFile") || message.contains("lock file") || message.contains("Database lock")) {
            err.println("wa-billing: the embedded database in " + System.getenv().getOrDefault("WA_BILLING_DATA_DIR", "data")
                    + " is in use by another wa-billing process; wait for it to finish (" + message + ")");
            return ExitCodes.ALREADY_RUNNING;
        }
        err.println("wa-billing: cannot start: " + message);
        err.println("  check WA_BILLING_DATA_DIR, WA_BILLING_DB_URL, WA_BILLING_DB_USER and WA_BILLING_DB_PASSWORD");
        return ExitCodes.USAGE;
    }
}
