package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.ops.JobRunner;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/** invoice end to end: draft, re-run, finalize, late data, adjustment; the refusals that protect the money. */
@SpringBatchTest
@JobTest
class InvoiceJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("invoice");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", () -> "sample-data");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceDao invoices;
    @Autowired
    PeriodRegistry ledger;
    @Autowired
    ApplicationContext context;
    @Autowired
    JobRepository repository;
    @Autowired
    JobOperator operator;

    private final Runs runs = new Runs();

    /** The sample months reconstructed. */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/messages")));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-07-06")));
    }

    @Test
    void draftRerunFinalizeLateDataAdjustment() throws Exception {
        // draft, then a re-run that replaces it
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> draft = summary();
        assertThat(draft).hasSize(5).allSatisfy(r -> assertThat(r).containsEntry("status", "DRAFT")
                .containsEntry("invoice_number", "").containsEntry("kind", "INVOICE"));
        Path molenPdf = WORKSPACE.output().resolve("invoices/2023-06/INV-102938475610002-2023-06.pdf");
        Files.setLastModifiedTime(molenPdf, FileTime.fromMillis(0));
        runs.invoice("2023-06", false);
        assertThat(summary()).isEqualTo(draft);
        assertThat(Files.getLastModifiedTime(molenPdf).toMillis()).as("a draft's PDF is written by every run")
                .isPositive();
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

        // the finalized PDF replaced the draft's; from now on a run leaves both documents as they are
        Path molenXml = WORKSPACE.output().resolve("invoices/2023-06/INV-102938475610002-2023-06.xml");
        assertThat(pdfText(molenPdf)).contains(finalized.stream()
                .filter(r -> r.get("waba_id").equals("102938475610002")).findFirst().orElseThrow().get("invoice_number")).doesNotContain("DRAFT");
        String pdfSha = DigestUtils.sha256Hex(Files.readAllBytes(molenPdf));
        String xmlSha = DigestUtils.sha256Hex(Files.readAllBytes(molenXml));
        Files.setLastModifiedTime(molenPdf, FileTime.fromMillis(0));
        Files.setLastModifiedTime(molenXml, FileTime.fromMillis(0));

        // unchanged data: nothing new
        runs.invoice("2023-06", false);
        assertThat(summary()).isEqualTo(finalized);
        assertThat(DigestUtils.sha256Hex(Files.readAllBytes(molenPdf))).isEqualTo(pdfSha);
        assertThat(DigestUtils.sha256Hex(Files.readAllBytes(molenXml))).isEqualTo(xmlSha);
        assertThat(Files.getLastModifiedTime(molenPdf).toMillis()).as("written once, when finalized").isZero();
        assertThat(Files.getLastModifiedTime(molenXml).toMillis()).isZero();

        // late data for Loja Aurora: a marketing conversation in June
        Path late = Files.writeString(WORKSPACE.root().resolve("late.csv"),
                "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,template_language,"
                        + "timestamp,status,delivered_at,entry_point\n"
                        + "late.1,102938475610001,110000000000001,5511900000001,outbound,template,promo_inverno,pt_BR,"
                        + "2023-06-20T15:00:00Z,read,2023-06-20T15:00:03Z,\n");
        // The import names the period it made stale (the message lies in its read window,
        // 2023-05-24 to 2023-07-09), with the command that re-runs it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JobRunner launcher = new JobRunner(context, repository, operator,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(launcher.run("import-messages", "import-messages",
                Map.of("input", late.toString(), "max-rejects", "1000")).exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reconstructed periods now stale")
                .contains("2023-05-25 to 2023-07-06 (scope phone-number): jobs/wa-billing reconstruct"
                        + " from=2023-05-25 to=2023-07-06 rerun=<new value>");
        // ...and invoicing, finalizing above all, refuses the month before anything is written
        Integer invoicesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class);
        JobExecution refused = runs.invoice("2023-06", true);
        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage()).contains("cannot invoice 2023-06")
                .contains("2023-05-25 to 2023-07-06: jobs/wa-billing reconstruct from=2023-05-25 to=2023-07-06"
                        + " rerun=<new value>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isEqualTo(invoicesBefore);
        assertThat(summary()).isEqualTo(finalized);

        // the named command brings the month back in line; then the late conversation is billed
        launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-07-06"));
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

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
        // the adjustment's conversations file lists the whole recomputed month: 45 + 1 = 46 Brazil marketing
        // conversations at 0.0625 each; 46 x 0.0625 = 2.875 -> 2.88 = invoice 2.81 + adjustment 0.07
        List<Map<String, String>> brazilMarketing = conversations(adjustment.get("invoice_id")).stream()
                .filter(c -> c.get("category").equals("MARKETING") && c.get("market").equals("Brazil")).toList();
        assertThat(brazilMarketing).hasSize(46).allSatisfy(c -> assertThat(c).containsEntry("unit_price", "0.0625")
                .containsEntry("amount", "0.0625").containsEntry("free_reason", ""));
        assertThat(brazilMarketing).anySatisfy(c -> assertThat(c).containsEntry("opened_at", "2023-06-20T15:00:03Z")
                .containsEntry("opened_at_local", "2023-06-20T12:00:03-03:00"));

        // the draft adjustment is finalized with the next number; then nothing more to do
        runs.invoice("2023-06", true);
        runs.invoice("2023-06", false);
        assertThat(summary()).hasSize(6).allSatisfy(r -> assertThat(r).containsEntry("status", "FINALIZED"));
        String adjustmentNumber = summary().stream().filter(r -> r.get("kind").equals("ADJUSTMENT")).findFirst()
                .orElseThrow().get("invoice_number");
        assertThat(pdfText(WORKSPACE.output().resolve("invoices/2023-06/" + adjustment.get("invoice_id") + ".pdf")))
                .as("the draft adjustment's PDF was replaced when it was finalized").contains(adjustmentNumber)
                .doesNotContain("DRAFT").contains("Corrective invoice")
                // the changed line as billed before (45) and after (46), from the stored invoice and adjustment
                .contains("Marketing Brazil 0.0625 45 2.81 46 2.88 0.07");

        // replacing drafts cannot touch a finalized invoice
        Integer lines = jdbc.queryForObject("SELECT COUNT(*) FROM invoice_line", Integer.class);
        invoices.deleteDrafts("102938475610001", YearMonth.of(2023, 6));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_line", Integer.class)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE waba_id = '102938475610001'"
                + " AND billing_month = '2023-06'", Integer.class)).isEqualTo(2);
    }

    @Test
    void lateDataThatChangesNoAmountDraftsNoAdjustmentAndConsumesNoNumber() throws Exception {
        // March 2024, which no other test touches: Loja Aurora (America/Sao_Paulo, USD, markup 15 %)
        String header = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,"
                + "template_language,timestamp,status,delivered_at,entry_point\n";
        Path march = Files.writeString(WORKSPACE.root().resolve("march.csv"), header
                + "z.m.1,102938475610001,110000000000001,5511922220001,outbound,template,promo_inverno,pt_BR,"
                + "2024-03-12T15:00:00.412Z,read,2024-03-12T15:00:03Z,\n"
                + "z.s.1,102938475610001,110000000000001,5511922220002,inbound,text,,,2024-03-14T10:00:00.118Z,,,\n"
                + "z.s.2,102938475610001,110000000000001,5511922220002,outbound,text,,,2024-03-14T10:02:00.530Z,"
                + "delivered,2024-03-14T10:02:01Z,\n");
        assertThat(launch.newRun(messageImportJob, Map.of("input", march.toString())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        // every account's local month of March 2024 lies in [2024-02-28, 2024-04-02) UTC
        Map<String, String> period = Map.of("from", "2024-02-28", "to", "2024-04-02");
        assertThat(launch.newRun(reconstructJob, period).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> finalize = Map.of("month", "2024-03", "finalize", "true", "invoice-date", "2026-11-02");
        assertThat(launch.newRun(invoiceJob, finalize).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path summaryFile = WORKSPACE.output().resolve("invoices/2024-03/summary.csv");
        // Brazil marketing 1 x 0.0625 -> 0.06; the SERVICE conversation is the month's first: free (0.00);
        // markup 0.06 x 15 % = 0.009 -> 0.01; total 0.07
        List<Map<String, String>> finalized = Csv.read(summaryFile);
        assertThat(finalized).singleElement().satisfies(r -> assertThat(r).containsEntry("kind", "INVOICE")
                .containsEntry("status", "FINALIZED").containsEntry("conversations", "2")
                .containsEntry("billable", "1").containsEntry("subtotal", "0.06").containsEntry("total", "0.07"));
        Long nextNumber = jdbc.queryForObject("SELECT next_value FROM invoice_sequence WHERE sequence_name = 'invoice'",
                Long.class);

        // late data: another customer's question and its answer, a second free SERVICE conversation: the
        // SERVICE line counts 2 conversations, 2 free, still 0.00; no amount and no markup changes
        Path late = Files.writeString(WORKSPACE.root().resolve("march-late.csv"), header
                + "z.s.3,102938475610001,110000000000001,5511922220003,inbound,text,,,2024-03-20T09:00:00.250Z,,,\n"
                + "z.s.4,102938475610001,110000000000001,5511922220003,outbound,text,,,2024-03-20T09:01:03.901Z,"
                + "delivered,2024-03-20T09:01:04Z,\n");
        assertThat(launch.newRun(messageImportJob, Map.of("input", late.toString())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch.newRun(reconstructJob, period).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch.newRun(invoiceJob, Map.of("month", "2024-03")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch.newRun(invoiceJob, finalize).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE billing_month = '2024-03'", Integer.class))
                .as("no adjustment of 0.00").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT next_value FROM invoice_sequence WHERE sequence_name = 'invoice'",
                Long.class)).as("no invoice number consumed").isEqualTo(nextNumber);
        assertThat(Csv.read(summaryFile)).isEqualTo(finalized);
        try (var files = Files.list(summaryFile.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("ADJ-"));
        }
    }

    @Test
    void aMonthBeforeTheFirstPricingRegimeIsRefusedNamingTheEarliestDate() throws Exception {
        JobExecution execution = runs.invoice("2023-05", false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage()).contains("cannot invoice 2023-05")
                .contains("the earliest supported date is 2023-06-01 (CBP-2023)");
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
        // A re-run of the month's reconstruct clears its conversations, then fails
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
        RateCard.Row otherUsd = InvoiceCalculatorTest.row("2023-06-01", "Other", "0.0604", "0.0338", "0.0304", "0.0145");
        // Kaashandel De Molen is billed in EUR: its Other customers need the EUR row
        RateCard withoutBrazil = new RateCard(List.of(otherUsd, new RateCard.Row(otherUsd.effectiveFrom(), "Other", "EUR",
                otherUsd.prices())));

        InvoiceRun june = new InvoiceRun(YearMonth.of(2023, 6), false, new java.util.TreeSet<>(), null);
        assertThatThrownBy(() -> new InvoicePreflight(invoices, ledger).check(files.accounts(), withoutBrazil, june,
                "sample-data/accounts.csv"))
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

    @Test
    void messagesAfterAPeriodsEndChangeOnlyItsMessageCountsAndDoNotHoldUpInvoicing() throws Exception {
        // the scheduled run imports each month's export after the previous month was reconstructed: the
        // previous period reads 72 h past its end, so its fingerprint changes, yet which conversations it
        // opened cannot (they depend on messages before its end)
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path after = Files.writeString(WORKSPACE.root().resolve("after-the-end.csv"),
                "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,template_language,"
                        + "timestamp,status,delivered_at,entry_point\n"
                        + "after.1,102938475610001,110000000000001,5511900000001,inbound,text,,,2023-07-07T10:00:00Z,,,\n");
        launch.newRun(messageImportJob, Map.of("input", after.toString()));
        // 2023-07-07 lies within the 72 h that [2023-05-25, 2023-07-06) reads past its end
        assertThat(ledger.recorded(ScopeMode.PHONE_NUMBER)).filteredOn(r -> r.to().toString().equals("2023-07-06"))
                .singleElement().satisfies(r -> assertThat(ledger.isStale(ScopeMode.PHONE_NUMBER, r)).isTrue());

        JobExecution june = runs.invoice("2023-06", false);

        assertThat(june.getStatus()).as("%s", june.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void anInvoiceExplainsItselfConversationByConversation() throws Exception {
        assertThat(runs.invoice("2023-06", false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> invoiced = new java.util.HashMap<>();
        summary().stream().filter(r -> r.get("kind").equals("INVOICE")).forEach(r -> invoiced.put(r.get("waba_id"), r));

        // the account's local month and terms (accounts.csv): Sao Paulo is UTC-3 all of 2023 (no DST since 2019),
        // Amsterdam UTC+2 in summer (CEST), Kolkata UTC+5:30
        assertThat(invoiced.get("102938475610001")).containsEntry("period_start", "2023-06-01T03:00:00Z")
                .containsEntry("period_end", "2023-07-01T03:00:00Z").containsEntry("time_zone", "America/Sao_Paulo")
                .containsEntry("markup_percent", "15");
        assertThat(invoiced.get("102938475610002")).containsEntry("period_start", "2023-05-31T22:00:00Z")
                .containsEntry("period_end", "2023-06-30T22:00:00Z").containsEntry("markup_percent", "10");
        assertThat(invoiced.get("102938475610003")).containsEntry("period_start", "2023-05-31T18:30:00Z")
                .containsEntry("period_end", "2023-06-30T18:30:00Z").containsEntry("time_zone", "Asia/Kolkata")
                .containsEntry("markup_percent", "8.5");

        assertThat(invoiced).hasSize(5);
        for (Map<String, String> invoice : invoiced.values()) {
            String id = invoice.get("invoice_id");
            List<Map<String, String>> conversations = conversations(id);
            assertThat(conversations).as(id).hasSize(Integer.parseInt(invoice.get("conversations")));
            // per line: the conversations, the free ones, and their charges summed then rounded HALF_UP once
            Map<String, long[]> counts = new java.util.TreeMap<>();
            Map<String, BigDecimal> sums = new java.util.TreeMap<>();
            for (Map<String, String> c : conversations) {
                String key = c.get("category") + "|" + c.get("market") + "|" + c.get("unit_price");
                long[] n = counts.computeIfAbsent(key, k -> new long[2]);
                n[0]++;
                n[1] += c.get("free_reason").isEmpty() ? 0 : 1;
                sums.merge(key, new BigDecimal(c.get("amount")), BigDecimal::add);
                // fewer than 1,000 SERVICE conversations per WABA in the sample month: every one in the free tier
                String expectedReason = switch (c.get("category")) {
                    case "SERVICE" -> "free_tier";
                    case "FREE_ENTRY_POINT" -> "free_entry_point";
                    default -> "";
                };
                assertThat(c.get("free_reason")).as(id + " " + c).isEqualTo(expectedReason);
                assertThat(c.get("amount")).as(id + " " + c)
                        .isEqualTo(expectedReason.isEmpty() ? c.get("unit_price") : "0.00");
                Instant opened = Instant.parse(c.get("opened_at"));
                assertThat(opened).isAfterOrEqualTo(Instant.parse(invoice.get("period_start")))
                        .isBefore(Instant.parse(invoice.get("period_end")));
            }
            Map<String, long[]> lineCounts = new java.util.TreeMap<>();
            Map<String, BigDecimal> lineAmounts = new java.util.TreeMap<>();
            for (Map<String, String> l : lines(id)) {
                String key = l.get("category") + "|" + l.get("market") + "|" + l.get("unit_price");
                lineCounts.put(key, new long[] {Long.parseLong(l.get("conversations")), Long.parseLong(l.get("free"))});
                lineAmounts.put(key, new BigDecimal(l.get("amount")));
            }
            assertThat(counts.keySet()).as(id).isEqualTo(lineCounts.keySet());
            counts.forEach((key, n) -> assertThat(n).as(id + " " + key).containsExactly(lineCounts.get(key)));
            sums.forEach((key, sum) -> assertThat(sum.setScale(2, RoundingMode.HALF_UP)).as(id + " " + key)
                    .isEqualTo(lineAmounts.get(key)));
        }

        // Loja Aurora by hand: 45 Brazil marketing conversations at 0.0625, 45 x 0.0625 = 2.8125 -> 2.81;
        // its local time is UTC-3
        List<Map<String, String>> aurora = conversations("INV-102938475610001-2023-06");
        assertThat(aurora).filteredOn(c -> c.get("category").equals("MARKETING") && c.get("market").equals("Brazil"))
                .hasSize(45).allSatisfy(c -> assertThat(c).containsEntry("amount", "0.0625"));
        assertThat(lines("INV-102938475610001-2023-06")).anySatisfy(l -> assertThat(l)
                .containsEntry("category", "MARKETING").containsEntry("market", "Brazil").containsEntry("amount", "2.81"));
        assertThat(aurora).allSatisfy(c -> assertThat(c.get("opened_at_local")).isEqualTo(
                java.time.LocalDateTime.ofInstant(Instant.parse(c.get("opened_at")), java.time.ZoneOffset.UTC)
                        .minusHours(3).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
                        + "-03:00"));
    }

    @Test
    void aWabaWithoutABillingAccountIsNeverSilentlyLeftUnbilled() throws Exception {
        // October 2023, which no other test touches: Loja Aurora (known) and WABA 999000000000001, which
        // accounts.csv lacks. Its customer A has 2 delivered replies (1 SERVICE conversation, 2 messages) on
        // 15 October; B's reply on 30 September 12:00Z lies 12 h before the UTC month, inside the widened
        // month [2023-09-30T10:00Z, 2023-11-01T14:00Z): 1 conversation, 1 message; C's reply at 09:00Z lies
        // 15 h before it: not counted. Expected: 2 conversations, 3 messages.
        String header = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,"
                + "template_language,timestamp,status,delivered_at,entry_point\n";
        Path october = Files.writeString(WORKSPACE.root().resolve("october.csv"), header
                + "u.a.1,999000000000001,999000000000101,5511911110001,inbound,text,,,2023-10-15T10:00:00Z,,,\n"
                + "u.a.2,999000000000001,999000000000101,5511911110001,outbound,text,,,2023-10-15T10:05:00Z,delivered,"
                + "2023-10-15T10:05:02Z,\n"
                + "u.a.3,999000000000001,999000000000101,5511911110001,outbound,text,,,2023-10-15T10:10:00Z,delivered,"
                + "2023-10-15T10:10:02Z,\n"
                + "u.b.1,999000000000001,999000000000101,5511911110002,inbound,text,,,2023-09-30T11:55:00Z,,,\n"
                + "u.b.2,999000000000001,999000000000101,5511911110002,outbound,text,,,2023-09-30T12:00:00Z,delivered,"
                + "2023-09-30T12:00:01Z,\n"
                + "u.c.1,999000000000001,999000000000101,5511911110003,inbound,text,,,2023-09-30T08:55:00Z,,,\n"
                + "u.c.2,999000000000001,999000000000101,5511911110003,outbound,text,,,2023-09-30T09:00:00Z,delivered,"
                + "2023-09-30T09:00:01Z,\n"
                + "k.1,102938475610001,110000000000001,5511911110004,inbound,text,,,2023-10-10T12:00:00Z,,,\n"
                + "k.2,102938475610001,110000000000001,5511911110004,outbound,text,,,2023-10-10T12:01:00Z,delivered,"
                + "2023-10-10T12:01:01Z,\n");
        assertThat(launch.newRun(messageImportJob, Map.of("input", october.toString())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch.newRun(reconstructJob, Map.of("from", "2023-09-29", "to", "2023-11-02")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        JobExecution refused = runs.invoice("2023-10", true);

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        String rerun = refused.getJobParameters().getString("rerun");
        assertThat(refused.getAllFailureExceptions().get(0).getMessage()).contains("cannot invoice 2023-10")
                .contains("999000000000001: 2 conversations, 3 messages")
                .contains("2023-09-30T10:00:00Z to 2023-11-01T14:00:00Z")
                .contains("add each to sample-data/accounts.csv")
                .contains("run the same command again: jobs/wa-billing invoice month=2023-10 finalize=true rerun="
                        + rerun)
                .contains("jobs/wa-billing invoice month=2023-10 finalize=true leave-out=999000000000001 rerun=" + rerun)
                .doesNotContain("102938475610001:");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE billing_month = '2023-10'", Integer.class))
                .isZero();

        // an account of accounts.csv is never left out
        JobExecution knownLeftOut = launch.newRun(invoiceJob, Map.of("month", "2023-10",
                "leave-out", "102938475610001,999000000000001"));
        assertThat(knownLeftOut.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(knownLeftOut.getAllFailureExceptions().get(0).getMessage())
                .contains("leave-out= names 102938475610001 (Loja Aurora)");

        // left out deliberately: the known account is invoiced, the omission is said
        JobExecution leftOut = launch.newRun(invoiceJob, Map.of("month", "2023-10", "leave-out", "999000000000001"));
        assertThat(leftOut.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(com.wabilling.support.JobSummary.of(leftOut))
                .contains("left out (leave-out=, no billing account): 999000000000001 (2 conversations, 3 messages)");
        // Aurora: 1 SERVICE conversation (Brazil, 0.03), the first of the month's free tier: billable 0
        List<Map<String, String>> summary = Csv.read(WORKSPACE.output().resolve("invoices/2023-10/summary.csv"));
        assertThat(summary).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("invoice_id", "INV-102938475610001-2023-10").containsEntry("conversations", "1")
                .containsEntry("billable", "0").containsEntry("total", "0.00"));
        assertThat(Csv.read(WORKSPACE.output().resolve("invoices/2023-10/INV-102938475610001-2023-10-conversations.csv")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("category", "SERVICE")
                        .containsEntry("market", "Brazil").containsEntry("unit_price", "0.03")
                        .containsEntry("amount", "0.00").containsEntry("free_reason", "free_tier")
                        .containsEntry("opened_at_local", "2023-10-10T09:01:01-03:00"));
    }

    private static List<Map<String, String>> conversations(String invoiceId) {
        return Csv.read(WORKSPACE.output().resolve("invoices/2023-06/" + invoiceId + "-conversations.csv"));
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
            // June's finalized invoices are dated on a day exchange-rates.csv has (their Peppol files need it)
            return launch.newRun(invoiceJob, finalize && month.equals("2023-06")
                    ? Map.of("month", month, "finalize", "true", "invoice-date", "2023-07-03")
                    : Map.of("month", month, "finalize", Boolean.toString(finalize)));
        }

        /** Starts or resumes exactly these parameters (the same command again). */
        JobExecution resume(Job job, Map<String, String> parameters) throws Exception {
            Map<String, String> withDefaults = new java.util.HashMap<>(parameters);
            withDefaults.putIfAbsent("conversation-scope", "phone-number");
            return launch.exactly(job, withDefaults);
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

}
