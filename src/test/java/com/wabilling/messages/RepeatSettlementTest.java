package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.testing.DomainTables;

/**
 * Records the in-memory filter held as possible repeats are settled against the stored
 * rows in one pass, exactly as the per-chunk lookup decided them before (docs/formats.md).
 */
class RepeatSettlementTest {

    private static final long EARLIER_RUN = 1;
    private static final long RUN = 2;
    private static final Instant SENT = Instant.parse("2023-06-10T10:00:00Z");
    private static final Instant DELIVERED = Instant.parse("2023-06-11T09:00:00Z"); // the next UTC day
    private static int databases;

    @TempDir
    Path output;
    private JdbcTemplate jdbc;
    private MessageDao messages;
    private RunRecords ledger;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:settle" + (++databases),
                "SA", "");
        DomainTables.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        messages = new MessageDao(new NamedParameterJdbcTemplate(jdbc));
        ledger = new RunRecords(new NamedParameterJdbcTemplate(jdbc));
    }

    @Test
    void aHeldRecordWhoseIdIsNotStoredIsNewAfterAll() {
        // the filter answered "maybe" for an id never stored: a hash collision, or a chunk rolled back
        hold(outbound("wamid.new", "sent", null), 1);

        StepContribution counts = settle();

        assertThat(row("wamid.new")).containsEntry("STATUS", "sent").containsEntry("RUN_ID", RUN);
        assertThat(ledger.counts(RUN).get("part.csv")).isEqualTo(new SourceCounts(1, 0, 0));
        assertThat(counts.getWriteCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_repeat", Long.class)).isZero();
    }

    @Test
    void theFirstRecordStaysAndLaterOnesAreDuplicatesAdvancesOrConflicts() {
        messages.insert(List.of(outbound("wamid.a", "sent", null), outbound("wamid.b", "read", DELIVERED),
                outbound("wamid.c", "delivered", DELIVERED)), EARLIER_RUN);
        hold(outbound("wamid.a", "delivered", DELIVERED), 3); // advances a
        hold(outbound("wamid.a", "read", DELIVERED), 4); // and again
        hold(outbound("wamid.b", "delivered", DELIVERED), 5); // an earlier status of b: a duplicate
        hold(outbound("wamid.c", "failed", null), 6); // delivered then failed: a conflict

        StepContribution counts = settle();

        // a keeps the run that stored it, at its latest status, and counts on its delivery day now
        assertThat(row("wamid.a")).containsEntry("STATUS", "read").containsEntry("RUN_ID", EARLIER_RUN)
                .containsEntry("EVENT_AT_MS", DELIVERED.toEpochMilli());
        assertThat(StoredMessages.all(jdbc)).hasSize(3);
        assertThat(row("wamid.c")).containsEntry("STATUS", "delivered");
        assertThat(ledger.counts(RUN).get("part.csv")).isEqualTo(new SourceCounts(2, 1, 1));
        assertThat(messages.statusAdvances(RUN)).isEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT previous_status, status, advances FROM message_status_change"
                + " WHERE message_id = 'wamid.a'")).containsEntry("PREVIOUS_STATUS", "sent")
                .containsEntry("STATUS", "read").containsEntry("ADVANCES", 2L);
        assertThat(jdbc.queryForObject("SELECT reason FROM reject_record WHERE record_no = 6", String.class))
                .startsWith("conflicting_duplicate: message_id wamid.c");
        assertThat(messages.runStats(EARLIER_RUN)).isEqualTo(new MessageDao.RunStats(0, 3, 0));
        assertThat(new long[] {counts.getWriteCount(), counts.getFilterCount(), counts.getWriteSkipCount()})
                .containsExactly(2, 1, 1);
    }

    @Test
    void settledRecordsDeliveredWithinTheClockSkewBeforeTheirSendAreCounted() {
        // SENT is 10:00:00.000; Meta's whole seconds put the delivery 3 s before it
        Instant early = SENT.minusSeconds(3);
        messages.insert(List.of(outbound("wamid.e", "sent", null)), EARLIER_RUN);
        hold(outbound("wamid.e", "delivered", early), 1); // advances e: accepted, delivered before sent
        hold(outbound("wamid.f", "read", early), 2); // never stored: new, delivered before sent
        hold(outbound("wamid.g", "sent", null), 3); // never stored: new, not delivered

        StepContribution counts = settle();

        assertThat(ledger.counts(RUN).get("part.csv")).isEqualTo(new SourceCounts(3, 0, 0));
        assertThat(counts.getStepExecution().getExecutionContext()
                .getLong(RepeatSettlement.DELIVERED_BEFORE_SENT_KEY)).isEqualTo(2);
    }

    @Test
    void aMessageFirstStoredByTheSettlementIsStoredAtItsLatestStatus() {
        hold(outbound("wamid.d", "sent", null), 1);
        hold(outbound("wamid.d", "read", DELIVERED), 2);

        settle();

        assertThat(row("wamid.d")).containsEntry("STATUS", "read").containsEntry("RUN_ID", RUN);
        assertThat(StoredMessages.all(jdbc)).hasSize(1);
        assertThat(messages.runStats(RUN)).isEqualTo(new MessageDao.RunStats(0, 1, 0));
        assertThat(ledger.counts(RUN).get("part.csv")).isEqualTo(new SourceCounts(2, 0, 0));
    }

    private StepContribution settle() {
        JobExecution job = new JobExecution(1, new JobInstance(RUN, "import-messages"), new JobParameters());
        StepContribution contribution = new StepContribution(new StepExecution("settle-repeats", job));
        new RepeatSettlement(messages, ledger, new RejectLimit(100, ledger, output, "import-messages", 1), RUN)
                .execute(contribution, null);
        return contribution;
    }

    private void hold(ExportedMessage message, long record) {
        messages.hold(List.of(new MessageDao.HeldRepeat(message, 0, "part.csv", record, "raw " + record)), RUN);
    }

    private Map<String, Object> row(String id) {
        MessageDao.StoredRow row = StoredMessages.one(jdbc, id);
        Instant event = row.message().eventAt();
        return Map.of("STATUS", row.message().status(), "RUN_ID", row.runId(), "EVENT_AT_MS",
                event == null ? -1L : event.toEpochMilli());
    }

    private static ExportedMessage outbound(String id, String status, Instant delivered) {
        return new ExportedMessage(id, "100", "200", "31600000001", Direction.OUTBOUND, "text", null, null, SENT,
                status, delivered, null, null, null);
    }
}
