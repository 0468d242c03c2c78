package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * A month that has not ended, or a period reaching into days that have not begun, is refused before
 * the job starts (exit 2, docs/billing-rules.md 4.1), by the application's clock: fixed here at 2026-12-06 10:00 UTC.
 */
@JobTest
class MonthNotOverTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("month-not-over");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", () -> "sample-data");
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

    @BeforeEach
    void runner() {
        runner = new JobRunner(context, repository, operator, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theRunningMonthAndAFutureMonthAreRefusedBeforeTheJobStarts() {
        long executions = executions();

        // December 2026 ends at 2027-01-01 00:00 in UTC-12, the last zone to end a day: 2027-01-01T12:00Z
        assertThat(run("invoice", Map.of("month", "2026-12"))).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("invoice: month=2026-12 has not ended yet")
                .contains("its last account-local day ends at 2027-01-01T12:00:00Z")
                .contains("run it from 2027-01-01T12:00:00Z on");
        assertThat(run("invoice", Map.of("month", "2027-01", "finalize", "true"))).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("invoice: month=2027-01 has not ended yet")
                .contains("run it from 2027-02-01T12:00:00Z on");
        assertThat(executions()).as("no execution was created").isEqualTo(executions);
    }

    @Test
    void aPeriodReachingPastTodayIsRefusedAndOneEndingWithTodayRuns() {
        long executions = executions();

        // today is 2026-12-06 (UTC): a period may include it, so to=2026-12-07 at the latest
        assertThat(run("reconstruct", Map.of("from", "2026-12-01", "to", "2026-12-08"))).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("reconstruct: to=2026-12-08 is after tomorrow (2026-12-07, UTC)")
                .contains("run it from 2026-12-07 (UTC) on");
        assertThat(executions()).isEqualTo(executions);

        assertThat(run("reconstruct", Map.of("from", "2026-12-01", "to", "2026-12-07"))).isEqualTo(ExitCodes.OK);
    }

    @Test
    void thePreviousMonthIsInvoicedOnceItHasEndedEverywhere() {
        // every account's local November 2026 lies in [2026-10-31, 2026-12-02) UTC; no messages: no invoices
        assertThat(run("reconstruct", Map.of("from", "2026-10-31", "to", "2026-12-02"))).isEqualTo(ExitCodes.OK);

        assertThat(run("invoice", Map.of("month", "2026-11"))).as(this::errors).isEqualTo(ExitCodes.OK);
    }

    private int run(String command, Map<String, String> parameters) {
        Map<String, String> resolved = CommandLine.find(command).orElseThrow()
                .resolve(SuiteJobs.newRunParameters(parameters));
        return runner.run(command, command, resolved).exitCode();
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private long executions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution", Long.class);
    }
}
