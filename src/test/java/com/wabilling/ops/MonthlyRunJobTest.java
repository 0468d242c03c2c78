package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.messages.StoredMessages;
import com.wabilling.support.testing.TestWorkspace;

/**
 * The scheduled monthly run as it lives (docs/operations.md, "The monthly run"): three months whose
 * exports arrive in parts over several calls, the next month's first days early, a late file of the
 * month between two calls; no human step between calls. Every call exits 0, the run says what it
 * rebuilt and why, and every month's drafts equal one clean run over all the data.
 */
@JobTest
class MonthlyRunJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("monthly-run");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    private final Path exports = WORKSPACE.root().resolve("exports");
    private final MonthlyExports traffic = new MonthlyExports(20230501L, Instant.parse("2023-05-01T00:00:00Z"),
            Instant.parse("2023-09-04T00:00:00Z"));

    @Test
    void monthAfterMonthTheRunHealsWhatLateExportsMadeStaleAndItsDraftsEqualOneCleanRun() throws Exception {
        assertThat(launch("migrate-templates", "input=sample-data/templates.csv").code()).isZero();

        // the history before the first billed month, imported and reconstructed by hand: May in two
        // overlapping parts (one compressed), with the first hours of June already in the second
        traffic.write(exports.resolve("2023-05/may-a.csv"), "2023-05-01T00:00:00Z", "2023-05-18T00:00:00Z");
        traffic.write(exports.resolve("2023-05/may-b.csv.gz"), "2023-05-17T00:00:00Z", "2023-06-01T09:30:00Z");
        assertThat(launch("import-messages", "input=" + exports.resolve("2023-05")).code()).isZero();
        assertThat(launch("reconstruct", "from=2023-05-01", "to=2023-06-01").code()).isZero();

        // 2 July: June up to the 20th (overlapping its early part) and July's first two days
        traffic.write(exports.resolve("2023-06/june-a.csv"), "2023-06-01T05:00:00Z", "2023-06-20T00:00:00Z");
        traffic.write(exports.resolve("2023-07/july-early.csv"), "2023-07-01T00:00:00Z", "2023-07-03T00:00:00Z");
        Launch juneFirst = monthlyRun("2023-06");
        assertThat(juneFirst.code()).as(juneFirst.err()).isZero();
        // June's messages reach into May's period (it reads 72 h past its end)
        assertThat(juneFirst.out()).containsPattern("period 2023-05-01\\.\\.2023-06-01 rebuilt: \\d+ more messages in the"
                + " days it reads \\(2023-04-30\\.\\.2023-06-04\\) than when it was built")
                .contains("period 2023-06-01..2023-07-02 built: ");

        // 4 July: the rest of June arrives: June's period is rebuilt with its own boundaries
        traffic.write(exports.resolve("2023-06/june-b.csv.gz"), "2023-06-19T00:00:00Z", "2023-07-01T00:00:00Z");
        Launch juneSecond = monthlyRun("2023-06");
        assertThat(juneSecond.code()).as(juneSecond.err()).isZero();
        assertThat(juneSecond.out()).contains("period 2023-06-01..2023-07-02 rebuilt: ")
                .containsPattern("== import-messages input=" + exports.resolve("2023-06") + " .*rerun=new-files-")
                .contains("skipped " + exports.resolve("2023-06/june-a.csv") + ": already imported by run");

        // 2 August: July without one account's 10th-12th, which a late file brings before the next call
        Instant gapFrom = Instant.parse("2023-07-10T00:00:00Z");
        Instant gapTo = Instant.parse("2023-07-12T00:00:00Z");
        traffic.write(exports.resolve("2023-07/july-rest.csv"), Instant.parse("2023-07-02T00:00:00Z"),
                Instant.parse("2023-08-01T00:00:00Z"), l -> !(l.waba().endsWith("3") && !l.timestamp().isBefore(gapFrom)
                        && l.timestamp().isBefore(gapTo)));
        traffic.write(exports.resolve("2023-08/august-early.csv"), "2023-08-01T00:00:00Z", "2023-08-02T12:00:00Z");
        assertThat(monthlyRun("2023-07").code()).isZero();
        traffic.write(exports.resolve("2023-07/july-late-sahyadri.csv"), gapFrom, gapTo, l -> l.waba().endsWith("3"));
        Launch julyLate = monthlyRun("2023-07");
        assertThat(julyLate.code()).as(julyLate.err()).isZero();
        assertThat(julyLate.out()).contains("july-late-sahyadri.csv").contains("period 2023-07-02..2023-08-02 rebuilt: ");

        // 3 September
        traffic.write(exports.resolve("2023-08/august-rest.csv.gz"), "2023-08-02T00:00:00Z", "2023-09-01T00:00:00Z");
        traffic.write(exports.resolve("2023-09/september-early.csv"), "2023-09-01T00:00:00Z", "2023-09-03T00:00:00Z");
        Launch august = monthlyRun("2023-08");
        assertThat(august.code()).as(august.err()).isZero();
        assertThat((long) StoredMessages.all(jdbc).size()).isEqualTo(traffic.size(Instant.parse("2023-09-03T00:00:00Z")));

        Map<String, List<String>> drafts = new LinkedHashMap<>();
        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            drafts.put(month, invoiceFiles(month));
        }

        // the same call again: nothing new, nothing done, nothing to ask the operator
        Launch again = monthlyRun("2023-08");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("nothing new").doesNotContain("rebuilt").doesNotContain("built:");
        assertThat(again.err()).doesNotContain("rerun=");

        // one clean run over all the data: everything reconstructed at once, each month invoiced again
        assertThat(launch("reconstruct", "from=2023-05-01", "to=2023-09-03", "rerun=whole").code()).isZero();
        for (String month : drafts.keySet()) {
            assertThat(launch("invoice", "month=" + month, "rerun=whole").code()).isZero();
            assertThat(invoiceFiles(month)).as(month).isEqualTo(drafts.get(month));
        }
        assertThat(drafts.get("2023-07")).anySatisfy(f -> assertThat(f).startsWith("INV-102938475610003-2023-07.csv"));
    }

    @Test
    void aMonthWithoutExportsOrNotOverYetIsRefusedNamingWhatToDo() {
        Launch missing = monthlyRun("2023-01");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains(exports.resolve("2023-01").toString())
                .contains("jobs/schedule/monthly-run 2023-01");

        String running = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Launch early = monthlyRun(running);
        assertThat(early.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(early.err()).contains("has not ended yet");
    }

    @Test
    void anExportWhoseNameIsNotUtf8IsRefusedNamingIt() throws Exception {
        Files.createDirectories(exports.resolve("2023-02"));
        // Latin-1 bytes in the name: Java cannot write them, the shell can
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$0/$(printf 'exporta\\347\\343o.csv')\"",
                exports.resolve("2023-02").toString()).inheritIO().start();
        assertThat(touch.waitFor()).isZero();

        Launch refused = monthlyRun("2023-02");

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(exports.resolve("2023-02/exporta").toString()).contains("rename it");
    }

    private Launch monthlyRun(String month) {
        return launch("monthly-run", "month=" + month, "exports=" + exports);
    }


    /** The month's books (summary, lines, conversations: the CSV files), each as its name and content. */
    static List<String> invoiceFiles(Path outputDir, String month) throws IOException {
        try (Stream<Path> files = Files.list(outputDir.resolve("invoices/" + month))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().map(f -> {
                try {
                    return f.getFileName() + "\n" + Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static List<String> invoiceFiles(String month) throws IOException {
        return invoiceFiles(WORKSPACE.output(), month);
    }
}
