package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.testing.TestWorkspace;

/** ops list | show | restart | stop | abandon | recover against the real job repository. */
@JobTest
class OpsCommandsTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("ops");
    private static final String HEADER = "template_id,waba_id,name,language,category,body\n";
    private static int files;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JobRepository repository;
    @Autowired
    JobOperator operator;
    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private JobRunner runner;
    private OpsCommands ops;

    @BeforeEach
    void commands() {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        runner = new JobRunner(context, repository, operator, o, e);
        ops = new OpsCommands(repository, operator, runner, o, e);
    }

    @Test
    void listAndShowDescribeExecutionsWithCountsAndFailures() throws Exception {
        // two templates, an identical repeat of T1 (a duplicate) and a template without body (a reject)
        String input = catalogue("T1,100,a,en,UTILITY,Your order shipped\nT2,100,b,en,MARKETING,Sale now\n"
                + "T1,100,a,en,UTILITY,Your order shipped\nT4,100,d,en,UTILITY,\n");
        JobRunner.Outcome ok = runner.run("migrate-templates", "migrate-templates", params(input));
        String missing = Files.writeString(WORKSPACE.root().resolve("nobody.csv"), "template_id\nT9\n").toString();
        JobRunner.Outcome failed = runner.run("migrate-templates", "migrate-templates", params(missing));

        assertThat(ops.run(List.of("list"))).isZero();
        assertThat(text(out)).contains("migrate-templates", "COMPLETED", "FAILED", "input=" + input)
                .containsPattern("\\b" + ok.execution().getId() + "\\s+migrate-templates");
        // read 4 = write 2 + filter 1 + skip 1
        assertThat(text(out)).containsPattern("read\\s+write\\s+filter\\s+skip\\n")
                .containsPattern("(?m)^\\s*" + ok.execution().getId() + "\\s.*\\s4\\s+2\\s+1\\s+1$");
        out.reset();
        assertThat(ops.run(List.of("show", Long.toString(failed.execution().getId())))).isZero();
        assertThat(text(out)).contains("classify-templates", "FAILED", "required column 'waba_id' is missing");
        assertThat(text(err)).contains("reason: required column 'waba_id' is missing");
    }

    @Test
    void unknownExecutionsAndImpossibleActionsGetAClearMessage() throws Exception {
        JobRunner.Outcome ok = runner.run("migrate-templates", "migrate-templates",
                params(catalogue("T3,100,c,en,UTILITY,Your order shipped\n")));

        assertThat(ops.run(List.of("show", "987654"))).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("there is no execution 987654");
        assertThat(ops.run(List.of("stop", Long.toString(ok.execution().getId())))).isEqualTo(ExitCodes.USAGE);
        assertThat(text(err)).contains("is COMPLETED, not running: nothing to stop");
        assertThat(ops.run(List.of("restart", Long.toString(ok.execution().getId()))))
                .isEqualTo(ExitCodes.ALREADY_COMPLETED);
    }

    @Test
    void restartResumesAFailedExecutionAndAbandonMakesOneUnrestartable() throws Exception {
        Path file = WORKSPACE.root().resolve("fixable.csv");
        Files.writeString(file, "template_id,name\nT1,x\n");
        JobRunner.Outcome failed = runner.run("migrate-templates", "migrate-templates", params(file.toString()));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
        Files.writeString(file, HEADER + "T5,100,e,en,UTILITY,Your order shipped\n");

        assertThat(ops.run(List.of("restart", Long.toString(failed.execution().getId())))).isZero();
        assertThat(repository.getLastJobExecution("migrate-templates", JobRunner.toJobParameters(params(file.toString())))
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path other = WORKSPACE.root().resolve("broken.csv");
        Files.writeString(other, "template_id\nT1\n");
        JobRunner.Outcome broken = runner.run("migrate-templates", "migrate-templates", params(other.toString()));
        assertThat(ops.run(List.of("abandon", Long.toString(broken.execution().getId())))).isZero();
        assertThat(runner.run("migrate-templates", "migrate-templates", params(other.toString())).exitCode())
                .isEqualTo(ExitCodes.FAILED);
        assertThat(text(err)).contains("was abandoned and cannot be resumed");
    }

    @Test
    void stopLeavesTheRunningStepsRowsToTheirOwnProcess() throws Exception {
        // a job of another process, in the middle of its import step
        JobParameters parameters = JobRunner.toJobParameters(Map.of("input", "running.csv"));
        JobInstance instance = repository.createJobInstance("import-messages", parameters);
        JobExecution running = repository.createJobExecution(instance, parameters, new ExecutionContext());
        running.setStatus(BatchStatus.STARTED);
        running.setStartTime(LocalDateTime.now());
        repository.update(running);
        StepExecution step = repository.createStepExecution(
                com.wabilling.messages.MessageImportJobConfiguration.IMPORT_STEP, running);
        step.setStatus(BatchStatus.STARTED);
        step.setStartTime(LocalDateTime.now());
        repository.update(step);

        assertThat(ops.run(List.of("stop", Long.toString(running.getId())))).as(text(err)).isZero();

        // the running process commits its next chunk with the version it holds: a stop that rewrote the step's
        // row makes this commit fail ("wrong version"), and the job ends FAILED instead of STOPPED
        step.setWriteCount(step.getWriteCount() + 1000);
        repository.update(step);
        assertThat(repository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
        assertThat(repository.getStepExecution(step.getId()).getWriteCount()).isEqualTo(1000);
        assertThat(text(out)).contains("asked to stop");
    }

    @Test
    void recoverMarksExecutionsOfDeadProcessesFailed() {
        JobInstance instance = repository.createJobInstance("import-messages",
                JobRunner.toJobParameters(Map.of("input", "crashed.csv")));
        ExecutionContext context = new ExecutionContext();
        context.putString(ProcessOwner.HOST_KEY, ProcessOwner.hostName());
        context.putLong(ProcessOwner.PID_KEY, deadPid());
        JobExecution crashed = repository.createJobExecution(instance, JobRunner.toJobParameters(
                Map.of("input", "crashed.csv")), context);
        crashed.setStatus(BatchStatus.STARTED);
        crashed.setStartTime(LocalDateTime.now());
        repository.update(crashed);
        assertThat(ops.run(List.of("show", Long.toString(crashed.getId())))).isZero();
        assertThat(text(out)).contains("which is gone: the execution was left STARTED by a killed process");
        out.reset();

        assertThat(ops.run(List.of("recover"))).isZero();

        assertThat(repository.getJobExecution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(text(out)).contains("Recovered execution " + crashed.getId());
    }

    @Test
    void anExecutionKilledBeforeItRecordedItsProcessIsResumedByTheSameCommand() throws Exception {
        // Kill -9 in the first second: the execution exists, no owner was ever recorded
        Map<String, String> parameters = params(catalogue("T7,100,g,en,UTILITY,Your order shipped\n"));
        JobInstance instance = repository.createJobInstance("migrate-templates", JobRunner.toJobParameters(parameters));
        JobExecution orphan = repository.createJobExecution(instance, JobRunner.toJobParameters(parameters),
                new ExecutionContext());
        orphan.setStatus(BatchStatus.STARTED);
        orphan.setStartTime(LocalDateTime.now());
        repository.update(orphan);

        JobRunner.Outcome outcome = runner.run("migrate-templates", "migrate-templates", parameters);

        assertThat(outcome.exitCode()).isZero();
        assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.execution().getJobInstance().getInstanceId()).isEqualTo(instance.getInstanceId());
        assertThat(text(out)).contains("Execution " + orphan.getId() + " was left STARTED by an unknown process");
    }

    @Test
    void onPostgresqlASecondLaunchWhileAJobHoldsTheRunLockIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("postgresql".equals(System.getProperty("wa-billing.test-db")),
                "the embedded database admits one process at a time by itself (CrashRecoveryTest)");
        Map<String, String> parameters = params(catalogue("T8,100,h,en,UTILITY,Your order shipped\n"));
        try (var other = context.getBean(javax.sql.DataSource.class).getConnection()) {
            // what a running job of another process holds for its whole run
            try (var s = other.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + 0x7761_4269L + ")");
            }
            JobRunner.Outcome refused = runner.run("migrate-templates", "migrate-templates", parameters);
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(text(err)).contains("another wa-billing job is running on this database");
            assertThat(ops.run(List.of("recover"))).isEqualTo(ExitCodes.ALREADY_RUNNING);
            try (var s = other.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + 0x7761_4269L + ")");
            }
        }
        assertThat(runner.run("migrate-templates", "migrate-templates", parameters).exitCode()).isZero();
    }

    private static long deadPid() {
        long pid = ProcessHandle.current().pid() + 100_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    private static Map<String, String> params(String input) {
        return Map.of("input", input, "effective-date", "2023-04-01", "max-rejects", "1000");
    }

    private static String catalogue(String rows) throws Exception {
        return Files.writeString(WORKSPACE.root().resolve("catalogue-" + (++files) + ".csv"), HEADER + rows).toString();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
