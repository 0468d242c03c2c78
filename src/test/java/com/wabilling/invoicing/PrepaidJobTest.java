package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * Three months of a prepaid account (docs/billing-rules.md 4.7): top-ups, a refund, a payment listed twice, a late
 * message whose June adjustment is finalized after July's statement and so settles in August's. The account is on a
 * flat plan (a licence of 10.00 per phone number, nothing else) so that every invoice is computed by hand: one number
 * is 10.00 + 21 % VAT 2.10 = 12.10 gross.
 */
@SpringBatchTest
@JobTest
class PrepaidJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("prepaid");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String WABA = "888000000000001";
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,"
            + "template_language,timestamp,status,delivered_at,entry_point\n";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    private static String inbound(String id, String phone, String at) {
        return String.join(",", "wamid.PREPAID" + id, WABA, phone, "4915100000009", "inbound", "text", "", "", at, "",
                "", "") + "\n";
    }

    @Test
    void threeMonthsOfStatementsWithALateAdjustmentAndARefund() throws Exception {
        Files.writeString(REFERENCE.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,markup_percent,"
                + "legal_name,street,city,postal_code,country_code,vat_id,peppol_endpoint,plan_id,billing\n"
                + WABA + ",Vooruit Betaald,Europe/Amsterdam,EUR,0,Vooruit B.V.,Damstraat 2,Amsterdam,1012 JL,NL,"
                + "NL000099998B57,0106:22334455,flat,prepaid\n");
        Files.writeString(REFERENCE.resolve("plans.csv"), "effective_from,plan_id,currency,licence_per_phone_number,"
                + "fee_per_delivered,fee_per_inbound,fee_per_failed,minimum_monthly\n2023-01-01,flat,EUR,10,,,,\n");
        Files.writeString(REFERENCE.resolve("payments.csv"), "payment_id,waba_id,received_at,amount,currency\n"
                + "TOP-1," + WABA + ",2023-06-01T08:00:00Z,50.00,EUR\n"
                + "TOP-1," + WABA + ",2023-06-01T08:00:00Z,50.00,EUR\n" // listed twice: one payment
                + "TOP-2," + WABA + ",2023-06-30T22:30:00Z,1.00,EUR\n" // 1 July 00:30 in Amsterdam: July's
                + "TOP-3," + WABA + ",2023-07-15T10:00:00Z,5.00,EUR\n"
                + "REFUND-1," + WABA + ",2023-08-20T10:00:00Z,-20.00,EUR\n");
        Path input = Files.createDirectories(WORKSPACE.root().resolve("messages"));
        Files.writeString(input.resolve("export.csv"), HEADER + inbound("1", "888100000000001", "2023-06-10T10:00:00Z")
                + inbound("2", "888100000000001", "2023-07-10T10:00:00Z")
                + inbound("3", "888100000000001", "2023-08-10T10:00:00Z")
                + inbound("4", "888100000000002", "2023-08-11T10:00:00Z"));
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", input.toString())));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-10-02", "conversation-scope",
                "phone-number")));

        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-03")));
        // June: opening 0, top-ups 50.00 (TOP-1 once), usage 12.10 (10.00 + 2.10 VAT), closing 37.90
        assertThat(statements("2023-06")).containsExactly(WABA + "|EUR|0.00|50.00|12.10|37.90|ok");
        // the invoice's PDF says how the balance settles it: 0.00 + 50.00 - 12.10 = 37.90
        assertThat(pdfText("2023-06", "INV-" + WABA + "-2023-06")).contains("settled from your prepaid balance")
                .contains("Opening balance 0.00").contains("Top-ups this month 50.00").contains("This invoice 12.10")
                .contains("Balance after this invoice 37.90").contains("Plan fees 10.00");
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-07", "finalize", "true", "invoice-date", "2023-08-01")));
        // July: opening 37.90, top-ups 1.00 + 5.00 = 6.00, usage 12.10, closing 31.80
        assertThat(statements("2023-07")).containsExactly(WABA + "|EUR|37.90|6.00|12.10|31.80|ok");
        // September finalized before August (out of order), with no traffic, payment or document to settle: no
        // statement, so none takes July's closing balance as its opening while August's is still to come
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-09", "finalize", "true", "invoice-date", "2023-10-02")));
        assertThat(WORKSPACE.output().resolve("invoices/2023-09/statements.csv")).doesNotExist();

        // late data: a second number received a message on 20 June; its adjustment is finalized after July's statement
        Files.writeString(input.resolve("late.csv"), HEADER + inbound("5", "888100000000002", "2023-06-20T10:00:00Z"));
        completed(launch.newRun(messageImportJob, Map.of("input", input.toString())));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-10-02", "conversation-scope",
                "phone-number")));
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-08-05")));
        assertThat(summary("2023-06", "ADJ-" + WABA + "-2023-06-1")).containsEntry("status", "FINALIZED")
                .containsEntry("total", "10.00").containsEntry("gross", "12.10");
        // the written statements never change
        assertThat(statements("2023-06")).containsExactly(WABA + "|EUR|0.00|50.00|12.10|37.90|ok");

        completed(launch.newRun(invoiceJob, Map.of("month", "2023-08", "finalize", "true", "invoice-date", "2023-09-01")));
        // August: opening 31.80; top-ups -20.00 (a refund); usage: August's invoice, two numbers 20.00 + 4.20 VAT =
        // 24.20, and June's adjustment finalized since July's statement, 12.10: 36.30; closing 31.80 - 20.00 - 36.30
        // = -24.50, overdrawn
        assertThat(statements("2023-08")).containsExactly(WABA + "|EUR|31.80|-20.00|36.30|-24.50|overdrawn");
        assertThat(statements("2023-07")).containsExactly(WABA + "|EUR|37.90|6.00|12.10|31.80|ok");
        // a run again of a finalized month writes nothing new
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-08", "finalize", "true", "invoice-date", "2023-09-01")));
        assertThat(statements("2023-08")).containsExactly(WABA + "|EUR|31.80|-20.00|36.30|-24.50|overdrawn");
    }

    private static List<String> statements(String month) {
        return Csv.read(WORKSPACE.output().resolve("invoices/" + month + "/statements.csv")).stream()
                .map(r -> String.join("|", r.get("waba_id"), r.get("currency"), r.get("opening_balance"),
                        r.get("top_ups"), r.get("usage"), r.get("closing_balance"), r.get("status")))
                .toList();
    }

    private static String pdfText(String month, String invoiceId) throws java.io.IOException {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(WORKSPACE.output().resolve("invoices/" + month + "/" + invoiceId
                + ".pdf").toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    private static Map<String, String> summary(String month, String invoiceId) {
        return Csv.read(WORKSPACE.output().resolve("invoices/" + month + "/summary.csv")).stream()
                .filter(r -> r.get("invoice_id").equals(invoiceId)).findFirst().orElseThrow();
    }
}
