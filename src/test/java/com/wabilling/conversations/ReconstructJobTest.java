package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import com.wabilling.support.JobSummary;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/** reconstruct end to end: period composition, idempotent reruns, stale periods, restart. */
@SpringBatchTest
@JobTest
class ReconstructJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("reconstruct");
    private static final String WABA = "102938475610003";
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";
    private final Runs runs = new Runs();

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    /** The sample messages imported (each test reconstructs its own periods). */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv",
                "effective-date", "2023-04-01")));
        runs.importMessages("sample-data/messages");
    }

    @Test
    void consecutivePeriodsGiveExactlyTheConversationsOfOneRun() throws Exception {
        List<Map<String, String>> split = new ArrayList<>();
        for (String[] period : new String[][] {{"2023-05-25", "2023-06-01"}, {"2023-06-01", "2023-06-17"},
            {"2023-06-17", "2023-07-01"}, {"2023-07-01", "2023-07-06"}}) {
            assertThat(runs.reconstruct(period[0], period[1]).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            split.addAll(conversations(period[0], period[1]));
        }

        runs.reconstruct("2023-05-25", "2023-07-06");
        List<Map<String, String>> whole = conversations("2023-05-25", "2023-07-06");

        assertThat(whole).hasSizeGreaterThan(1000);
        assertThat(sorted(split)).isEqualTo(sorted(whole));
    }

    @Test
    void rerunningAPeriodReplacesItIdentically() throws Exception {
        runs.reconstruct("2023-05-25", "2023-06-01"); // the state at June's start
        runs.reconstruct("2023-06-01", "2023-07-01");
        List<Map<String, String>> first = conversations("2023-06-01", "2023-07-01");
        Path anomalies = WORKSPACE.output().resolve("conversations/2023-06-01_2023-07-01-anomalies.csv");
        String firstAnomalies = Files.readString(anomalies);

        runs.reconstruct("2023-06-01", "2023-07-01");

        assertThat(conversations("2023-06-01", "2023-07-01")).isEqualTo(first);
        assertThat(Files.readString(anomalies)).isEqualTo(firstAnomalies);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE opened_at_ms >= 1685577600000"
                + " AND opened_at_ms < 1688169600000", Integer.class)).isEqualTo(first.size());
        assertThat(Files.exists(WORKSPACE.output().resolve("conversations/2023-06-01_2023-07-01-reconciliation.csv")))
                .isTrue();
    }

    @Test
    void reRunningAPeriodAfterLateMessagesNamesTheLaterPeriodsBuiltOnOldState() throws Exception {
        runs.importMessages(file("late-1.csv",
                "late.1,%s,130000000000001,919800000001,outbound,template,monsoon_deals,en_US,2024-01-01T22:00:00Z,read,2024-01-01T22:00:05Z,\n"
                + "late.2,%s,130000000000001,919800000001,outbound,template,monsoon_deals,en_US,2024-01-02T01:00:00Z,read,2024-01-02T01:00:05Z,\n"));
        runs.reconstruct("2024-01-01", "2024-01-02");
        runs.reconstruct("2024-01-02", "2024-01-03");
        runs.importMessages(file("late-2.csv",
                "late.0,%s,130000000000001,919800000001,outbound,template,monsoon_deals,en_US,2024-01-01T01:30:00Z,read,2024-01-01T01:30:05Z,\n"));

        JobExecution rerun = runs.reconstruct("2024-01-01", "2024-01-02");

        assertThat(JobSummary.of(rerun)).contains("WARNING: period 2024-01-02 to 2024-01-03")
                .contains("jobs/wa-billing reconstruct from=2024-01-02 to=2024-01-03");
        JobExecution fixed = runs.reconstruct("2024-01-02", "2024-01-03");
        assertThat(JobSummary.of(fixed)).doesNotContain("WARNING");
    }

    @Test
    void aFirstPeriodWhoseStartIsNotKnownIsRefusedNamingTheExactStart() throws Exception {
        // A referral on 2024-05-01 opens a free entry point conversation that covers the
        // template on 2024-05-03; starting on 2024-05-02 would miss it and bill the template
        runs.importMessages(file("fep.csv",
                "fep.1,%s,130000000000001,919800000009,inbound,text,,,2024-05-01T10:00:00Z,,,ctwa_ad\n"
                + "fep.2,%s,130000000000001,919800000009,outbound,text,,,2024-05-01T10:05:00Z,read,2024-05-01T10:05:02Z,\n"
                + "fep.3,%s,130000000000001,919800000009,outbound,template,monsoon_deals,en_US,2024-05-03T09:00:00Z,read,2024-05-03T09:00:02Z,\n"));

        JobExecution refused = runs.reconstruct("2024-05-02", "2024-05-04");

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage())
                .contains("jobs/wa-billing reconstruct from=2024-05-01 to=2024-05-04");
        assertThat(runs.reconstruct("2024-05-01", "2024-05-04").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the template is inside the free entry point conversation: one conversation, FREE_ENTRY_POINT
        assertThat(conversations("2024-05-01", "2024-05-04")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("category", "FREE_ENTRY_POINT").containsEntry("opening_message_id", "fep.2"));
        // and the next day, now preceded by a recorded period, runs
        assertThat(runs.reconstruct("2024-05-04", "2024-05-05").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void messagesCountAtDeliveryNotWhenSent() throws Exception {
        runs.importMessages(file("delivery.csv",
                "dly.a,%s,130000000000001,919800000002,outbound,template,booking_confirmed,en_US,2024-02-01T10:00:00Z,delivered,2024-02-01T16:00:00Z,\n"
                + "dly.b,%s,130000000000001,919800000002,outbound,template,booking_confirmed,en_US,2024-02-01T11:00:00Z,read,2024-02-01T11:05:00Z,\n"
                + "dly.c,%s,130000000000001,919800000002,outbound,text,,,2024-02-01T12:00:00Z,failed,,\n"));

        runs.reconstruct("2024-02-01", "2024-02-02");

        assertThat(conversations("2024-02-01", "2024-02-02")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("category", "UTILITY").containsEntry("opening_message_id", "dly.b")
                    .containsEntry("opened_at", "2024-02-01T11:05:00Z").containsEntry("messages", "2")
                    .containsEntry("market", "India");
        });
    }

    @Test
    void wabaScopeJoinsThePhoneNumbersOfAWaba() throws Exception {
        runs.importMessages(file("scope.csv",
                "scp.1,%s,130000000000001,919800000003,outbound,template,booking_confirmed,en_US,2024-03-01T10:00:00Z,read,2024-03-01T10:00:01Z,\n"
                + "scp.2,%s,130000000000002,919800000003,outbound,template,booking_confirmed,en_US,2024-03-01T11:00:00Z,read,2024-03-01T11:00:01Z,\n"));

        runs.reconstruct("2024-03-01", "2024-03-02");
        List<Map<String, String>> byPhone = conversations("2024-03-01", "2024-03-02");
        JobExecution waba = runs.start(Map.of("from", "2024-03-01", "to", "2024-03-02", "conversation-scope", "waba"));

        assertThat(waba.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(byPhone).hasSize(2);
        assertThat(conversations("2024-03-01", "2024-03-02")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("phone_number_id", "").containsEntry("messages", "2"));
    }

    @Test
    void failedPartitionResumesAndOnlyItRunsAgain() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            csv.append(String.format("rst.%03d,%%1$s,130000000000001,9198000%05d,outbound,template,booking_confirmed,"
                    + "en_US,2024-04-01T10:%02d:00Z,read,2024-04-01T10:%02d:30Z,%n", i, i, i % 60, i % 60));
        }
        runs.importMessages(file("restart.csv", csv.toString()));
        Map<String, String> parameters = Map.of("from", "2024-04-01", "to", "2024-04-02");
        jdbc.execute("ALTER TABLE conversation ADD CONSTRAINT test_outage CHECK (opening_message_id <> 'rst.030')");
        JobExecution failed;
        try {
            failed = runs.start(parameters);
        } finally {
            jdbc.execute("ALTER TABLE conversation DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        int partial = jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE opening_message_id LIKE 'rst.%'",
                Integer.class);
        // The next day carries conversations in from the unfinished one: refused, naming the fix
        JobExecution next = runs.start(Map.of("from", "2024-04-02", "to", "2024-04-03"));
        assertThat(next.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(next.getAllFailureExceptions().get(0).getMessage())
                .contains("finish first: jobs/wa-billing reconstruct from=2024-04-01 to=2024-04-02");

        JobExecution resumed = runs.start(parameters);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partial).as("the other partitions committed").isPositive().isLessThan(60);
        assertThat(conversations("2024-04-01", "2024-04-02")).hasSize(60)
                .extracting(c -> c.get("conversation_id")).doesNotHaveDuplicates();
        long rerunPartitions = resumed.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("reconstruct-scopes")).count();
        assertThat(rerunPartitions).as("completed partitions are not run again").isEqualTo(1);
    }

    /**
     * Launch helpers. They live in an inner class because @SpringBatchTest takes any test-class method
     * returning a JobExecution for a factory of the job scope.
     */
    private final class Runs {
        JobExecution reconstruct(String from, String to) throws Exception {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("from", from);
            parameters.put("to", to);
            parameters.put("conversation-scope", "phone-number");
            return launch.newRun(reconstructJob, parameters);
        }

        JobExecution start(Map<String, String> parameters) throws Exception {
            return launch.exactly(reconstructJob, parameters);
        }

        void importMessages(String input) throws Exception {
            completed(launch.newRun(messageImportJob, Map.of("input", input, "max-rejects", "1000")));
        }
    }

    private static String file(String name, String rows) throws Exception {
        return Files.writeString(WORKSPACE.root().resolve(name), HEADER + String.format(rows, WABA, WABA, WABA))
                .toString();
    }

    private static List<Map<String, String>> conversations(String from, String to) {
        return Csv.read(WORKSPACE.output().resolve("conversations/" + from + "_" + to + ".csv"));
    }

    private static List<String> sorted(List<Map<String, String>> rows) {
        return rows.stream().map(Map::toString).sorted().toList();
    }
}
