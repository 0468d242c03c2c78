package com.wabilling.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.invoicing.InvoiceJobConfiguration;
import com.wabilling.messages.ExportFolder;
import com.wabilling.messages.ImportedFiles;
import com.wabilling.messages.MessageImportJobConfiguration;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.csv.InputFiles;
import com.wabilling.support.jdbc.RunLock;

/**
 * The unattended monthly run (docs/operations.md, "The monthly run"), in one process holding the run
 * lock throughout: imports what is new in the month's export folder (and the next month's, whose
 * first days count), resumes rebuilds a crash left unfinished, builds the days the month needs that no
 * period covers and rebuilds every stale period oldest first with the boundaries it was built with (two
 * rounds), and writes the month's drafts. It stops with a non-zero exit only for what a person must fix.
 */
class MonthlyRun {

    private final JobRunner runner;
    private final JobRepository repository;
    private final PeriodRegistry ledger;
    private final ImportedFiles importedFiles;
    private final Path referenceDir;
    private final Path outputDir;
    private final PrintStream out;
    private final PrintStream err;

    MonthlyRun(JobRunner runner, JobRepository repository, PeriodRegistry ledger, ImportedFiles importedFiles,
            Path referenceDir, Path outputDir, PrintStream out, PrintStream err) {
        this.runner = runner;
        this.repository = repository;
        this.ledger = ledger;
        this.importedFiles = importedFiles;
        this.referenceDir = referenceDir;
        this.outputDir = outputDir;
        this.out = out;
        this.err = err;
    }

    /** A step that did not complete: the run stops with its exit code (the job said what to fix). */
    private static final class Stopped extends RuntimeException {
        final int exitCode;

        Stopped(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    int run(YearMonth month, Path exports) {
        Path folder = exports.resolve(month.toString());
        if (!Files.isDirectory(folder) || !holdsExports(folder)) {
            err.println("monthly-run: no exports for " + month + " in " + folder + " (*.csv, *.csv.gz): nothing imported,"
                    + " no invoices written. Put the month's exports there and run: jobs/schedule/monthly-run " + month);
            return ExitCodes.USAGE;
        }
        Optional<RunLock> lock = runner.runLock();
        if (lock.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLock held = lock.get()) {
            out.println("monthly-run " + month + ": exports from " + folder);
            importFolder(folder);
            Path next = exports.resolve(month.plusMonths(1).toString());
            if (Files.isDirectory(next) && holdsExports(next)) {
                importFolder(next);
            }
            resumeUnfinished();
            // built before healing, so that a stale period after a new gap starts from known state; healed again
            // after, since a newly built period can change what a later one carries in
            for (int round = 0; round < 2; round++) {
                build(month);
                heal();
            }
            invoice(month);
            out.println("monthly-run " + month + ": done; draft invoices in " + outputDir.resolve("invoices")
                    .resolve(month.toString()) + ". Finalize when the month is complete: jobs/wa-billing invoice"
                    + " month=" + month + " finalize=true");
            return ExitCodes.OK;
        } catch (Stopped stopped) {
            err.println("monthly-run " + month + ": stopped; fix what is named above, then run jobs/schedule/monthly-run "
                    + month + " again (what completed is kept, an interrupted step resumes)");
            return stopped.exitCode;
        }
    }

    private void importFolder(Path folder) {
        ExportFolder files;
        try {
            files = ExportFolder.of(folder.toString(), importedFiles);
        } catch (InputFiles.UnnameableFileException e) {
            err.println("monthly-run: the exports folder " + e.getMessage());
            throw new Stopped(ExitCodes.USAGE);
        }
        if (!files.hasNewFiles()) {
            out.println("== import " + folder + ": nothing new (" + files.imported().size() + " file(s) imported before)");
            return;
        }
        // keyed by the new files' content: a copy replaced after a failed read (an upload not finished) is a new run
        job(MessageImportJobConfiguration.JOB_NAME, Map.of("input", folder.toString(),
                JobParameterSpec.RERUN, "new-files-" + files.freshKey()));
    }

    /** Rebuilds a crash or a failure left unfinished, oldest first, each resumed with its own command. */
    private void resumeUnfinished() {
        PeriodRepairs repairs = new PeriodRepairs(ledger);
        repeat(repairs::nextUnfinished);
    }

    /** Stale periods, oldest first, until none is left. */
    private void heal() {
        PeriodRepairs repairs = new PeriodRepairs(ledger);
        repeat(repairs::nextStale);
    }

    private void repeat(java.util.function.Supplier<Optional<PeriodRepairs.Repair>> repairs) {
        Set<String> done = new HashSet<>();
        for (Optional<PeriodRepairs.Repair> next = repairs.get(); next.isPresent(); next = repairs.get()) {
            PeriodRepairs.Repair repair = next.get();
            if (!done.add(repair.mode() + " " + repair.from() + " " + repair.to() + " " + repair.unfinished())) {
                err.println("monthly-run: period " + repair.from() + ".." + repair.to() + " is still to be rebuilt after"
                        + " it was rebuilt in this run; look at: jobs/wa-billing ops list");
                throw new Stopped(ExitCodes.FAILED);
            }
            out.println("== period " + repair.from() + ".." + repair.to() + scopeNote(repair.mode()) + " rebuilt: "
                    + repair.why());
            run(repair.arguments());
        }
    }

    /** The days the month needs that no period covers, each from a start whose state is known. */
    private void build(YearMonth month) {
        for (MonthlyRunPlan.Days gap : MonthlyRunPlan.gaps(MonthlyRunPlan.needed(month),
                ledger.recorded(ScopeMode.PHONE_NUMBER))) {
            Period asked = new Period(gap.from(), gap.to(), ScopeMode.PHONE_NUMBER);
            LocalDate from = ledger.exactStartInstead(asked).orElse(gap.from());
            Period period = new Period(from, gap.to(), ScopeMode.PHONE_NUMBER);
            out.println("== period " + from + ".." + gap.to() + " built: the month needs " + gap + " and no"
                    + " reconstructed period covers it" + (from.equals(gap.from()) ? ""
                            : " (it starts on " + from + ", where the conversations open before it are known)"));
            run(PeriodRepairs.reconstruct(from, gap.to(), ScopeMode.PHONE_NUMBER,
                    MonthlyRunPlan.key("build", from, gap.to(), ledger.windowMessages(period))));
        }
    }

    /** The drafts, as a new run whenever a period they use or a reference file changed. */
    private void invoice(YearMonth month) {
        String key = MonthlyRunPlan.key("invoice", month, ledger.recorded(ScopeMode.PHONE_NUMBER), referenceFiles());
        job(InvoiceJobConfiguration.JOB_NAME, Map.of("month", month.toString(), "rerun", key));
    }

    private void run(String[] arguments) {
        CommandLine.Invocation invocation;
        try {
            invocation = CommandLine.parse(arguments);
        } catch (com.wabilling.support.batch.UsageException e) {
            err.println("monthly-run: cannot run '" + String.join(" ", arguments) + "': " + e.getMessage()
                    + "; run that reconstruct by hand (jobs/wa-billing ops list shows it), then the monthly run again");
            throw new Stopped(ExitCodes.USAGE);
        }
        job(invocation.job().name(), invocation.parameters());
    }

    /** Runs a job unless that exact run completed before; a step that does not complete stops the month. */
    private void job(String jobName, Map<String, String> given) {
        Map<String, String> parameters = CommandLine.find(jobName).orElseThrow().resolve(new LinkedHashMap<>(given));
        String command = jobName + " " + String.join(" ", parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        JobExecution last = repository.getLastJobExecution(jobName, JobRunner.toJobParameters(parameters));
        if (last != null && last.getStatus() == BatchStatus.COMPLETED
                && !jobName.equals(MessageImportJobConfiguration.JOB_NAME)) {
            out.println("== " + command + ": already done (execution " + last.getId() + "), nothing changed since");
            return;
        }
        out.println("== " + command);
        int code = runner.runLocked(command, jobName, parameters).exitCode();
        if (code != ExitCodes.OK && code != ExitCodes.ALREADY_COMPLETED) {
            throw new Stopped(code);
        }
    }

    private String referenceFiles() {
        try (Stream<Path> files = Files.list(referenceDir)) {
            return String.join("\n", files.filter(Files::isRegularFile).sorted().map(f -> {
                try {
                    // by content: a fix copied with its old modification time (cp -p) is a change too
                    return f.getFileName() + " " + org.apache.commons.codec.digest.DigestUtils.sha256Hex(
                            Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        } catch (IOException e) {
            return "unreadable " + referenceDir; // the invoice job names the problem
        }
    }

    /** Whether the folder holds export files (*.csv, *.csv.gz). */
    static boolean holdsExports(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String scopeNote(ScopeMode mode) {
        return mode == ScopeMode.PHONE_NUMBER ? "" : " (conversation-scope=" + mode.parameter() + ")";
    }
}
