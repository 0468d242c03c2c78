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
 * A price plan through the invoice job (docs/billing-rules.md 4.6): two finalized months of an account on a plan
 * that changes on 2023-07-01, then a late inbound message of June that adds a licence and takes the minimum
 * commitment back in an adjustment. Every amount below is computed by hand from the messages written here.
 */
@SpringBatchTest
@JobTest
class PricePlanJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("plans");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String WABA = "777000000000001";
    private static final String P1 = "777100000000001";
    private static final String P2 = "777100000000002";
    private static final String P3 = "777100000000003";
    private static final String PER_MESSAGE_WABA = "777000000000002";
    private static final String PM1 = "777200000000001";
    private static final String PM2 = "777200000000002";
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,"
            + "template_language,timestamp,status,delivered_at,entry_point\n";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    private static String row(String id, String phone, String customer, String direction, String type, String template,
            String sent, String status, String delivered) {
        return String.join(",", "wamid.PLAN" + id, WABA, phone, customer, direction, type, template,
                template.isEmpty() ? "" : "de", sent, status, delivered, "") + "\n";
    }

    @Test
    void twoMonthsOnAPlanFinalizedAndALateMessageAdjustsJune() throws Exception {
        writeAccountsAndPlans();
        Path templates = marketingTemplate("templates.csv", "TPL-9001", WABA, "sommer_angebot",
                "Sommerangebot: 20 % Rabatt auf alle Fahrräder mit dem Code SOMMER20!", "Jetzt kaufen");
        Path input = Files.createDirectories(WORKSPACE.root().resolve("messages"));
        // Amsterdam is UTC+2 in summer. June: P1 sends a marketing template (delivered) and answers an inbound
        // message (a free SERVICE conversation); P2 only receives; a template sent on 30 June 23:30 local fails
        // (June's); one sent on 1 July 00:30 local fails (July's). July: P3 only receives.
        Files.writeString(input.resolve("export.csv"), HEADER
                + row("1", P1, "4915100000001", "outbound", "template", "sommer_angebot", "2023-06-10T10:00:00Z", "read",
                        "2023-06-10T10:00:05Z")
                + row("2", P1, "4915100000002", "inbound", "text", "", "2023-06-11T09:00:00Z", "", "")
                + row("3", P1, "4915100000002", "outbound", "text", "", "2023-06-11T09:05:00Z", "delivered",
                        "2023-06-11T09:05:02Z")
                + row("4", P2, "4915100000003", "inbound", "text", "", "2023-06-12T08:00:00Z", "", "")
                + row("5", P1, "4915100000004", "outbound", "template", "sommer_angebot", "2023-06-30T21:30:00Z",
                        "failed", "")
                + row("6", P1, "4915100000004", "outbound", "template", "sommer_angebot", "2023-06-30T22:30:00Z",
                        "failed", "")
                + row("7", P3, "4915100000005", "inbound", "text", "", "2023-07-05T10:00:00Z", "", ""));
        completed(launch.newRun(templateMigrationJob, Map.of("input", templates.toString())));
        completed(launch.newRun(messageImportJob, Map.of("input", input.toString())));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-08-02", "conversation-scope",
                "phone-number")));

        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-07-03")));
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-07", "finalize", "true", "invoice-date", "2023-08-01")));

        // June: Meta 1 marketing conversation to Germany at 0.1256 -> 0.13, markup 10 % = 0.013 -> 0.01 (Meta net 0.14);
        // licence 2 numbers (P1, P2) x 20 = 40.00; delivered 2 x 0.01 = 0.02; inbound 2 x 0.005 = 0.01;
        // failed 1 x 0.02 = 0.02; net 0.14 + 40.05 = 40.19 < 50: minimum commitment 9.81; total 50.00
        String june = "INV-" + WABA + "-2023-06";
        assertThat(lines("2023-06", june)).containsExactly(
                "MARKETING|Germany|0.1256|1|0.13", "SERVICE|Germany|0.0753|1|0.00",
                "LICENCE||20.00|2|40.00", "PLATFORM_DELIVERED||0.01|2|0.02", "PLATFORM_INBOUND||0.005|2|0.01",
                "PLATFORM_FAILED||0.02|1|0.02", "MINIMUM_COMMITMENT||9.81|1|9.81");
        assertThat(invoice("2023-06", june)).containsEntry("status", "FINALIZED").containsEntry("subtotal", "49.99")
                .containsEntry("markup", "0.01").containsEntry("total", "50.00").containsEntry("conversations", "2");
        // July, under the plan of 2023-07-01 (licence 25, no minimum), with no conversation at all:
        // licence 2 numbers (P1 by its failure, P3 by an inbound message) x 25 = 50.00; inbound 1 x 0.005 = 0.005
        // -> 0.01; failed 1 x 0.02 = 0.02; total 50.03, no markup
        String july = "INV-" + WABA + "-2023-07";
        assertThat(lines("2023-07", july)).containsExactly("LICENCE||25.00|2|50.00", "PLATFORM_INBOUND||0.005|1|0.01",
                "PLATFORM_FAILED||0.02|1|0.02");
        assertThat(invoice("2023-07", july)).containsEntry("markup", "0.00").containsEntry("total", "50.03");
        assertThat(WORKSPACE.output().resolve("invoices/2023-06/" + june + ".pdf")).exists();
        assertThat(Files.readString(WORKSPACE.output().resolve("invoices/2023-06/" + june + ".xml")))
                .contains("Licence per phone number").contains("Minimum monthly commitment");

        // late data: an inbound message of 20 June on P3
        Files.writeString(input.resolve("late.csv"), HEADER + row("8", P3, "4915100000006", "inbound", "text", "",
                "2023-06-20T10:00:00Z", "", ""));
        completed(launch.newRun(messageImportJob, Map.of("input", input.toString())));
        completed(launch.newRun(reconstructJob, Map.of("from", "2023-05-25", "to", "2023-08-02", "conversation-scope",
                "phone-number")));
        completed(launch.newRun(invoiceJob, Map.of("month", "2023-06", "finalize", "true", "invoice-date", "2023-08-02")));

        // June again: licence 3 x 20 = 60.00 (+20.00); inbound 3 x 0.005 = 0.015 -> 0.02 (+0.01); net 0.14 + 60.06 =
        // 60.20 >= 50: the minimum commitment of 9.81 is taken back; the adjustment is 20.00 + 0.01 - 9.81 = 10.20
        String adjustment = "ADJ-" + WABA + "-2023-06-1";
        assertThat(lines("2023-06", adjustment)).containsExactly("LICENCE||20.00|1|20.00",
                "PLATFORM_INBOUND||0.005|1|0.01", "MINIMUM_COMMITMENT||9.81|-1|-9.81");
        assertThat(invoice("2023-06", adjustment)).containsEntry("status", "FINALIZED").containsEntry("markup", "0.00")
                .containsEntry("total", "10.20");
        assertThat(invoice("2023-06", june)).containsEntry("total", "50.00"); // never changed
        assertThat(lines("2023-07", july)).hasSize(3); // July's invoice as it was
    }

    /** Both tests' accounts and plans: the per-message account's plan starts in 2026, so 2023 knows none of it. */
    private static void writeAccountsAndPlans() throws java.io.IOException {
        Files.writeString(REFERENCE.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,markup_percent,"
                + "legal_name,street,city,postal_code,country_code,vat_id,peppol_endpoint,plan_id\n"
                + WABA + ",Fietsen Plan,Europe/Amsterdam,EUR,10,Fietsen B.V.,Damstraat 1,Amsterdam,1012 JL,NL,"
                + "NL000099998B57,0106:11223344,growth\n"
                + PER_MESSAGE_WABA + ",Bäckerei Ząbek,Europe/Amsterdam,EUR,10,Bäckerei Ząbek B.V.,Damstraat 2,Amsterdam,"
                + "1012 JL,NL,NL000099998B57,0106:11223345,bakery\n");
        Files.writeString(REFERENCE.resolve("plans.csv"), "effective_from,plan_id,currency,licence_per_phone_number,"
                + "fee_per_delivered,fee_per_inbound,fee_per_failed,minimum_monthly\n"
                + "2023-01-01,growth,EUR,20,0.01,0.005,0.02,50\n"
                + "2023-07-01,growth,EUR,25,0.01,0.005,0.02,\n"
                + "2026-01-01,bakery,EUR,20,0.01,0.005,0.02,45\n");
    }

    /**
     * A per-message month on a plan (docs/billing-rules.md 4.6: a message's time is its delivery, else its send
     * time, in the account-local month). Amsterdam is UTC+1 after 25 October 2026. October: PM1 sends a marketing
     * template and answers an inbound message (free service); PM2 only receives; a template sent 23:30:00.250
     * local on 31 October fails (October's); one sent on 1 November 00:30 local fails (November's); one sent
     * 23:59:59.731 local on 31 October is delivered at 00:00:01 local on 1 November (November's, for Meta and
     * for the plan).
     */
    @Test
    void aPerMessageMonthOnAPlanCountsByDeliveryInTheAccountsMonth() throws Exception {
        writeAccountsAndPlans();
        Path templates = marketingTemplate("templates-2026.csv", "TPL-9101", PER_MESSAGE_WABA, "herbst_angebot",
                "Herbstangebot: 20 % Rabatt auf alle Kuchen mit dem Code HERBST20!", "Jetzt bestellen");
        Path input = Files.createDirectories(WORKSPACE.root().resolve("messages-2026"));
        Files.writeString(input.resolve("export.csv"), HEADER
                + perMessageRow("1", PM1, "4915100000011", "outbound", "template", "herbst_angebot",
                        "2026-10-10T10:00:00.412Z", "read", "2026-10-10T10:00:05Z")
                + perMessageRow("2", PM1, "4915100000012", "inbound", "text", "", "2026-10-11T09:00:00.018Z", "", "")
                + perMessageRow("3", PM1, "4915100000012", "outbound", "text", "", "2026-10-11T09:05:00.777Z", "delivered",
                        "2026-10-11T09:05:02Z")
                + perMessageRow("4", PM2, "4915100000013", "inbound", "text", "", "2026-10-12T08:00:00.001Z", "", "")
                + perMessageRow("5", PM1, "4915100000014", "outbound", "template", "herbst_angebot",
                        "2026-10-31T22:30:00.250Z", "failed", "")
                + perMessageRow("6", PM1, "4915100000014", "outbound", "template", "herbst_angebot",
                        "2026-10-31T23:30:00.250Z", "failed", "")
                + perMessageRow("7", PM1, "4915100000015", "outbound", "template", "herbst_angebot",
                        "2026-10-31T22:59:59.731Z", "delivered", "2026-10-31T23:00:01Z"));
        completed(launch.newRun(templateMigrationJob, Map.of("input", templates.toString())));
        completed(launch.newRun(messageImportJob, Map.of("input", input.toString())));
        completed(launch.newRun(reconstructJob, Map.of("from", "2026-09-25", "to", "2026-11-05")));

        completed(launch.newRun(invoiceJob, Map.of("month", "2026-10", "finalize", "true", "invoice-date", "2026-11-02")));

        // Meta: 1 marketing message to Germany at the 2025-07-01 EUR row's 0.1256 -> 0.13, markup 10 % = 0.013 ->
        // 0.01; the service reply is free and shows the utility rate 0.0506. Plan "bakery": licence 2 numbers
        // (PM1; PM2 by an inbound message alone) x 20 = 40.00; delivered 2 (messages 1 and 3) x 0.01 = 0.02;
        // inbound 2 x 0.005 = 0.01; failed 1 (message 5) x 0.02 = 0.02; net 0.14 + 40.05 = 40.19 < 45:
        // minimum commitment 4.81; total 45.00
        String october = "INV-" + PER_MESSAGE_WABA + "-2026-10";
        assertThat(Csv.read(WORKSPACE.output().resolve("invoices/2026-10/" + october + ".csv")).stream()
                .map(l -> l.get("category") + "|" + l.get("market") + "|" + l.get("unit_price") + "|"
                        + l.get("messages") + "|" + l.get("amount")).toList())
                .containsExactly("MARKETING|Germany|0.1256|1|0.13", "SERVICE|Germany|0.0506|1|0.00",
                        "LICENCE||20.00|2|40.00", "PLATFORM_DELIVERED||0.01|2|0.02", "PLATFORM_INBOUND||0.005|2|0.01",
                        "PLATFORM_FAILED||0.02|1|0.02", "MINIMUM_COMMITMENT||4.81|1|4.81");
        assertThat(invoice("2026-10", october)).containsEntry("status", "FINALIZED").containsEntry("subtotal", "44.99")
                .containsEntry("markup", "0.01").containsEntry("total", "45.00").containsEntry("conversations", "2");
    }

    /** A templates file of one approved German marketing template. */
    private static Path marketingTemplate(String file, String id, String waba, String name, String body,
            String button) throws java.io.IOException {
        Path templates = WORKSPACE.root().resolve(file);
        Files.writeString(templates, "template_id,waba_id,name,language,category,status,header,body,footer,buttons\n"
                + String.join(",", id, waba, name, "de", "MARKETING", "APPROVED", "", body, "", button) + "\n");
        return templates;
    }

    private static String perMessageRow(String id, String phone, String customer, String direction, String type,
            String template, String sent, String status, String delivered) {
        return row(id, phone, customer, direction, type, template, sent, status, delivered)
                .replace("wamid.PLAN" + id + "," + WABA, "wamid.PLANPM" + id + "," + PER_MESSAGE_WABA);
    }

    private static List<String> lines(String month, String invoiceId) {
        return Csv.read(WORKSPACE.output().resolve("invoices/" + month + "/" + invoiceId + ".csv")).stream()
                .map(l -> l.get("category") + "|" + l.get("market") + "|" + l.get("unit_price") + "|"
                        + l.get("conversations") + "|" + l.get("amount"))
                .toList();
    }

    private static Map<String, String> invoice(String month, String invoiceId) {
        return Csv.read(WORKSPACE.output().resolve("invoices/" + month + "/summary.csv")).stream()
                .filter(r -> r.get("invoice_id").equals(invoiceId)).findFirst().orElseThrow();
    }
}
