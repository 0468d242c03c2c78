package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.periods.ScopeMode;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/per-message-pricing.md 2 rule 3 with docs/billing-rules.md 3.4: the service free tier of a period counts on the earlier
 * periods of the account-local month, so re-running one of those after late data makes the later ones
 * stale, and invoicing refuses the month until they are re-run.
 */
@SpringBatchTest
@JobTest
class PerMessageStalenessTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("per-message-stale");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", () -> "sample-data");
    }

    @Autowired
    PeriodRegistry ledger;

    private final Runs runs = new Runs();

    @Test
    void reRunningAnEarlierPeriodOfTheMonthMakesTheLaterOnesStale() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/per-message")));
        completed(runs.reconstruct("2025-06-01", "2026-10-08"));
        completed(runs.reconstruct("2026-10-08", "2026-12-02"));
        // a late export: one more service reply of Toko Nusantara's number on 3 October, inside its window
        Path late = Files.writeString(WORKSPACE.root().resolve("late.csv"), "message_id,waba_id,phone_number_id,"
                + "customer_wa_id,direction,type,template_name,template_language,timestamp,status,delivered_at,entry_point\n"
                + "late.in,102938475610004,140000000000001,628100000001,inbound,text,,,2026-10-03T03:00:00Z,,,\n"
                + "late.out,102938475610004,140000000000001,628100000001,outbound,text,,,2026-10-03T03:05:00Z,read,"
                + "2026-10-03T03:05:02Z,\n");
        completed(launch.newRun(messageImportJob, Map.of("input", late.toString())));
        // the late message lies outside the later period's read window: only the tier ties them
        completed(runs.reconstruct("2025-06-01", "2026-10-08"));

        assertThat(ledger.stale(ScopeMode.PHONE_NUMBER, new com.wabilling.periods.Period(
                java.time.LocalDate.parse("2025-06-01"), java.time.LocalDate.parse("2026-10-08"), ScopeMode.PHONE_NUMBER)))
                .extracting(r -> r.from() + " " + r.to()).containsExactly("2026-10-08 2026-12-02");
        JobExecution refused = launch.newRun(invoiceJob, Map.of("month", "2026-10"));
        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(refused.getAllFailureExceptions().get(0).getMessage())
                .contains("jobs/wa-billing reconstruct from=2026-10-08 to=2026-12-02");
    }

    /** Launch helpers in an inner class (see ReconstructJobTest). */
    private final class Runs {
        JobExecution reconstruct(String from, String to) throws Exception {
            return launch.newRun(reconstructJob, Map.of("from", from, "to", to, "conversation-scope", "phone-number"));
        }
    }
}
