package com.wabilling.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * reconcile-meta end to end on sample-data/per-message (docs/formats.md, "Meta's pricing analytics").
 * Kaashandel De Molen (EUR, Europe/Amsterdam: October 2026 is 2026-09-30T22:00Z to 2026-10-31T23:00Z) has,
 * by its October invoice's lines: France utility 9 x 0.0276, Germany utility 3 x 0.0506, Israel
 * authentication-international 1 x 0.0245, Netherlands (market Other) marketing 3 x 0.0557, ... 68 records
 * costing 1.1158 in all.
 */
@SpringBatchTest
@JobTest
class ReconcileMetaJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("reconcile-meta");
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String MOLEN = "102938475610002";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Autowired
    Job reconcileMetaJob;

    /** The per-message sample reconstructed. */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/per-message")));
        completed(launch.newRun(reconstructJob, Map.of("from", "2025-06-01", "to", "2026-12-02")));
    }

    @Test
    void theSampleResponseDiffersByOneFrenchUtilityMessageAndACentFraction() throws Exception {
        JobExecution execution = launch.newRun(reconcileMetaJob, Map.of("month", "2026-10",
                "input", "sample-data/per-message/meta-analytics"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = WORKSPACE.output().resolve("reconciliation/2026-10");
        assertThat(Files.readAllLines(dir.resolve("meta-analytics.csv")).get(0)).isEqualTo("waba_id,country,"
                + "pricing_category,pricing_type,meta_volume,volume,volume_difference,meta_cost,cost,cost_difference,currency");
        Map<String, String> molen = rows(dir.resolve("meta-analytics.csv"), MOLEN);
        // Meta counts 10 French utility messages (0.1104 + 0.1656), the suite 9 x 0.0276 = 0.2484
        assertThat(molen.get("FR UTILITY REGULAR")).isEqualTo("10,9,1,0.276,0.2484,0.0276,EUR");
        assertThat(molen.get("IL AUTHENTICATION_INTERNATIONAL REGULAR")).isEqualTo("1,1,0,0.0245,0.0245,0.00,EUR");
        // 3 x 0.0557 = 0.1671 against Meta's rounded 0.167
        assertThat(molen.get("NL MARKETING REGULAR")).isEqualTo("3,3,0,0.167,0.1671,-0.0001,EUR");
        assertThat(molen.get("FR REFERRAL_CONVERSION FREE_ENTRY_POINT")).isEqualTo("13,13,0,0.00,0.00,0.00,EUR");
        assertThat(molen).hasSize(16);
        assertThat(molen.values()).filteredOn(v -> !v.matches("(\\d+),\\1,0,([\\d.]+),\\2,0\\.00,EUR"))
                .containsExactlyInAnyOrder("10,9,1,0.276,0.2484,0.0276,EUR", "3,3,0,0.167,0.1671,-0.0001,EUR");
        // the other accounts have no response: their records are on the suite's side only
        assertThat(Csv.read(dir.resolve("meta-analytics.csv"))).extracting(r -> r.get("waba_id")).isSorted()
                .contains("102938475610003");
        // EUR: 68 + 1 messages, 1.1158 + 0.0276 - 0.0001 = 1.1433
        assertThat(Files.readAllLines(dir.resolve("meta-analytics-summary.csv"))).contains("EUR,69,68,1,1.1433,1.1158,0.0275");
    }

    @Test
    void pointsOutsideTheLocalMonthAreLeftOutAndAWabaWithoutAnAccountIsReportedAsIs() throws Exception {
        Path input = Files.createDirectories(WORKSPACE.output().resolve("../meta-input"));
        Files.writeString(input.resolve("molen.json"), response(MOLEN,
                point("2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z", "IL", "authentication-international", 1, "0.0245"),
                point("2026-10-31T22:30:00Z", "2026-10-31T23:00:00Z", "DE", "UTILITY", 1, "0.0506"),
                point("2026-10-31T23:00:00Z", "2026-10-31T23:30:00Z", "DE", "UTILITY", 5, "0.2530"), // November
                point("2026-09-30T00:00:00Z", "2026-10-01T00:00:00Z", "DE", "UTILITY", 7, "0.3542"))); // straddles
        Files.writeString(input.resolve("unknown.json"), response("999000000000001",
                point("2026-10-10T00:00:00Z", "2026-10-11T00:00:00Z", "BR", "MARKETING", 2, "0.125")));
        Files.writeString(input.resolve("notes.txt"), "not a response: ignored");

        assertThat(launch.newRun(reconcileMetaJob, Map.of("month", "2026-10", "input", input.toString())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        Path dir = WORKSPACE.output().resolve("reconciliation/2026-10");
        Map<String, String> molen = rows(dir.resolve("meta-analytics.csv"), MOLEN);
        assertThat(molen.get("IL AUTHENTICATION_INTERNATIONAL REGULAR")).isEqualTo("1,1,0,0.0245,0.0245,0.00,EUR");
        // one half hour inside: 1 against 3 x 0.0506 = 0.1518
        assertThat(molen.get("DE UTILITY REGULAR")).isEqualTo("1,3,-2,0.0506,0.1518,-0.1012,EUR");
        assertThat(molen.get("FR UTILITY REGULAR")).isEqualTo("0,9,-9,0.00,0.2484,-0.2484,EUR");
        assertThat(rows(dir.resolve("meta-analytics.csv"), "999000000000001"))
                .containsExactly(Map.entry("BR MARKETING REGULAR", "2,0,2,0.125,0,0.125,"));
        List<String> summary = Files.readAllLines(dir.resolve("meta-analytics-summary.csv"));
        // EUR: Meta 0.0245 + 0.0506 = 0.0751 against 1.1158
        // the empty currency of the WABA without an account is quoted, as RFC 4180 writes an empty first field
        assertThat(summary).contains("\"\",2,0,2,0.125,0,0.125", "EUR,2,68,-66,0.0751,1.1158,-1.0407");
    }

    @Test
    void aMalformedResponseFailsNamingFileAndPathAndTheSameCommandResumesOnceFixed() throws Exception {
        Path input = Files.createDirectories(WORKSPACE.output().resolve("../meta-broken"));
        Path file = input.resolve("molen.json");
        Files.writeString(file, response(MOLEN, point("2026-10-10T00:00:00Z", "2026-10-11T00:00:00Z", "FR", "UTILITY",
                1, "0.0276")).replace("\"volume\": 1", "\"volume\": \"one\""));
        Map<String, String> parameters = Map.of("month", "2026-10", "input", input.toString(), "rerun", "broken-1");

        JobExecution failed = launch.exactly(reconcileMetaJob, parameters);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().toString()).contains(file.toString())
                .contains("$.pricing_analytics.data[0].data_points[0].volume");
        Files.writeString(file, response(MOLEN, point("2026-10-10T00:00:00Z", "2026-10-11T00:00:00Z", "FR", "UTILITY",
                1, "0.0276")));
        JobExecution resumed = launch.exactly(reconcileMetaJob, parameters);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(rows(WORKSPACE.output().resolve("reconciliation/2026-10/meta-analytics.csv"), MOLEN)
                .get("FR UTILITY REGULAR")).isEqualTo("1,9,-8,0.0276,0.2484,-0.2208,EUR");
    }

    /** One WABA's rows, "country category type" -> the rest of the row from meta_volume on. */
    private static Map<String, String> rows(Path file, String waba) {
        return Csv.read(file).stream().filter(r -> r.get("waba_id").equals(waba)).collect(Collectors.toMap(
                r -> r.get("country") + " " + r.get("pricing_category") + " " + r.get("pricing_type"),
                r -> String.join(",", r.get("meta_volume"), r.get("volume"), r.get("volume_difference"),
                        r.get("meta_cost"), r.get("cost"), r.get("cost_difference"), r.get("currency"))));
    }

    private static String response(String waba, String... points) {
        return "{\"id\": \"" + waba + "\", \"pricing_analytics\": {\"data\": [{\"data_points\": ["
                + String.join(", ", points) + "]}]}}";
    }

    private static String point(String start, String end, String country, String category, long volume, String cost) {
        return "{\"start\": " + Instant.parse(start).getEpochSecond() + ", \"end\": " + Instant.parse(end).getEpochSecond()
                + ", \"country\": \"" + country + "\", \"pricing_type\": \"REGULAR\", \"pricing_category\": \""
                + category + "\", \"volume\": " + volume + ", \"cost\": " + cost + "}";
    }
}
