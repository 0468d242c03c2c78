package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.ops.JobRunner;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.Refusal;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/billing-rules.md 4.4, "An explanation is priced once": a per-message invoice's messages file is written by the pricing
 * that computes the invoice and recorded with it; a resumed run moves it into place without pricing the month
 * again, and refuses a staged file that is missing or not the one recorded. On sample-data/per-message; each test
 * fails the compute step at Toko Nusantara (the fourth account), after three accounts' invoices were committed.
 */
@SpringBatchTest
@JobTest
class MessagesExplanationJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("messages-explanation");
    /** A copy of sample-data's reference files: a test changes the rate card between a failure and its resume. */
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String SAHYADRI = "102938475610003";
    private static final String TOKO = "102938475610004";
    private static boolean loaded;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceDao invoices;

    private final Runs runs = new Runs();

    @BeforeEach
    void loadAndReconstruct() throws Exception {
        if (!loaded) {
            completed(runs.start(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
            completed(runs.start(messageImportJob, Map.of("input", "sample-data/per-message")));
            completed(runs.start(reconstructJob, Map.of("from", "2025-06-01", "to", "2026-12-02",
                    "conversation-scope", "phone-number")));
            loaded = true;
        }
    }

    @Test
    void aResumedRunWritesTheExplanationOfTheFirstPricingEvenAfterTheRatesChanged() throws Exception {
        Map<String, String> august = Map.of("month", "2026-08", "rerun", "explained-once");
        JobExecution failed = runs.failingAtToko(august);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Path dir = WORKSPACE.output().resolve("invoices/2026-08");
        assertThat(staged(dir, SAHYADRI)).hasSize(1);
        // the rolled-back chunk left Toko Nusantara's staged file, which no committed invoice records
        assertThat(staged(dir, TOKO)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_id = ?", Long.class,
                "INV-" + TOKO + "-2026-08")).isZero();

        // India's USD rates raised between the failure and the resume: pricing Sahyadri's month again would
        // now give other unit prices than its stored invoice (the earlier version refused the resume for that)
        Path card = REFERENCE.resolve("rate-card.csv");
        String original = Files.readString(card);
        String india = "2025-07-01,India,USD,0.0107,0.0014,0.0014,\n";
        assertThat(original).contains(india);
        JobExecution resumed;
        String repriced;
        Files.writeString(card, original.replace(india, "2025-07-01,India,USD,0.0207,0.0024,0.0024,\n"));
        try {
            resumed = runs.start(invoiceJob, august);
            repriced = Files.readString(priceAgain(SAHYADRI, YearMonth.of(2026, 8)));
        } finally {
            Files.writeString(card, original);
        }
        assertThat(repriced).containsPattern(",0\\.0(207|024),"); // what a second pricing would have written

        completed(resumed);
        Path explanation = dir.resolve("INV-" + SAHYADRI + "-2026-08-messages.csv");
        List<Map<String, String>> rows = Csv.read(explanation);
        List<Map<String, String>> indiaRows = rows.stream().filter(r -> r.get("market").equals("India")).toList();
        assertThat(indiaRows).isNotEmpty().extracting(r -> r.get("unit_price")).doesNotContain("0.0207", "0.0024");
        // the explanation is the invoice's: as many messages per line as the stored lines count
        Map<String, Long> perLine = new HashMap<>();
        rows.forEach(r -> perLine.merge(r.get("category") + "|" + r.get("market") + "|" + r.get("band") + "|"
                + r.get("unit_price"), 1L, Long::sum));
        Map<String, Long> lines = new HashMap<>();
        Csv.read(dir.resolve("INV-" + SAHYADRI + "-2026-08.csv")).forEach(l -> lines.put(l.get("category") + "|"
                + l.get("market") + "|" + l.get("band") + "|" + l.get("unit_price"), Long.parseLong(l.get("messages"))));
        assertThat(perLine).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT explanation_sha256 FROM invoice WHERE invoice_id = ?", String.class,
                "INV-" + SAHYADRI + "-2026-08")).isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(explanation)));
        assertThat(jdbc.queryForObject("SELECT explanation_rows FROM invoice WHERE invoice_id = ?", Long.class,
                "INV-" + SAHYADRI + "-2026-08")).isEqualTo(rows.size());
        assertThat(staged(dir, "")).isEmpty();
    }

    @Test
    void aStagedExplanationChangedOrMissingIsRefusedAndNeverPricedAgain() throws Exception {
        Map<String, String> july = Map.of("month", "2026-07", "rerun", "explained-refused");
        assertThat(runs.failingAtToko(july).getStatus()).isEqualTo(BatchStatus.FAILED);
        Path dir = WORKSPACE.output().resolve("invoices/2026-07");
        Path first = staged(dir, "102938475610001").get(0);
        Path second = staged(dir, "102938475610002").get(0);
        byte[] firstBytes = Files.readAllBytes(first);
        byte[] secondBytes = Files.readAllBytes(second);

        // a row added by hand (its last one again): the checksum recorded with the invoice tells
        List<String> firstLines = Files.readAllLines(first);
        Files.writeString(first, firstLines.get(firstLines.size() - 1) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Refusal changed = refusal(runs.start(invoiceJob, july));
        assertThat(changed.getMessage()).contains("INV-102938475610001-2026-07")
                .contains("is not the file staged with it");
        assertThat(changed.nextStep()).contains("jobs/wa-billing invoice month=2026-07 rerun=<new value>");
        assertThat(dir.resolve("INV-102938475610001-2026-07-messages.csv")).doesNotExist();

        Files.write(first, firstBytes);
        Files.delete(second);
        Refusal missing = refusal(runs.start(invoiceJob, july));
        assertThat(missing.getMessage()).contains("INV-102938475610002-2026-07").contains("is missing from");
        assertThat(dir.resolve("INV-102938475610002-2026-07-messages.csv")).doesNotExist();

        // the file put back: the same command resumes and moves both into place as they were staged
        Files.write(second, secondBytes);
        completed(runs.start(invoiceJob, july));
        assertThat(Files.readAllBytes(dir.resolve("INV-102938475610001-2026-07-messages.csv"))).isEqualTo(firstBytes);
        assertThat(Files.readAllBytes(dir.resolve("INV-102938475610002-2026-07-messages.csv"))).isEqualTo(secondBytes);
    }

    private static Refusal refusal(JobExecution execution) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        return execution.getAllFailureExceptions().stream().filter(Refusal.class::isInstance).map(Refusal.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(execution.getAllFailureExceptions().toString()));
    }

    /** The explanation a pricing of the account's month under the reference files as they are now gives. */
    private Path priceAgain(String waba, YearMonth month) {
        ReferenceFiles files = new ReferenceFiles(REFERENCE);
        PerMessageMonth perMessage = new PerMessageMonth(new PricedMessageDao(new NamedParameterJdbcTemplate(jdbc)),
                files.accounts(), files.rateCard(), files.volumeTiers(), files.authInternational());
        return new MessagesExplanationFile(invoices, perMessage).stage(WORKSPACE.root().resolve("priced-again"),
                files.accounts().stream().filter(a -> a.wabaId().equals(waba)).findFirst().orElseThrow(), month).file();
    }

    /** The staged explanations of the month folder whose name starts with {@code .INV-<waba>}. */
    private static List<Path> staged(Path dir, String waba) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".INV-" + waba)
                    && f.getFileName().toString().endsWith(".staged.csv")).toList();
        }
    }

    /** Launch helpers, in an inner class: @SpringBatchTest takes a test's methods returning a JobExecution. */
    private final class Runs {
        /** Starts the invoice run with the insert of Toko Nusantara's invoice failing: the three before it commit. */
        JobExecution failingAtToko(Map<String, String> parameters) throws Exception {
            jdbc.execute("ALTER TABLE invoice ADD CONSTRAINT test_outage CHECK (invoice_id <> 'INV-" + TOKO + "-"
                    + parameters.get("month") + "')");
            try {
                return start(invoiceJob, parameters);
            } finally {
                jdbc.execute("ALTER TABLE invoice DROP CONSTRAINT test_outage");
            }
        }

        JobExecution start(Job job, Map<String, String> parameters) throws Exception {
            jobs.setJob(job);
            return jobs.startJob(JobRunner.toJobParameters(parameters));
        }
    }
}
