package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.periods.ScopeMode;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/billing-rules.md 3.6 end to end: a customer first seen by phone number and by user id in one file,
 * linked by a row of a second file; the period built before the link is stale, and rebuilt it holds one
 * scope, one conversation, keyed by the user id, in the phone number's market.
 */
@SpringBatchTest
@JobTest
class UserIdLinkJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("user-ids");
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,customer_user_id,direction,"
            + "type,template_name,template_language,timestamp,status,delivered_at\n";
    private static final String WABA = "102938475610003,130000000000001";
    private static final String PHONE = "5511987650001";
    private static final String USER = "DE.77aa";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    PeriodRegistry ledger;

    @Test
    void aLinkInALaterFileMergesTheCustomersEarlierScopesAndMakesTheirPeriodStale() throws Exception {
        completed(launch.exactly(templateMigrationJob, Map.of("input", "sample-data/templates.csv",
                "effective-date", "2023-04-01")));
        importMessages("first.csv", "u1," + WABA + "," + PHONE + ",,outbound,template,booking_confirmed,en_US,"
                + "2024-05-10T10:00:00Z,delivered,2024-05-10T10:00:05Z\n"
                + "u2," + WABA + ",," + USER + ",outbound,template,booking_confirmed,en_US,"
                + "2024-05-10T12:00:00Z,delivered,2024-05-10T12:00:05Z\n");
        reconstruct();
        List<Map<String, String>> before = conversations();
        // two customers as far as the first file tells: the user id's market from its country (DE)
        assertThat(before).extracting(c -> c.get("customer_wa_id") + "/" + c.get("customer_user_id") + "/"
                + c.get("market")).containsExactlyInAnyOrder(PHONE + "//Brazil", "/" + USER + "/Germany");
        assertThat(anomalies()).extracting(a -> a.get("message_id") + " " + a.get("kind"))
                .containsExactly("u2 market_from_user_id");

        importMessages("second.csv", "u3," + WABA + "," + PHONE + "," + USER + ",inbound,text,,,"
                + "2024-05-10T13:00:00Z,,\n");
        PeriodRegistry.Recorded may10 = ledger.recorded(ScopeMode.PHONE_NUMBER).stream()
                .filter(r -> r.from().toString().equals("2024-05-10")).findFirst().orElseThrow();
        assertThat(ledger.isStale(ScopeMode.PHONE_NUMBER, may10)).as("a new link changes the scopes").isTrue();
        reconstruct();

        // one scope keyed DE.77aa: u1 opens a UTILITY conversation at 10:00:05, u2 rides on it two hours later
        // id = first 32 hex of SHA-256("102938475610003|130000000000001|DE.77aa|UTILITY|1715335205000")
        assertThat(conversations()).singleElement().satisfies(c -> {
            assertThat(c.get("conversation_id")).isEqualTo("38099acfcb62427c727724d4aebf59d0");
            assertThat(c.get("customer_wa_id")).isEqualTo(PHONE);
            assertThat(c.get("customer_user_id")).isEqualTo(USER);
            assertThat(c.get("market")).isEqualTo("Brazil");
            assertThat(c.get("category")).isEqualTo("UTILITY");
            assertThat(c.get("messages")).isEqualTo("2");
        });
        assertThat(anomalies()).isEmpty();
        assertThat(ledger.isStale(ScopeMode.PHONE_NUMBER, ledger.recorded(ScopeMode.PHONE_NUMBER).stream()
                .filter(r -> r.from().toString().equals("2024-05-10")).findFirst().orElseThrow())).isFalse();

        // a later row pairing the user id with another number: an anomaly, the first link stands
        importMessages("third.csv", "u4," + WABA + ",5511000000009," + USER + ",inbound,text,,,"
                + "2024-05-10T14:00:00Z,,\n");
        reconstruct();
        assertThat(anomalies()).extracting(a -> a.get("message_id") + " " + a.get("kind"))
                .containsExactly("u4 conflicting_user_link");
        assertThat(conversations()).singleElement().satisfies(c -> assertThat(c.get("customer_wa_id"))
                .isEqualTo(PHONE));
    }

    private void importMessages(String name, String rows) throws Exception {
        String input = Files.writeString(WORKSPACE.root().resolve(name), HEADER + rows).toString();
        completed(launch.newRun(messageImportJob, Map.of("input", input, "max-rejects", "0")));
    }

    private void reconstruct() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", "2024-05-10");
        parameters.put("to", "2024-05-11");
        parameters.put("conversation-scope", "phone-number");
        completed(launch.newRun(reconstructJob, parameters));
    }

    private static List<Map<String, String>> conversations() {
        return Csv.read(WORKSPACE.output().resolve("conversations/2024-05-10_2024-05-11.csv"));
    }

    private static List<Map<String, String>> anomalies() {
        return Csv.read(WORKSPACE.output().resolve("conversations/2024-05-10_2024-05-11-anomalies.csv"));
    }

}
