package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "A month at a glance": status follows a month from its first export to its
 * finalized invoices, naming at each stage what is missing or stale and the one command to run next.
 */
@JobTest
class MonthStatusJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("status");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }


    private final Path exports = WORKSPACE.root().resolve("exports");
    private final MonthlyExports traffic = new MonthlyExports(5L, Instant.parse("2023-06-01T00:00:00Z"),
            Instant.parse("2023-07-03T00:00:00Z"));

    @Test
    void statusFollowsTheMonthAndNamesTheNextCommand() throws Exception {
        assertThat(run("migrate-templates", "input=sample-data/templates.csv")).startsWith("0");
        traffic.write(exports.resolve("2023-06/june-a.csv"), "2023-06-01T00:00:00Z", "2023-06-20T00:00:00Z");
        String fresh = status();
        assertThat(fresh).contains("june-a.csv: NOT IMPORTED").contains("2023-05-31..2023-07-02: MISSING")
                .contains("Invoices: none yet").contains("Next: jobs/schedule/monthly-run 2023-06 ");

        traffic.write(exports.resolve("2023-07/july-early.csv"), "2023-07-01T00:00:00Z", "2023-07-03T00:00:00Z");
        assertThat(run("monthly-run", "month=2023-06", "exports=" + exports)).startsWith("0");
        String drafted = status();
        assertThat(drafted).containsPattern("june-a.csv: imported by run \\d+ at ")
                .contains("2023-05-31..2023-07-02: reconstructed, up to date")
                .containsPattern("INV-102938475610001-2023-06\\s+INVOICE\\s+DRAFT")
                .contains("Next: check the drafts in " + WORKSPACE.output().resolve("invoices/2023-06")
                        + ", then: jobs/wa-billing invoice month=2023-06 finalize=true");

        // a late part of June: not imported yet, then imported by hand, which makes the period stale
        traffic.write(exports.resolve("2023-06/june-b.csv"), "2023-06-19T00:00:00Z", "2023-07-01T00:00:00Z");
        assertThat(status()).contains("june-b.csv: NOT IMPORTED").contains("Next: jobs/schedule/monthly-run 2023-06 ");
        assertThat(run("import-messages", "input=" + exports.resolve("2023-06"))).startsWith("0");
        assertThat(status()).containsPattern("2023-05-31\\.\\.2023-07-02: STALE: \\d+ more messages in the days it reads")
                .contains("Next: jobs/schedule/monthly-run 2023-06 ");

        assertThat(run("monthly-run", "month=2023-06", "exports=" + exports)).startsWith("0");
        assertThat(run("invoice", "month=2023-06", "finalize=true", "invoice-date=2023-07-03")).startsWith("0");
        assertThat(status()).containsPattern("INV-102938475610001-2023-06\\s+INVOICE\\s+FINALIZED\\s+WA-\\d{6}\\s+2023-07-03")
                .contains("Next: nothing: every invoice of 2023-06 is finalized");
    }

    private String status() {
        String text = run("status", "month=2023-06", "exports=" + exports);
        assertThat(text).startsWith("0");
        return text;
    }

    /** The exit code, then everything the launch printed. */
    private String run(String... args) {
        return launch(args).text();
    }
}
