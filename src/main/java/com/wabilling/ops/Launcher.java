package com.wabilling.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.messages.ImportedFiles;
import com.wabilling.support.Failures;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.RunningMarker;


/** Carries out a parsed invocation: a job, an ops action or the demo. */
public class Launcher {

    private final ApplicationContext context;
    private final JobRunner runner;
    private final OpsCommands ops;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public Launcher(ApplicationContext context, JobRepository repository, JobOperator operator, Path home,
            PrintStream out, PrintStream err) {
        this.context = context;
        this.runner = new JobRunner(context, repository, operator, out, err);
        this.ops = new OpsCommands(repository, operator, runner, out, err);
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public int run(CommandLine.Invocation invocation) {
        if (!neverCreatesDatabase(invocation)) {
            // every other command writes reports: refused before any work when it could not (exit 2)
            OutputDirectory output = context.getBean(OutputDirectory.class);
            Optional<String> why = output.unwritable();
            if (why.isPresent()) {
                err.println("wa-billing: cannot write the output directory " + output.path().toAbsolutePath() + ": "
                        + why.get() + " — check WA_BILLING_OUTPUT_DIR");
                return ExitCodes.USAGE;
            }
        }
        return switch (invocation.command()) {
            case "demo" -> demo();
            case "ops" -> {
                out.println("database: " + RunSettings.withoutOptions(
                        context.getEnvironment().getProperty("spring.datasource.url", "")));
                yield ops.run(invocation.arguments());
            }
            case CommandLine.MONTHLY_RUN -> monthlyRun(invocation.parameters());
            case CommandLine.STATUS -> status(invocation.parameters());
            default -> runner.run(invocation.command(), invocation.job().name(), invocation.parameters()).exitCode();
        };
    }

    /** A month at a glance (reads only). */
    private int status(Map<String, String> parameters) {
        out.println("database: " + RunSettings.withoutOptions(
                context.getEnvironment().getProperty("spring.datasource.url", "")));
        String exports = exportsDir(parameters);
        return new MonthStatus(context.getBean(PeriodRegistry.class), context.getBean(ImportedFiles.class),
                context.getBean(com.wabilling.invoicing.InvoiceDao.class), referenceDir(), outputDir(), out)
                .print(java.time.YearMonth.parse(parameters.get("month")), exports.isBlank() ? null : Path.of(exports));
    }

    /** exports= or WA_BILLING_EXPORTS_DIR: the folder of month folders; empty when neither is given. */
    private String exportsDir(Map<String, String> parameters) {
        return parameters.getOrDefault("exports", context.getEnvironment().getProperty("wa-billing.exports-dir", ""));
    }

    private Path referenceDir() {
        return context.getBean(com.wabilling.support.config.ReferenceDirectory.class).path();
    }

    private Path outputDir() {
        return context.getBean(OutputDirectory.class).path();
    }

    /** The unattended monthly run; the month defaults to the previous UTC month. */
    private int monthlyRun(Map<String, String> parameters) {
        String exports = exportsDir(parameters);
        if (exports.isBlank()) {
            err.println("wa-billing: monthly-run needs the folder that holds one sub-folder of exports per month:"
                    + " set WA_BILLING_EXPORTS_DIR or give exports=<folder>");
            return ExitCodes.USAGE;
        }
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        java.time.YearMonth month = parameters.containsKey("month") ? java.time.YearMonth.parse(parameters.get("month"))
                : java.time.YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)).minusMonths(1);
        java.util.Optional<String> notOver = com.wabilling.invoicing.MonthOver.refusal(month, clock.instant());
        if (notOver.isPresent()) {
            err.println("wa-billing: monthly-run: " + notOver.get() + ", when its exports are in");
            return ExitCodes.USAGE;
        }
        return new MonthlyRun(runner, context.getBean(JobRepository.class), context.getBean(PeriodRegistry.class),
                context.getBean(ImportedFiles.class), referenceDir(), outputDir(), out, err)
                .run(month, Path.of(exports));
    }

    /** Every job on sample-data/; a demo already run is run again with a fresh rerun= value. */
    private int demo() {
        Path samples = home.resolve("sample-data");
        if (!Files.isDirectory(samples)) {
            out.println("wa-billing: demo needs " + samples + " (run it from a checkout of the project)");
            return ExitCodes.USAGE;
        }
        String[][] steps = {
            {"migrate-templates", "input=" + samples.resolve("templates.csv")},
            {"import-messages", "input=" + samples.resolve("messages")},
            {"reconstruct", "from=2023-05-25", "to=2023-06-01"},
            {"reconstruct", "from=2023-06-01", "to=2023-07-01"},
            {"reconstruct", "from=2023-07-01", "to=2023-07-06"},
            // finalized, so that besides the books each invoice gets its PDF and Peppol file
            {"invoice", "month=2023-06", "finalize=true", "invoice-date=2023-07-03"},
            // the per-message era, 2025-06 to 2026-11 (sample-data/per-message.md)
            {"import-messages", "input=" + samples.resolve("per-message")},
            {"reconstruct", "from=2025-06-01", "to=2026-11-21"},
            {"invoice", "month=2026-10", "finalize=true", "invoice-date=2026-11-02"},
            // two accounts on price plans in March 2024, numbered after the months above (sample-data/plans.md)
            {"import-messages", "input=" + samples.resolve("plans")},
            {"reconstruct", "from=2024-02-28", "to=2024-04-02"},
            {"invoice", "month=2024-03", "finalize=true", "invoice-date=2024-04-02"},
            {"invoice", "month=2026-09", "regime=PMP-2026-10"},
            // Meta's saved pricing_analytics of De Molen's October (sample-data/per-message.md, "Meta's pricing analytics")
            {"reconcile-meta", "month=2026-10", "input=" + samples.resolve("per-message").resolve("meta-analytics")},
        };
        for (String[] step : steps) {
            out.println("== " + String.join(" ", step));
            int code = demoStep(step);
            if (code != ExitCodes.OK) {
                return code;
            }
            out.println();
        }
        return ExitCodes.OK;
    }

    private int demoStep(String[] args) {
        CommandLine.Invocation invocation = CommandLine.parse(args);
        Map<String, String> parameters = new LinkedHashMap<>(invocation.parameters());
        String command = invocation.command();
        String jobName = invocation.job().name();
        JobRunner.Outcome outcome = runner.run(command, jobName, parameters);
        if (outcome.exitCode() == ExitCodes.ALREADY_COMPLETED) {
            out.println("(already done in this data directory: running it again with a new rerun= value)");
            parameters.put(JobParameterSpec.RERUN, "demo-" + System.currentTimeMillis());
            outcome = runner.run(command, jobName, parameters);
        }
        return outcome.exitCode();
    }

    public static boolean isLockFailure(Throwable e) {
        String message = Failures.rootMessage(e);
        return message.contains("lockFile") || message.contains("lock file") || message.contains("Database lock");
    }

    /** Commands about executions and months already there: they never create a database. */
    public static boolean neverCreatesDatabase(CommandLine.Invocation invocation) {
        return List.of("ops", CommandLine.STATUS).contains(invocation.command());
    }

    /** Whether the embedded database of the data directory was made (its files are there). */
    public static boolean embeddedDatabaseExists() {
        return Files.exists(dataDir().resolve("db.properties")) || Files.exists(dataDir().resolve("db.script"));
    }

    public static Path dataDir() {
        return Path.of(System.getenv().getOrDefault("WA_BILLING_DATA_DIR", "data"));
    }

    /** Another process uses the embedded database: exit 4, naming its execution. */
    public static int explainInUse(PrintStream err) {
        String running = RunningMarker.read(RunningMarker.file(dataDir()))
                .map(c -> c.description() + ", pid " + c.pid() + " on " + c.host())
                .orElse("another wa-billing process");
        err.println("wa-billing: the embedded database in " + dataDir() + " is in use: " + running
                + " is running; wait for it to finish (jobs never run at once); meanwhile jobs/wa-billing ops list"
                + " and ops show <execution-id> show it, and ops stop <execution-id> stops it at its next commit");
        return ExitCodes.ALREADY_RUNNING;
    }

    /** Startup failures are configuration problems (exit 2), said plainly; a busy database is exit 4. */
    public static int explainStartupFailure(Throwable e, PrintStream err) {
        String message = Failures.rootMessage(e);
        if (isLockFailure(e)) {
            return explainInUse(err);
        }
        Optional<String> diskFull = Failures.diskFull(e, DataDirectoryLock.applies()
                ? dataDir().toAbsolutePath().toString() : "the database server");
        if (diskFull.isPresent()) {
            err.println("wa-billing: cannot start: " + diskFull.get());
            return ExitCodes.USAGE;
        }
        err.println("wa-billing: cannot start: " + message);
        err.println("  check WA_BILLING_DATA_DIR, WA_BILLING_DB_URL, WA_BILLING_DB_USER and WA_BILLING_DB_PASSWORD");
        return ExitCodes.USAGE;
    }
}
