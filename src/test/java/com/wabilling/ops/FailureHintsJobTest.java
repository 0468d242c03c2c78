package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

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
 * docs/operations.md, "Non-zero exits": every refusal ends with the one step that fixes it, never
 * with "run the same command again", which cannot help while the cause is there.
 */
@JobTest
class FailureHintsJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("hints");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Test
    void eachRefusalNamesTheStepThatFixesIt() throws Exception {
        Files.createDirectories(WORKSPACE.root().resolve("bad"));
        Path exports = WORKSPACE.root().resolve("exports");
        new MonthlyExports(11L, Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2023-07-03T00:00:00Z"))
                .write(exports.resolve("june.csv"), "2023-06-01T00:00:00Z", "2023-07-03T00:00:00Z");
        assertThat(run("migrate-templates", "input=sample-data/templates.csv")).startsWith("0");
        assertThat(run("import-messages", "input=" + exports)).startsWith("0");

        assertThat(run("invoice", "month=2023-05")).startsWith("1")
                .contains("next: invoice a month from 2023-06 on").doesNotContain("run the same command again to resume");
        assertThat(run("invoice", "month=2023-06")).startsWith("1").contains("is not reconstructed")
                .contains("next: run the reconstruct commands named above, in order (jobs/schedule/monthly-run 2023-06"
                        + " does this by itself); then run the same invoice command again");
        assertThat(run("reconstruct", "from=2023-06-10", "to=2023-07-02")).startsWith("1")
                .contains("next: run the reconstruct command named above instead of this one");

        String markets = Files.readString(REFERENCE.resolve("markets.csv"));
        Files.writeString(REFERENCE.resolve("markets.csv"), markets + "x55,Nowhere,Nowhere\n");
        assertThat(run("reconstruct", "from=2023-05-31", "to=2023-07-02")).startsWith("1")
                .contains("next: fix " + REFERENCE.resolve("markets.csv") + " at the line named above, then run the"
                        + " same command again");
        Files.writeString(REFERENCE.resolve("markets.csv"), markets);
        assertThat(run("reconstruct", "from=2023-05-31", "to=2023-07-02")).startsWith("0");

        String rates = Files.readString(REFERENCE.resolve("rate-card.csv"));
        Files.writeString(REFERENCE.resolve("rate-card.csv"), rates.lines()
                .filter(l -> !l.startsWith("2023-06-01,Indonesia,USD")).reduce("", (a, l) -> a + l + "\n"));
        assertThat(run("invoice", "month=2023-06")).startsWith("1").contains("Indonesia")
                .contains("next: fix rate-card.csv in the reference folder");
        Files.writeString(REFERENCE.resolve("rate-card.csv"), rates);

        String accounts = Files.readString(REFERENCE.resolve("accounts.csv"));
        Files.writeString(REFERENCE.resolve("accounts.csv"), accounts.lines()
                .filter(l -> !l.startsWith("102938475610004,")).reduce("", (a, l) -> a + l + "\n"));
        assertThat(run("invoice", "month=2023-06")).startsWith("1").contains("102938475610004")
                .contains("next: add each WABA named above to accounts.csv, or leave it out deliberately with leave-out=");
        Files.writeString(REFERENCE.resolve("accounts.csv"), accounts);

        // fixed: the same command resumes and completes
        assertThat(run("invoice", "month=2023-06")).startsWith("0");

        // input files a person must replace
        Path noColumn = Files.writeString(WORKSPACE.root().resolve("bad/no-direction.csv"),
                "message_id,waba_id,phone_number_id,customer_wa_id,type,timestamp\n");
        assertThat(run("import-messages", "input=" + noColumn)).startsWith("1").contains("'direction' is missing")
                .contains("next: export " + noColumn + " again with the column named above");
        Path cut = WORKSPACE.root().resolve("bad/cut.csv.gz");
        byte[] whole;
        try (var bytes = new java.io.ByteArrayOutputStream(); var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(exports.resolve("june.csv")));
            gz.finish();
            whole = bytes.toByteArray();
        }
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(run("import-messages", "input=" + cut)).startsWith("1").contains("reading stopped")
                .contains("next: replace the file named above with a complete copy, then run the same command again");
    }

    /** The exit code, then everything the launch printed. */
    private String run(String... args) {
        return launch(args).text();
    }
}
