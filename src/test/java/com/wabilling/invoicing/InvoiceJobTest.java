package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.ops.JobRunner;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.pricing.RateCard;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/** invoice end to end: draft, re-run, finalize, late data, adjustment; the refusals that protect the money. */
@SpringBatchTest
@SpringBootTest
class InvoiceJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("invoice");
    private static boolean loaded;
    private static int reruns;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", () -> "sample-data");
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    Job templateMigrationJob;
    @Autowired
    Job messageImportJob;
    @Autowired
    Job reconstructJob;
    @Autowired
    Job invoiceJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceDao invoices;

    private final Runs runs = new Runs();

    @BeforeEach
    void loadSampleMonths() throws Exception {
        if (!loaded) {
            assertThat(runs.run(templateMigrationJob, Map.of("input", "sample-data/templates.csv")).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(runs.run(messageImportJob, Map.of("input", "sample-data/messages")).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(runs.run(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-07-06")).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            loaded = true;
        }
    }

    @Test
    void draftRerunFinalizeLateDataAdjustment() throws Exception {
        // draft, then a re-run that replaces it
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> draft = summary();
        assertThat(draft).hasSize(5).allSatisfy(r -> assertThat(r).containsEntry("status", "DRAFT")
                .containsEntry("invoice_number", "").containsEntry("kind", "INVOICE"));
        runs.invoice("2023-06", false);
        assertThat(summary()).isEqualTo(draft);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE billing_month = '2023-06'", Integer.class))
                .isEqualTo(5);
        Map<String, String> aurora = draft.get(0);
        List<Map<String, String>> auroraLines = lines(aurora.get("invoice_id"));
        assertThat(auroraLines.stream().mapToDouble(l -> Double.parseDouble(l.get("amount"))).sum())
                .isCloseTo(Double.parseDouble(aurora.get("subtotal")), org.assertj.core.data.Offset.offset(0.001));

        // finalize: consecutive numbers, gap-free
        runs.invoice("2023-06", true);
        List<Map<String, String>> finalized = summary();
        assertThat(finalized).allSatisfy(r -> assertThat(r).containsEntry("status", "FINALIZED"));
        List<Integer> numbers = finalized.stream().map(r -> Integer.parseInt(r.get("invoice_number").substring(3)))
                .sorted().toList();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);

        // unchanged data: nothing new
        runs.invoice("2023-06", false);
        assertThat(summary()).isEqualTo(finalized);

        // late data for Loja Aurora: a marketing conversation in June
        Path late = Files.writeString(WORKSPACE.root().resolve("late.csv"),
                "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,template_language,"
                        + "timestamp,status,delivered_at,entry_point\n"
                        + "late.1,102938475610001,110000000000001,5511900000001,outbound,template,promo_inverno,pt_BR,"
                        + "2023-06-20T15:00:00Z,read,2023-06-20T15:00:03Z,\n");
        runs.run(messageImportJob, Map.of("input", late.toString()));
        runs.run(reconstructJob, Map.of("from", "2023-06-01", "to", "2023-07-01"));
        runs.invoice("2023-06", false);

        List<Map<String, String>> withAdjustment = summary();
        assertThat(withAdjustment).hasSize(6);
        assertThat(withAdjustment.stream().filter(r -> !r.get("kind").equals("ADJUSTMENT")).toList())
                .as("a finalized invoice never changes").isEqualTo(finalized);
        Map<String, String> adjustment = withAdjustment.stream().filter(r -> r.get("kind").equals("ADJUSTMENT"))
                .findFirst().orElseThrow();
        assertThat(adjustment).containsEntry("status", "DRAFT").containsEntry("waba_id", "102938475610001")
                .containsEntry("conversations", "1").containsEntry("billable", "1")
                // the Brazil marketing line went from 45 x 0.0625 = 2.8125 -> 2.81 to 46 x 0.0625 = 2.875 -> 2.88
                .containsEntry("subtotal", "0.07");
        assertThat(lines(adjustment.get("invoice_id"))).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("category", "MARKETING").containsEntry("market", "Brazil")
                .containsEntry("unit_price", "0.0625"));
        assertThat(jdbc.queryForObject("SELECT references_invoice_id FROM invoice WHERE kind = 'ADJUSTMENT'",
                String.class)).isEqualTo("INV-102938475610001-2023-06");

        // the draft adjustment is finalized with the next number; then nothing more to do
        runs.invoice("2023-06", true);
        runs.invoice("2023-06", false);
        assertThat(summary()).hasSize(6).allSatisfy(r -> assertThat(r).containsEntry("status", "FINALIZED"));

        // replacing drafts cannot touch a finalized invoice
        Integer lines = jdbc.queryForObject("SELECT COUNT(*) FROM invoice_line", Integer.class);
        invoices.deleteDrafts("102938475610001", YearMonth.of(2023, 6));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_line", Integer.class)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE waba_id = '102938475610001'"
                + " AND billing_month = '2023-06'", Integer.class)).isEqualTo(2);
    }

    @Test
    void monthNotFullyReconstructedIsRefusedNamingTheMissingRange() throws Exception {
        JobExecution execution = runs.invoice("2023-07", false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        String reason = execution.getAllFailureExceptions().get(0).getMessage();
        assertThat(reason).contains("cannot invoice 2023-07")
                .contains("102938475610002 (Kaashandel De Molen, Europe/Amsterdam): 2023-07-06T00:00:00Z to 2023-07-31T22:00:00Z")
                .contains("jobs/wa-billing reconstruct from=2023-07-06 to=2023-08-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE billing_month = '2023-07'", Integer.class))
                .isZero();
    }

    @Test
    void aReconstructThatDidNotFinishIsNoCoverage() throws Exception {
        // issue 8.1: a re-run of the month's reconstruct clears its conversations, then fails
        Map<String, String> rebuild = Map.of("from", "2023-05-25", "to", "2023-07-06", "rerun", "unfinished");
        long lastRun = jdbc.queryForObject("SELECT MAX(run_id) FROM conversation", Long.class);
        jdbc.execute("ALTER TABLE conversation ADD CONSTRAINT test_outage CHECK (category <> 'MARKETING' OR run_id <= "
                + lastRun + ")");
        JobExecution failed;
        try {
            failed = runs.resume(reconstructJob, rebuild);
        } finally {
            jdbc.execute("ALTER TABLE conversation DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Integer invoicesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class);

        JobExecution refused = runs.invoice("2023-06", false);

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage()).contains("cannot invoice 2023-06")
                .contains("2023-05-25T00:00:00Z to 2023-07-06T00:00:00Z is being rebuilt")
                .contains("jobs/wa-billing reconstruct conversation-scope=phone-number from=2023-05-25 rerun=unfinished"
                        + " to=2023-07-06");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isEqualTo(invoicesBefore);

        // the command it names finishes the rebuild; then the month is billed again
        assertThat(runs.resume(reconstructJob, rebuild).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary()).filteredOn(r -> r.get("kind").equals("INVOICE")).hasSize(5);
    }

    @Test
    void missingRatesAreListedInFull() {
        ReferenceFiles files = new ReferenceFiles(Path.of("sample-data"));
        RateCard withoutBrazil = new RateCard(List.of(
                InvoiceCalculatorTest.row("2023-06-01", "Other", "0.0604", "0.0338", "0.0304", "0.0145")));

        assertThatThrownBy(() -> new InvoicePreflight(invoices).check(files.accounts(), withoutBrazil,
                YearMonth.of(2023, 6)))
                .isInstanceOf(MissingRatesException.class)
                .satisfies(e -> {
                    List<MissingRatesException.MissingRate> missing = ((MissingRatesException) e).missing();
                    assertThat(missing).extracting(MissingRatesException.MissingRate::market)
                            .contains("Brazil", "India", "Colombia").doesNotContain("Other");
                    assertThat(missing).doesNotHaveDuplicates();
                    assertThat(missing).extracting(m -> m.date().getMonthValue()).containsOnly(6);
                })
                .hasMessageContaining("Brazil, MARKETING, USD, 2023-06-");
    }

    private static List<Map<String, String>> summary() {
        return Csv.read(WORKSPACE.output().resolve("invoices/2023-06/summary.csv"));
    }

    private static List<Map<String, String>> lines(String invoiceId) {
        return Csv.read(WORKSPACE.output().resolve("invoices/2023-06/" + invoiceId + ".csv"));
    }

    /** In an inner class: @SpringBatchTest takes test-class methods returning JobExecution for factories. */
    private final class Runs {
        JobExecution invoice(String month, boolean finalize) throws Exception {
            return run(invoiceJob, Map.of("month", month, "finalize", Boolean.toString(finalize)));
        }

        /** Starts or resumes exactly these parameters (the same command again). */
        JobExecution resume(Job job, Map<String, String> parameters) throws Exception {
            jobs.setJob(job);
            Map<String, String> withDefaults = new java.util.HashMap<>(parameters);
            withDefaults.putIfAbsent("conversation-scope", "phone-number");
            return jobs.startJob(JobRunner.toJobParameters(withDefaults));
        }

        JobExecution run(Job job, Map<String, String> parameters) throws Exception {
            jobs.setJob(job);
            Map<String, String> unique = new java.util.HashMap<>(parameters);
            unique.put("rerun", Integer.toString(++reruns));
            return jobs.startJob(JobRunner.toJobParameters(unique));
        }
    }
}
