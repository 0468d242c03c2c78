package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.JobSummary;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/**
 * Wrong reference values and finalized invoices (docs/billing-rules.md 4.2; docs/invoice-documents.md 2, 4): a VAT rate out of its
 * range holds up the documents, not the books, and the fixed file gives the VAT; a finalized invoice is
 * never edited: a wrong price is corrected by an ADJUSTMENT with its own number, and a VAT rate recorded
 * at finalization stays as it was (its correction, a credit note and a new invoice: CreditNoteJobTest).
 */
@SpringBatchTest
@JobTest
class InvoiceCorrectionJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("correction");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String MOLEN = "102938475610002";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Autowired
    JdbcTemplate jdbc;

    /** June and July reconstructed, and the exchange rate July's invoices need. */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/messages")));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-08-02", "conversation-scope",
                "phone-number")));
        // the USD invoices of July are dated 2023-08-01: their Peppol files need that day's rate
        Files.writeString(REFERENCE.resolve("exchange-rates.csv"), "2023-08-01,USD,0.9100\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aVatRateOutOfItsRangeHoldsUpTheDocumentsNamingTheLineAndTheFixedFileGivesTheVat() throws Exception {
        Path vatRates = REFERENCE.resolve("vat-rates.csv");
        String right = Files.readString(vatRates);
        Files.writeString(vatRates, right.replace("NL,2012-10-01,21", "NL,2012-10-01,210"));
        Map<String, String> finalize = Map.of("month", "2023-07", "finalize", "true", "invoice-date", "2023-08-01");
        JobExecution refused;
        try {
            refused = launch.exactly(invoiceJob, finalize);
        } finally {
            Files.writeString(vatRates, right);
        }

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage()).contains(vatRates
                + " record 1 (line 2): standard_rate must be a percentage from 0 to 100: 210");
        // the books are written and finalized, without VAT until the file is fixed
        Map<String, String> molen = invoice("2023-07", "INV-" + MOLEN + "-2023-07");
        assertThat(molen).containsEntry("status", "FINALIZED").containsEntry("vat", "").containsEntry("vat_rate", "");
        assertThat(molen.get("invoice_number")).isNotEmpty();

        JobExecution same = launch.exactly(invoiceJob, finalize);

        completed(same);
        assertThat(same.getJobInstanceId()).isEqualTo(refused.getJobInstanceId());
        molen = invoice("2023-07", "INV-" + MOLEN + "-2023-07");
        assertThat(molen).containsEntry("vat_category", "S").containsEntry("vat_rate", "21")
                .containsEntry("vat", vat(molen, "0.21"));
        assertThat(WORKSPACE.output().resolve("invoices/2023-07/INV-" + MOLEN + "-2023-07.xml")).exists();
    }

    @Test
    void aWrongFinalizedInvoiceIsNeverEditedAWrongPriceIsCorrectedByAnAdjustmentWithItsOwnNumber() throws Exception {
        // June as drafts, to find a charged line of Kaashandel De Molen (EUR)
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
        Map<String, String> line = Csv.read(dir("2023-06").resolve("INV-" + MOLEN + "-2023-06.csv")).stream()
                .filter(l -> Long.parseLong(l.get("billable")) > 0).findFirst().orElseThrow();
        Path rateCard = REFERENCE.resolve("rate-card.csv");
        String rightCard = Files.readString(rateCard);
        Path vatRates = REFERENCE.resolve("vat-rates.csv");
        String rightVat = Files.readString(vatRates);
        try {
            // finalized with a doubled price and 28 % VAT (a typo for 21: in range, so only warned about)
            JobExecution finalized;
            try {
                Files.writeString(rateCard, withPrice(rightCard, line, new BigDecimal(line.get("unit_price")).multiply(
                        BigDecimal.valueOf(2))));
                Files.writeString(vatRates, rightVat.replace("NL,2012-10-01,21", "NL,2012-10-01,28"));
                finalized = launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true",
                        "invoice-date", "2023-07-03"));
            } finally {
                Files.writeString(vatRates, rightVat);
            }
            completed(finalized);
            assertThat(JobSummary.of(finalized)).contains("WARNING: " + vatRates + " line 2: standard_rate 28 of NL from"
                    + " 2012-10-01 is above 27 %, the highest standard rate in the EU");
            String original = "INV-" + MOLEN + "-2023-06";
            Map<String, String> wrong = invoice("2023-06", original);
            assertThat(wrong).containsEntry("status", "FINALIZED").containsEntry("vat_rate", "28")
                    .containsEntry("vat", vat(wrong, "0.28"));

            // vat-rates.csv is right again: the recorded VAT stays, and nothing is drafted (no line changed)
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
            assertThat(invoice("2023-06", original)).isEqualTo(wrong);
            assertThat(summary("2023-06")).noneMatch(r -> r.get("kind").equals("ADJUSTMENT"));

            // rate-card.csv is right again: the month drafts an adjustment with the signed difference
            Files.writeString(rateCard, rightCard);
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06")));
            String adjustmentId = "ADJ-" + MOLEN + "-2023-06-1";
            Map<String, String> draft = invoice("2023-06", adjustmentId);
            long billable = Long.parseLong(line.get("billable"));
            BigDecimal price = new BigDecimal(line.get("unit_price"));
            // per line: billable x right price, rounded, minus billable x doubled price, rounded (docs/billing-rules.md 4)
            BigDecimal difference = amount(price, billable).subtract(amount(price.multiply(BigDecimal.valueOf(2)), billable));
            assertThat(draft).containsEntry("status", "DRAFT").containsEntry("invoice_number", "")
                    .containsEntry("subtotal", difference.toPlainString());
            assertThat(jdbc.queryForObject("SELECT references_invoice_id FROM invoice WHERE invoice_id = ?", String.class,
                    adjustmentId)).isEqualTo(original);
            assertThat(invoice("2023-06", original)).as("a finalized invoice is never edited").isEqualTo(wrong);

            // finalized, the adjustment gets the next number; money given back: a credit note naming the original
            completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-03")));
            int highest = summary("2023-06").stream().filter(r -> !r.get("invoice_id").equals(adjustmentId))
                    .mapToInt(r -> Integer.parseInt(r.get("invoice_number").substring(3))).max().orElseThrow();
            Map<String, String> adjustment = invoice("2023-06", adjustmentId);
            assertThat(adjustment).containsEntry("status", "FINALIZED")
                    .containsEntry("invoice_number", String.format("WA-%06d", highest + 1));
            assertThat(invoice("2023-06", original)).isEqualTo(wrong);
            String creditNote = Files.readString(dir("2023-06").resolve(adjustmentId + ".xml"), StandardCharsets.UTF_8);
            assertThat(creditNote).contains("<CreditNote").contains("<cbc:ID>" + wrong.get("invoice_number") + "</cbc:ID>");
        } finally {
            Files.writeString(rateCard, rightCard);
        }
    }

    /** rate-card.csv with that line's EUR price of its market and category replaced (CreditNoteJobTest too). */
    static String withPrice(String card, Map<String, String> line, BigDecimal price) {
        String column = line.get("category").toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        List<String> rows = card.lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        out.append(rows.get(0)).append('\n');
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells[header.indexOf("market")].equals(line.get("market")) && cells[header.indexOf("currency")].equals("EUR")
                    && new BigDecimal(cells[header.indexOf(column)]).compareTo(new BigDecimal(line.get("unit_price"))) == 0) {
                cells[header.indexOf(column)] = price.toPlainString();
            }
            out.append(String.join(",", cells)).append('\n');
        }
        assertThat(out.toString()).isNotEqualTo(card);
        return out.toString();
    }

    private static BigDecimal amount(BigDecimal price, long billable) {
        return price.multiply(BigDecimal.valueOf(billable)).setScale(2, RoundingMode.HALF_UP);
    }

    private static String vat(Map<String, String> invoice, String rate) {
        BigDecimal net = new BigDecimal(invoice.get("subtotal")).add(new BigDecimal(invoice.get("markup")));
        return net.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, String> invoice(String month, String invoiceId) {
        return summary(month).stream().filter(r -> r.get("invoice_id").equals(invoiceId)).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> summary(String month) {
        return Csv.read(dir(month).resolve("summary.csv"));
    }

    private static Path dir(String month) {
        return WORKSPACE.output().resolve("invoices/" + month);
    }
}
