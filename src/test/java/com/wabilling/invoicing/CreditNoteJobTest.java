package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.invoicing.documents.PeppolValidator;
import com.wabilling.support.Failures;
import com.wabilling.support.Refusal;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/billing-rules.md 4.5, correcting a finalized invoice: June is finalized for Kaashandel De Molen (EUR, Dutch
 * buyer: VAT category S) with 8 % VAT, a typo for the Netherlands' 21 % that lies in range and so was used, and
 * adjusted once (a price that was wrong); vat-rates.csv is fixed; {@code correct=} drafts a credit note of the
 * invoice and its adjustment and a new invoice; finalizing numbers both. Expected amounts come from the books
 * as they were finalized before the correction, and the VAT of the new invoice from its net at 21 %.
 */
@SpringBatchTest
@JobTest
class CreditNoteJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("credit-note");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String MOLEN = "102938475610002";
    private static final String ORIGINAL = "INV-" + MOLEN + "-2023-06";
    private static final String ADJUSTMENT = "ADJ-" + MOLEN + "-2023-06-1";
    private static final String CREDIT_NOTE = "CRN-" + MOLEN + "-2023-06-1";
    private static final String REPLACEMENT = "INV-" + MOLEN + "-2023-06-R1";
    private static final Map<String, String> FINALIZE = Map.of("month", "2023-06", "finalize", "true",
            "invoice-date", "2023-07-03");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Test
    void aWrongVatRateIsCorrectedByACreditNoteOfTheInvoiceAndItsAdjustmentAndANewInvoice() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/messages")));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-08-02", "conversation-scope",
                "phone-number")));
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
        Map<String, String> line = Csv.read(dir().resolve(ORIGINAL + ".csv")).stream()
                .filter(l -> Long.parseLong(l.get("billable")) > 0).findFirst().orElseThrow();
        Path rateCard = REFERENCE.resolve("rate-card.csv");
        String rightCard = Files.readString(rateCard);
        Path vatRates = REFERENCE.resolve("vat-rates.csv");
        String rightVat = Files.readString(vatRates);
        BigDecimal price = new BigDecimal(line.get("unit_price"));
        try {
            // finalized with 8 % VAT and a doubled price, then adjusted (the price fixed) while the VAT is still 8 %
            Files.writeString(vatRates, rightVat.replace("NL,2012-10-01,21", "NL,2012-10-01,8"));
            Files.writeString(rateCard, InvoiceCorrectionJobTest.withPrice(rightCard, line,
                    price.multiply(BigDecimal.valueOf(2))));
            completed(launch.newRun(invoiceJob, FINALIZE));
            Files.writeString(rateCard, rightCard);
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
            completed(launch.newRun(invoiceJob, FINALIZE));
            Files.writeString(vatRates, rightVat);
            Map<String, String> original = invoice(ORIGINAL);
            Map<String, String> adjustment = invoice(ADJUSTMENT);
            assertThat(original).containsEntry("vat_rate", "8").containsEntry("status", "FINALIZED");
            assertThat(adjustment).containsEntry("vat_rate", "8").containsEntry("references_invoice_id", ORIGINAL);
            Map<String, String> before = files(); // every book and document of June (summary.csv gains rows later)
            before.remove("summary.csv");
            int highest = highestNumber();

            refusals(original, adjustment);

            // the correction drafts the credit note and the new invoice, and nothing is numbered yet
            Map<String, String> correct = Map.of("month", "2023-06", "correct", original.get("invoice_number"));
            completed(runs.exactly(correct));
            assertThat(invoice(CREDIT_NOTE)).containsEntry("status", "DRAFT").containsEntry("kind", "CREDIT_NOTE")
                    .containsEntry("references_invoice_id", ORIGINAL);
            assertThat(invoice(REPLACEMENT)).containsEntry("status", "DRAFT").containsEntry("kind", "INVOICE");
            assertThat(highestNumber()).isEqualTo(highest);
            Refusal draft = refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct", CREDIT_NOTE)));
            assertThat(draft.getMessage()).contains(CREDIT_NOTE + " is a DRAFT, not finalized");
            assertThat(draft.nextStep()).contains("jobs/wa-billing invoice month=2023-06 rerun=");

            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-10")));

            Map<String, String> credit = invoice(CREDIT_NOTE);
            Map<String, String> replacement = invoice(REPLACEMENT);
            // numbered next, from the one sequence: the credit note first
            assertThat(credit).containsEntry("status", "FINALIZED")
                    .containsEntry("invoice_number", String.format("WA-%06d", highest + 1));
            assertThat(replacement).containsEntry("status", "FINALIZED")
                    .containsEntry("invoice_number", String.format("WA-%06d", highest + 2))
                    .containsEntry("references_invoice_id", ORIGINAL);
            // the credit note: every amount the exact negative of the invoice plus its adjustment, VAT at 8 % as billed
            for (String column : List.of("subtotal", "markup", "total", "vat", "gross")) {
                assertThat(new BigDecimal(credit.get(column))).as(column).isEqualByComparingTo(
                        new BigDecimal(original.get(column)).add(new BigDecimal(adjustment.get(column))).negate());
            }
            assertThat(credit).containsEntry("vat_rate", "8").containsEntry("vat_category", "S");
            // its lines: the month's lines as billed, negated
            assertThat(Csv.read(dir().resolve(CREDIT_NOTE + ".csv"))).extracting(l -> l.get("category") + " "
                    + l.get("market") + " " + l.get("billable") + " " + l.get("amount"))
                    .containsExactlyElementsOf(Csv.read(dir().resolve(REPLACEMENT + ".csv")).stream().map(l -> l.get(
                            "category") + " " + l.get("market") + " " + negate(l.get("billable")) + " "
                            + negate(l.get("amount"))).toList());
            // the new invoice: the same lines and markup, VAT at the corrected 21 % of its net
            BigDecimal net = new BigDecimal(replacement.get("total"));
            assertThat(net).isEqualByComparingTo(new BigDecimal(credit.get("total")).negate());
            assertThat(replacement).containsEntry("vat_rate", "21")
                    .containsEntry("vat", net.multiply(new BigDecimal("0.21")).setScale(2, RoundingMode.HALF_UP)
                            .toPlainString());
            // the credited invoice and its adjustment never change, nor does any document written before
            assertThat(invoice(ORIGINAL)).isEqualTo(original);
            assertThat(invoice(ADJUSTMENT)).isEqualTo(adjustment);
            assertThat(files()).containsAllEntriesOf(before);
            documents(original, credit, replacement);

            // the same commands again change nothing
            Map<String, String> corrected = files();
            assertThatThrownBy(() -> runs.exactly(correct)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
            Refusal credited = refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct",
                    original.get("invoice_number"))));
            assertThat(credited.getMessage()).contains(original.get("invoice_number") + " was already credited in full"
                    + " by credit note " + credit.get("invoice_number") + " (" + CREDIT_NOTE + ")");
            assertThat(credited.nextStep()).contains("jobs/wa-billing invoice month=2023-06 correct="
                    + replacement.get("invoice_number"));
            assertThat(refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct", credit.get("invoice_number"))))
                    .getMessage()).contains("is a credit note");
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
            completed(launch.newRun(invoiceJob, FINALIZE));
            assertThat(highestNumber()).isEqualTo(highest + 2);
            assertThat(files()).isEqualTo(corrected);

            // late data after the correction (the price doubled again) is compared with the new invoice
            Files.writeString(rateCard, InvoiceCorrectionJobTest.withPrice(rightCard, line,
                    price.multiply(BigDecimal.valueOf(2))));
            completed(launch.newRun(invoiceJob, FINALIZE));
            Map<String, String> later = invoice("ADJ-" + MOLEN + "-2023-06-2");
            long billable = Long.parseLong(line.get("billable"));
            assertThat(later).containsEntry("references_invoice_id", REPLACEMENT)
                    .containsEntry("invoice_number", String.format("WA-%06d", highest + 3))
                    .containsEntry("subtotal", amount(price.multiply(BigDecimal.valueOf(2)), billable)
                            .subtract(amount(price, billable)).toPlainString());
            assertThat(Files.readString(dir().resolve("ADJ-" + MOLEN + "-2023-06-2.xml")))
                    .contains("<cbc:ID>" + replacement.get("invoice_number") + "</cbc:ID>");
            assertThat(files()).containsAllEntriesOf(before);
        } finally {
            Files.writeString(rateCard, rightCard);
            Files.writeString(vatRates, rightVat);
        }
    }

    /** Each refused before anything is written, naming the command to run instead. */
    private void refusals(Map<String, String> original, Map<String, String> adjustment) throws Exception {
        Refusal unknown = refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct", "WA-999999")));
        assertThat(unknown.getMessage()).contains("no invoice is numbered WA-999999");
        assertThat(unknown.nextStep()).contains("invoice_number column of out/invoices/2023-06/summary.csv");

        Refusal ofAnAdjustment = refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct",
                adjustment.get("invoice_number"))));
        assertThat(ofAnAdjustment.getMessage()).contains(adjustment.get("invoice_number") + " is an adjustment of "
                + original.get("invoice_number"));
        assertThat(ofAnAdjustment.nextStep()).contains("jobs/wa-billing invoice month=2023-06 correct="
                + original.get("invoice_number"));

        Refusal otherMonth = refused(launch.newRun(invoiceJob, Map.of("month", "2023-07", "correct",
                original.get("invoice_number"))));
        assertThat(otherMonth.getMessage()).contains("bills 2023-06, not 2023-07");
        assertThat(otherMonth.nextStep()).contains("jobs/wa-billing invoice month=2023-06 correct="
                + original.get("invoice_number"));

        Refusal byId = refused(launch.newRun(invoiceJob, Map.of("month", "2023-06", "correct", ORIGINAL)));
        assertThat(byId.nextStep()).contains("correct=" + original.get("invoice_number"));
        assertThat(summary()).noneMatch(r -> r.get("kind").equals("CREDIT_NOTE"));
    }

    private void documents(Map<String, String> original, Map<String, String> credit, Map<String, String> replacement)
            throws IOException {
        byte[] xml = Files.readAllBytes(dir().resolve(CREDIT_NOTE + ".xml"));
        String creditNote = new String(xml, StandardCharsets.UTF_8);
        assertThat(creditNote).contains("<CreditNote").contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .containsPattern("<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>"
                        + original.get("invoice_number") + "</cbc:ID>")
                // stated as positive amounts: the gross taken back
                .contains("<cbc:PayableAmount currencyID=\"EUR\">" + negate(credit.get("gross")) + "</cbc:PayableAmount>")
                .containsPattern("<cbc:Percent>8(\\.0+)?</cbc:Percent>");
        assertThat(new PeppolValidator().failures(xml)).isEmpty();
        String pdf = pdfText(dir().resolve(CREDIT_NOTE + ".pdf"));
        assertThat(pdf).contains("Credit note").contains(credit.get("invoice_number"))
                // the label is set in capitals by the template's style
                .containsIgnoringCase("Credits in full invoice " + original.get("invoice_number"));
        String invoice = Files.readString(dir().resolve(REPLACEMENT + ".xml"));
        assertThat(invoice).contains("<Invoice").containsPattern("<cbc:Percent>21(\\.0+)?</cbc:Percent>")
                .containsPattern("<cac:InvoiceDocumentReference>\\s*<cbc:ID>" + original.get("invoice_number"));
        assertThat(pdfText(dir().resolve(REPLACEMENT + ".pdf"))).containsIgnoringCase("Replaces invoice "
                + original.get("invoice_number")).contains(replacement.get("invoice_number"));
    }

    private static String negate(String number) {
        return new BigDecimal(number).negate().toPlainString();
    }

    private static BigDecimal amount(BigDecimal price, long billable) {
        return price.multiply(BigDecimal.valueOf(billable)).setScale(2, RoundingMode.HALF_UP);
    }

    private static int highestNumber() {
        return summary().stream().filter(r -> !r.get("invoice_number").isEmpty())
                .mapToInt(r -> Integer.parseInt(r.get("invoice_number").substring(3))).max().orElseThrow();
    }

    /** Every file of June's books and documents, by name: its SHA-256. */
    private static Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir())) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), org.apache.commons.codec.digest.DigestUtils.sha256Hex(
                        Files.readAllBytes(f)));
            }
        }
        return files;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Map<String, String> invoice(String invoiceId) {
        return summary().stream().filter(r -> r.get("invoice_id").equals(invoiceId)).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> summary() {
        return Csv.read(dir().resolve("summary.csv"));
    }

    private static Path dir() {
        return WORKSPACE.output().resolve("invoices/2023-06");
    }

    private static Refusal refused(JobExecution execution) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        return execution.getAllFailureExceptions().stream().map(t -> Failures.find(t, Refusal.class))
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow(() -> new AssertionError(
                        "not a refusal: " + execution.getAllFailureExceptions()));
    }

    /**
     * In an inner class: @SpringBatchTest takes a test-class method returning a JobExecution for a job-scope
     * factory. {@code exactly}: the command as the launcher starts it, defaults filled in.
     */
    private final class Runs {
        JobExecution exactly(Map<String, String> parameters) throws Exception {
            return launch.exactly(invoiceJob, InvoiceJobConfiguration.PARAMETERS.resolve(parameters));
        }
    }

    private final Runs runs = new Runs();
}
