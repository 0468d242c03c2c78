package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/invoice-documents.md end to end on the June 2023 sample invoices: a PDF and a validated Peppol file per
 * finalized invoice carrying the books' totals, VAT per buyer, a credit note for an adjustment that
 * gives money back, and refusals that name what is missing without blocking the books.
 */
@SpringBatchTest
@JobTest
class InvoiceDocumentsJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("documents");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String MOLEN = "102938475610002";
    private static final String AURORA = "102938475610001";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    /** June 2023 finalized. */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/messages")));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-07-06",
                "conversation-scope", "phone-number")));
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-03")));
    }

    @Test
    void everyFinalizedInvoiceHasAPdfAndAValidPeppolFileWithTheBooksTotals() throws IOException {
        List<Map<String, String>> summary = Csv.read(dir().resolve("summary.csv"));
        PeppolValidator validator = new PeppolValidator();

        assertThat(summary).hasSize(5);
        for (Map<String, String> invoice : summary) {
            String id = invoice.get("invoice_id");
            byte[] xml = Files.readAllBytes(dir().resolve(id + ".xml"));
            assertThat(validator.failures(xml)).as(id).isEmpty();
            assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<cbc:PayableAmount currencyID=\"" + invoice.get("currency") + "\">" + invoice.get("gross"));
            String pdf = InvoicePdfTest.text(Files.readAllBytes(dir().resolve(id + ".pdf")));
            assertThat(pdf).as(id).contains(invoice.get("invoice_number"), "2023-07-03",
                    "WhatsApp charges (Meta) " + invoice.get("subtotal"), "Net " + net(invoice),
                    "Total " + invoice.get("currency") + " " + invoice.get("gross"));
        }
    }

    @Test
    void theDutchBuyerPaysDutchVatInEurosAndTheOthersAreNotSubjectToIt() {
        Map<String, Map<String, String>> byWaba = new HashMap<>();
        Csv.read(dir().resolve("summary.csv")).forEach(r -> byWaba.put(r.get("waba_id"), r));

        Map<String, String> molen = byWaba.get(MOLEN);
        assertThat(molen).containsEntry("currency", "EUR").containsEntry("vat_category", "S")
                .containsEntry("vat_rate", "21").containsEntry("invoice_date", "2023-07-03");
        BigDecimal expectedVat = new BigDecimal(net(molen)).multiply(new BigDecimal("0.21"))
                .setScale(2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(molen.get("vat"))).isEqualByComparingTo(expectedVat);
        assertThat(new BigDecimal(molen.get("gross"))).isEqualByComparingTo(new BigDecimal(net(molen)).add(expectedVat));
        assertThat(byWaba.values()).filteredOn(r -> !r.get("waba_id").equals(MOLEN)).allSatisfy(r -> assertThat(r)
                .containsEntry("vat_category", "O").containsEntry("vat", "0.00").containsEntry("gross", net(r)));
    }

    @Test
    void anAdjustmentThatGivesMoneyBackIsACreditNoteReferencingTheOriginal() throws Exception {
        // Brazil's marketing rate lowered after June was finalized: the recomputed month costs Loja Aurora less
        Path rateCard = REFERENCE.resolve("rate-card.csv");
        String before = Files.readString(rateCard);
        Files.writeString(rateCard, before.replace("2023-06-01,Brazil,USD,0.0625", "2023-06-01,Brazil,USD,0.0600"));
        try {
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-03")));
        } finally {
            Files.writeString(rateCard, before);
        }

        Map<String, String> adjustment = Csv.read(dir().resolve("summary.csv")).stream()
                .filter(r -> r.get("kind").equals("ADJUSTMENT") && r.get("waba_id").equals(AURORA)).findFirst()
                .orElseThrow();
        assertThat(new BigDecimal(adjustment.get("gross")).signum()).isNegative();
        String original = Csv.read(dir().resolve("summary.csv")).stream()
                .filter(r -> r.get("invoice_id").equals("INV-" + AURORA + "-2023-06")).findFirst().orElseThrow()
                .get("invoice_number");
        byte[] xml = Files.readAllBytes(dir().resolve(adjustment.get("invoice_id") + ".xml"));
        assertThat(new PeppolValidator().failures(xml)).isEmpty();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("<CreditNote")
                .contains("<cbc:ID>" + original + "</cbc:ID>")
                .contains("<cbc:PayableAmount currencyID=\"USD\">" + adjustment.get("gross").substring(1));
    }

    @Test
    void anAccountWithoutItsBuyerFieldsGetsNoDocumentButKeepsItsBooks() throws Exception {
        Path accounts = REFERENCE.resolve("accounts.csv");
        String before = Files.readString(accounts);
        Files.writeString(accounts, before.replace("Rua Augusta 1500", "").replace(",0060:123456789,", ",,"));
        Files.delete(dir().resolve("INV-" + AURORA + "-2023-06.pdf"));
        JobExecution refused;
        try {
            refused = launch.newRun(invoiceJob, Map.of("month", "2023-06"));
        } finally {
            Files.writeString(accounts, before);
        }

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage())
                .contains("INV-" + AURORA + "-2023-06 (Loja Aurora): accounts.csv lacks street, peppol_endpoint");
        assertThat(dir().resolve("summary.csv")).exists();
        assertThat(dir().resolve("INV-" + AURORA + "-2023-06.pdf")).doesNotExist();
        assertThat(dir().resolve("INV-" + MOLEN + "-2023-06.pdf")).exists();
    }

    @Test
    void aBrokenBuyerCellNeverHoldsUpTheBooks() throws Exception {
        Path accounts = REFERENCE.resolve("accounts.csv");
        String before = Files.readString(accounts);
        Files.writeString(accounts, before.replace(",1012 JL,NL,", ",1012 JL,NLD,"));
        Files.delete(dir().resolve("summary.csv"));
        JobExecution refused;
        try {
            refused = launch.newRun(invoiceJob, Map.of("month", "2023-06"));
        } finally {
            Files.writeString(accounts, before);
        }

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage()).contains("country_code must be ISO 3166-1");
        assertThat(refused.getStepExecutions()).filteredOn(s -> s.getStepName().equals("write-invoices"))
                .singleElement().satisfies(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(dir().resolve("summary.csv")).exists();
    }

    @Test
    void aDocumentThatFailsAPeppolRuleIsNotWrittenAndTheRunNamesTheRule() throws Exception {
        // a Belgian enterprise number whose check digits are wrong: PEPPOL-COMMON-R043
        Path seller = REFERENCE.resolve("seller.properties");
        String before = Files.readString(seller);
        Files.writeString(seller, before.replace("peppol_endpoint=0106:12345678", "peppol_endpoint=0208:0123456789"));
        Path xml = dir().resolve("INV-" + MOLEN + "-2023-06.xml");
        Path pdf = dir().resolve("INV-" + MOLEN + "-2023-06.pdf");
        Files.delete(xml);
        Files.delete(pdf); // as before a first finalization's documents are written
        JobExecution refused;
        try {
            refused = launch.newRun(invoiceJob, Map.of("month", "2023-06"));
        } finally {
            Files.writeString(seller, before);
        }

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage())
                .contains("INV-" + MOLEN + "-2023-06: the Peppol document fails validation, not written")
                .contains("PEPPOL-COMMON-R043");
        assertThat(xml).doesNotExist();
        // nor a PDF that, written once, would keep what a fixed seller file then changes in the Peppol file
        assertThat(pdf).doesNotExist();
        assertThat(dir().resolve("summary.csv")).exists();
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
        assertThat(xml).exists();
        assertThat(pdf).exists();
    }

    @Test
    void aMissingExchangeRateIsRefusedNamingTheDateAndCurrency() throws Exception {
        // July has no invoices yet: invoice and finalize it on a day exchange-rates.csv does not have
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-07-06", "to", "2023-08-02", "conversation-scope",
                "phone-number")));
        JobExecution refused = launch.newRun(invoiceJob, Map.of("month", "2023-07", "finalize", "true",
                "invoice-date", "2023-08-02"));

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage())
                .contains("no EUR rate for USD on 2023-08-02");
        assertThat(WORKSPACE.output().resolve("invoices/2023-07/INV-" + MOLEN + "-2023-07.xml")).exists(); // EUR: no rate needed
        assertThat(WORKSPACE.output().resolve("invoices/2023-07/INV-" + AURORA + "-2023-07.xml")).doesNotExist();
    }

    private static String net(Map<String, String> invoice) {
        return new BigDecimal(invoice.get("subtotal")).add(new BigDecimal(invoice.get("markup"))).toPlainString();
    }

    private static Path dir() {
        return WORKSPACE.output().resolve("invoices/2023-06");
    }
}
