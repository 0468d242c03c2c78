package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.ops.JobRunner;
import com.wabilling.support.JobSummary;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/** import-messages end to end on a real HSQLDB file database, including the restart pattern. */
@SpringBatchTest
@JobTest
class MessageImportJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("import");
    private static final Path JULY = Path.of("sample-data/messages/export-2023-07.csv");
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    Job messageImportJob;
    @Autowired
    Job reconstructJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunRecords ledger;

    @BeforeEach
    void selectJob() {
        jobs.setJob(messageImportJob);
    }

    @Test
    void importsTheSampleExportsAccountingForEveryRecordOfEveryFile() throws Exception {
        JobExecution execution = (JobExecution) start("sample-data/messages", "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, SourceCounts> counts = ledger.counts(execution.getJobInstanceId());
        assertThat(counts).hasSize(4);
        counts.forEach((file, c) -> assertThat(c.read()).as(file).isEqualTo(dataRecords(Path.of(file))));
        long accepted = counts.values().stream().mapToLong(SourceCounts::accepted).sum();
        assertThat(StoredMessages.count(jdbc, r -> r.runId() == execution.getJobInstanceId())).isEqualTo(accepted);
        assertThat(counts.get("sample-data/messages/export-2023-06a.csv").duplicates())
                .as("the May export overlaps June by six hours").isPositive();
        String rejects = Files.readString(rejectsFile(execution));
        assertThat(rejects).contains("no time zone", "E.164", "conflicting_duplicate", "direction must be");

        // Spring Batch's own counts tell the same: 4,364 data records (628 + 1,536 + 1,674 + 526); the
        // four bad rows of messages.md are rejects (write skips); 128 records repeat an earlier
        // message_id, one of them the conflicting repeat (a reject), so 127 identical duplicates are
        // filtered; 4,364 - 4 - 127 = 4,233 stored
        assertThat(repeatedMessageIds(Path.of("sample-data/messages"))).isEqualTo(128);
        assertStepCounts(execution, 4364, 4233, 127, 4);
        assertThat(accepted).isEqualTo(4233);
    }

    @Test
    void aFileImportedCompletelyIsSkippedByContentAndAChangedCopyAddsOnlyItsNewRows() throws Exception {
        Path dir = Files.createDirectories(WORKSPACE.root().resolve("again"));
        String rows = "again.1,100,200,5511987654321,inbound,text,,,1685620800,,,\n"
                + "again.2,100,200,5511987654321,outbound,text,,,1685620860,read,1685620861,\n";
        Files.writeString(dir.resolve("a.csv"), HEADER + rows);
        JobExecution first = (JobExecution) start(dir.toString(), "1000", null);

        JobExecution second = (JobExecution) start(dir.toString(), "1000", "2");

        // Same content = same file, whatever its folder or name
        assertThat(ledger.counts(second.getJobInstanceId())).isEmpty();
        assertThat(JobSummary.of(second)).contains("skipped " + dir.resolve("a.csv") + ": already imported by run "
                + first.getJobInstanceId());
        Path later = Files.createDirectories(WORKSPACE.root().resolve("again-later"));
        Files.writeString(later.resolve("renamed.csv"), HEADER + rows);
        Files.writeString(later.resolve("grown.csv"), HEADER + rows
                + "again.3,100,200,5511987654321,inbound,text,,,1685620900,,,\n");
        JobExecution third = (JobExecution) start(later.toString(), "1000", null);

        assertThat(JobSummary.of(third)).contains("skipped " + later.resolve("renamed.csv"));
        assertThat(ledger.counts(third.getJobInstanceId()))
                .containsExactly(Map.entry(later.resolve("grown.csv").toString(), new SourceCounts(1, 0, 2)));
        assertThat(stored("again.%")).isEqualTo(3);
        assertStepCounts(third, 3, 1, 2, 0);
    }

    @Test
    void aFileWithAHeaderAndNoRecordIsNamedInTheSummary() throws Exception {
        Path dir = Files.createDirectories(WORKSPACE.root().resolve("header-only"));
        Files.writeString(dir.resolve("a.csv"), HEADER
                + "ho.1,100,200,5511987654321,inbound,text,,,2023-06-01T10:00:00.120Z,,,\n");
        Files.writeString(dir.resolve("b-empty-export.csv"), HEADER);

        JobExecution execution = (JobExecution) start(dir.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobSummary.of(execution)).contains(dir.resolve("b-empty-export.csv")
                + " holds a header and no record: nothing imported from it")
                .doesNotContain(dir.resolve("a.csv") + " holds a header");
    }

    @Test
    void aLaterStatusOfAMessageAdvancesTheStoredRowAndNamesTheReconstructedPeriodsItChanges() throws Exception {
        // Export 1 saw the messages early, export 2 later
        Path one = Files.writeString(WORKSPACE.root().resolve("status-1.csv"), HEADER
                + "adv.1,100,200,5511987654321,outbound,template,order_update,en,2023-06-01T10:00:00Z,sent,,\n"
                + "adv.2,100,200,5511987654321,outbound,text,,,2023-06-01T10:01:00Z,delivered,2023-06-01T10:02:00Z,\n"
                + "adv.3,100,200,5511987654321,outbound,text,,,2023-06-01T10:03:00Z,read,2023-06-01T10:04:00Z,\n"
                + "adv.4,100,200,5511987654321,outbound,text,,,2023-06-01T10:05:00Z,failed,,\n");
        JobExecution first = (JobExecution) start(one.toString(), "1000", null);
        // the period of 1 June was reconstructed before the later export arrived
        long from = Instant.parse("2023-06-01T00:00:00Z").toEpochMilli();
        jdbc.update("INSERT INTO reconstructed_period (scope_mode, from_ms, to_ms, window_messages, carried_hash,"
                + " run_id, completed_at_ms) VALUES ('phone-number', ?, ?, 3, 'x', 1, 0)", from, from + 86_400_000L);
        Path two = Files.writeString(WORKSPACE.root().resolve("status-2.csv"), HEADER
                + "adv.1,100,200,5511987654321,outbound,template,order_update,en,2023-06-01T10:00:00Z,read,2023-06-01T11:00:00Z,\n"
                + "adv.2,100,200,5511987654321,outbound,text,,,2023-06-01T10:01:00Z,read,2023-06-01T10:02:00Z,\n"
                + "adv.3,100,200,5511987654321,outbound,text,,,2023-06-01T10:03:00Z,delivered,2023-06-01T10:04:00Z,\n"
                + "adv.4,100,200,5511987654321,outbound,text,,,2023-06-01T10:05:00Z,delivered,2023-06-01T10:06:00Z,\n"
                + "adv.5,100,200,5511987654321,outbound,text,,,2023-06-01T10:07:00Z,sent,,\n"
                + "adv.5,100,200,5511987654321,outbound,text,,,2023-06-01T10:07:00Z,delivered,2023-06-01T10:08:00Z,\n");

        JobExecution second = (JobExecution) start(two.toString(), "1000", null);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // advanced: adv.1 (sent -> read), adv.2 (delivered -> read), adv.5 (sent -> delivered in one file);
        // adv.3 is an older status (a duplicate); adv.4 was failed, which is final (a conflict)
        assertThat(ledger.counts(second.getJobInstanceId()).get(two.toString())).isEqualTo(new SourceCounts(4, 1, 1));
        assertThat(row("adv.1")).containsExactly("read", Instant.parse("2023-06-01T11:00:00Z").toEpochMilli(),
                Instant.parse("2023-06-01T11:00:00Z").toEpochMilli(), first.getJobInstanceId());
        assertThat(row("adv.2").get(0)).isEqualTo("read");
        assertThat(row("adv.3").get(0)).isEqualTo("read");
        assertThat(row("adv.4")).containsExactly("failed", null, null, first.getJobInstanceId());
        assertThat(row("adv.5")).containsExactly("delivered", Instant.parse("2023-06-01T10:08:00Z").toEpochMilli(),
                Instant.parse("2023-06-01T10:08:00Z").toEpochMilli(), second.getJobInstanceId());
        assertThat(Csv.read(rejectsFile(second))).singleElement()
                .satisfies(r -> assertThat(r.get("reason")).startsWith("conflicting_duplicate: message_id adv.4"));
        assertThat(JobSummary.of(second)).contains("status advanced: 3 accepted records")
                .contains("period 2023-06-01 to 2023-06-02 (phone-number) was reconstructed before these status changes;"
                        + " run: jobs/wa-billing reconstruct from=2023-06-01 to=2023-06-02 conversation-scope=phone-number");
        // accepted = rows stored + status advances: 4 = 1 + 3
        assertStepCounts(second, 6, 4, 1, 1);
    }

    @Test
    void rowsThatCannotBeTrueAreRejectedWithTheirReason() throws Exception {
        String future = Instant.now().plusSeconds(3600).toString();
        Path file = Files.writeString(WORKSPACE.root().resolve("untrue.csv"), HEADER
                + "untrue.1,100,200,5511987654321,outbound,text,,,2023-06-01T10:00:00.250Z,read,2023-06-01T09:54:59Z,\n"
                + "untrue.2,100,200,5511987654321,inbound,text,,," + future + ",,,\n"
                + "untrue.3,100,200,5511987654321,outbound,text,,,2023-06-01T10:00:00Z,delivered," + future + ",\n"
                + "untrue.4,100,200,5511987654321,inbound,text,,," + Instant.now().plusSeconds(60) + ",,,\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString())).isEqualTo(new SourceCounts(1, 3, 0));
        // untrue.4 is a minute ahead: within the 5 minutes allowed for clock skew
        assertThat(Csv.read(rejectsFile(execution))).extracting(r -> r.get("reason")).satisfiesExactly(
                r -> assertThat(r).isEqualTo("delivered_at 2023-06-01T09:54:59Z is more than 5 minutes before"
                        + " timestamp 2023-06-01T10:00:00.250Z: beyond the clock skew allowed, it cannot have been"
                        + " delivered before it was sent"),
                r -> assertThat(r).startsWith("timestamp " + Instant.parse(future) + " is in the future of this run")
                        .endsWith("the run's start plus the tolerance for clock skew)"),
                r -> assertThat(r).startsWith("delivered_at " + Instant.parse(future) + " is in the future of this run"));
    }

    @Test
    void aDeliveryStampedBeforeItsSendWithinClockSkewIsStoredCountedAndOpensAConversation() throws Exception {
        // docs/formats.md, clock skew: sends stamped by the BSP in milliseconds, deliveries by Meta in seconds
        Path file = Files.writeString(WORKSPACE.root().resolve("skew.csv"), HEADER
                + "skew.1,100,200,5511987654321,outbound,template,spring_sale,en,2024-03-10T10:38:57.733Z,delivered,"
                + "2024-03-10T10:38:57Z,\n"
                + "skew.2,100,200,5511987654321,outbound,text,,,2024-03-10T11:00:00.250Z,read,2024-03-10T11:00:01Z,\n"
                + "skew.3,100,200,5511987654322,outbound,template,spring_sale,en,2024-03-10T12:10:00.001Z,read,"
                + "2024-03-10T12:05:00Z,\n"
                + "skew.4,100,200,5511987654323,outbound,template,spring_sale,en,1710072600000,read,"
                + "2024-03-10T12:05:00Z,\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        // skew.1 (0.733 s early) and skew.4 (sent 12:10:00.000, exactly 5 minutes early) are accepted;
        // skew.3 is 5 minutes and 1 ms early
        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(3, 1, 0));
        assertThat(JobSummary.of(execution)).contains("\n  delivered before sent, within clock skew: 2\n");
        assertThat(Csv.read(rejectsFile(execution))).extracting(r -> r.get("reason")).containsExactly(
                "delivered_at 2024-03-10T12:05:00Z is more than 5 minutes before timestamp 2024-03-10T12:10:00.001Z:"
                + " beyond the clock skew allowed, it cannot have been delivered before it was sent");
        assertThat(row("skew.1")).containsExactly("delivered", Instant.parse("2024-03-10T10:38:57Z").toEpochMilli(),
                Instant.parse("2024-03-10T10:38:57Z").toEpochMilli(), execution.getJobInstanceId());

        // billed: the early-stamped template opens the day's conversation at its delivery
        jobs.setJob(reconstructJob);
        JobExecution reconstruct = jobs.startJob(JobRunner.toJobParameters(Map.of("from", "2024-03-10",
                "to", "2024-03-11")));
        assertThat(reconstruct.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Csv.read(WORKSPACE.output().resolve("conversations/2024-03-10_2024-03-11.csv")))
                .filteredOn(c -> c.get("customer_wa_id").equals("5511987654321")).singleElement()
                .satisfies(c -> {
                    assertThat(c.get("opening_message_id")).isEqualTo("skew.1");
                    assertThat(c.get("opened_at")).isEqualTo("2024-03-10T10:38:57Z");
                    assertThat(c.get("messages")).isEqualTo("2");
                });
    }

    @Test
    void theClockSkewCountSurvivesAFailedImportAndItsResume() throws Exception {
        // every 1000th row from the 8th is delivered 0.5 s before its send: 2 in the committed first chunk
        // of 2,000, 2 in the second, which fails and is read again on resume: 4 in all
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3500; i++) {
            long sent = 1685620800L + i;
            csv.append(i % 1000 == 7
                    ? String.format("skewresume.%05d,100,200,55119%08d,outbound,text,,,%d500,delivered,%d,%n", i, i,
                            sent, sent)
                    : String.format("skewresume.%05d,100,200,55119%08d,inbound,text,,,%d,,,%n", i, i, sent));
        }
        Path file = Files.writeString(WORKSPACE.root().resolve("skew-resume.csv"), csv);
        // an outage on this run's second block (earlier runs of this class may hold blocks numbered 2)
        long lastRun = jdbc.queryForObject("SELECT COALESCE(MAX(job_instance_id), 0) FROM batch_job_instance",
                Long.class);
        jdbc.execute("ALTER TABLE message_block ADD CONSTRAINT test_skew_outage CHECK (block_no <> 2 OR run_id <= "
                + lastRun + ")");
        JobExecution failed;
        try {
            failed = (JobExecution) start(file.toString(), "1000", null);
        } finally {
            jdbc.execute("ALTER TABLE message_block DROP CONSTRAINT test_skew_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored("skewresume.%")).isEqualTo(2000);

        JobExecution resumed = (JobExecution) start(file.toString(), "1000", null);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(stored("skewresume.%")).isEqualTo(3500);
        assertThat(JobSummary.of(resumed)).contains("\n  delivered before sent, within clock skew: 4\n");
    }

    @Test
    void aFileWithoutEntryPointIsImportedWithOneWarning() throws Exception {
        Path file = Files.writeString(WORKSPACE.root().resolve("no-entry-point.csv"),
                "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,timestamp\n"
                + "nep.1,100,200,5511987654321,inbound,text,1685620800\n"
                + "nep.2,100,200,5511987654321,inbound,text,1685620900\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString())).isEqualTo(new SourceCounts(2, 0, 0));
        assertThat(JobSummary.of(execution).split("\n")).filteredOn(l -> l.contains("no entry_point column"))
                .singleElement().satisfies(l -> assertThat(l).contains(file.toString())
                        .contains("free entry point conversations cannot be detected"));
    }

    @Test
    void aLatin1ExportFailsNamingTheFileAndRecord() throws Exception {
        Path file = WORKSPACE.root().resolve("latin1.csv");
        Files.write(file, (HEADER + "l1.1,100,200,5511987654321,inbound,text,,,1685620800,,,\n"
                + "l1.2,100,200,5511987654321,outbound,template,promo\u00e7\u00e3o,pt_BR,1685620800,sent,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failureMessages(execution)).contains(file + " is not UTF-8: record 2 (ending on line 3)");
    }

    @Test
    void aFolderWithoutExportsFailsNamingWhatItHolds() throws Exception {
        Path dir = Files.createDirectories(WORKSPACE.root().resolve("nothing/2023-06"));
        Files.writeString(dir.resolveSibling("export.txt"), HEADER);

        // the job's own parameter check refuses it before any execution exists (the job owns it)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(dir.getParent().toString(), "1000", null))
                .isInstanceOf(org.springframework.batch.core.job.parameters.InvalidJobParametersException.class)
                .hasMessageContaining("no input files in " + dir.getParent())
                .hasMessageContaining("2023-06/ (a sub-folder)").hasMessageContaining("export.txt");
    }

    @Test
    void truncatedFileWithRaggedRowsLosesNothing() throws Exception {
        Path file = Files.writeString(WORKSPACE.root().resolve("truncated.csv"), HEADER
                + "trunc.1,100,200,5511987654321,inbound,text,,,1685620800,,,\n"
                + "trunc.2,100,200,5511987654321,inbound\n"
                + "trunc.3,100,200,5511987654321,outbound,text,,,1685620860,read,1685620861,,extra\n"
                + "trunc.4,100,200,5511987654321,inbound,text,,,\"1685620900,,,\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(1, 3, 0));
        assertThat(Csv.read(rejectsFile(execution))).extracting(r -> r.get("reason"))
                .anySatisfy(r -> assertThat(r).startsWith("ragged row: 5 fields"))
                .anySatisfy(r -> assertThat(r).startsWith("ragged row: 13 fields"))
                .anySatisfy(r -> assertThat(r).startsWith("unterminated quote"));
        assertStepCounts(execution, 4, 1, 0, 3);
    }

    @Test
    void aStrayQuoteInTheMiddleOfAnExportRejectsOnlyItsRecord() throws Exception {
        // the sample July export: 526 records, all valid; fresh ids, so no other test makes them duplicates
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(JULY).stream()
                .map(l -> l.replace("SAMPLE", "STRAY")).toList());
        lines.set(263, lines.get(263).replace(",outbound,", ",\"outbound,")); // record 263 (line 264)
        Path file = Files.write(WORKSPACE.root().resolve("stray-quote.csv"), lines);

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(525, 1, 0));
        assertThat(Csv.read(rejectsFile(execution))).singleElement().satisfies(r -> {
            assertThat(r.get("record")).isEqualTo("263");
            assertThat(r.get("reason")).startsWith("unterminated quote");
        });
        assertThat(stored("wamid.HBgN0003179STRAY%")).isZero();
        assertThat(stored("wamid.HBgN0003396STRAY%")).as("the record after it").isEqualTo(1);
        assertThat(importedFileRows(file)).isEqualTo(1);
    }

    @Test
    void aTruncatedGzipFailsTheImportNamingTheFileAndIsNotRecordedAsImported() throws Exception {
        Path file = Files.createDirectories(WORKSPACE.root().resolve("cut-gz")).resolve("export-2023-07.csv.gz");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(Files.readString(JULY).replace("SAMPLE", "CUTGZ").getBytes(StandardCharsets.UTF_8));
        }
        byte[] full = bytes.toByteArray();
        Files.write(file, java.util.Arrays.copyOf(full, 8000));

        JobExecution failed = (JobExecution) start(file.toString(), "1000", null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long lines = completeLines(java.util.Arrays.copyOf(full, 8000)); // the header and the whole records
        assertThat(failureMessages(failed)).contains(file + ": reading stopped in record " + lines + " (line "
                + (lines + 1) + "): compressed file is truncated/corrupt at byte 8000 of 8000 (0 bytes left unread")
                .contains("rerun=<new value>");
        assertThat(importedFileRows(file)).isZero();

        Files.write(file, full); // the complete copy: nothing of the cut one was committed, so the same command reads it
        JobExecution same = (JobExecution) start(file.toString(), "1000", null);

        assertThat(same.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(same.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(ledger.counts(same.getJobInstanceId()).get(file.toString())).isEqualTo(new SourceCounts(526, 0, 0));
        assertThat(StoredMessages.count(jdbc, r -> r.message().messageId().endsWith("CUTGZ"))).isEqualTo(526);
        assertThat(importedFileRows(file)).isEqualTo(1);
    }

    @Test
    void aGzipCutAfterACommitIsReadAgainWithRerunAndItsStoredRecordsCountAsDuplicates() throws Exception {
        Path file = Files.createDirectories(WORKSPACE.root().resolve("cut-gz-late")).resolve("late.csv.gz");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 6000; i++) {
            csv.append(String.format("late.%05d,100,200,55119%08d,inbound,text,,,%d,,,%n", i, i, 1685620800 + i));
        }
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] full = bytes.toByteArray();
        Files.write(file, java.util.Arrays.copyOf(full, full.length * 3 / 4));

        JobExecution failed = (JobExecution) start(file.toString(), "1000", null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failureMessages(failed)).contains(file + ": reading stopped in record ")
                .contains("compressed file is truncated/corrupt at byte " + full.length * 3 / 4 + " of " + full.length * 3 / 4);
        long committed = stored("late.%");
        assertThat(committed).as("whole chunks of 2,000 before the break").isIn(2000L, 4000L);
        assertThat(importedFileRows(file)).isZero();

        Files.write(file, full);
        JobExecution same = (JobExecution) start(file.toString(), "1000", null);
        assertThat(same.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failureMessages(same)).contains(file + " changed since the failed execution").contains("rerun=");
        JobExecution rerun = (JobExecution) start(file.toString(), "1000", "complete-copy");

        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ledger.counts(rerun.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(6000 - committed, 0, committed));
        assertThat(stored("late.%")).isEqualTo(6000);
        assertThat(importedFileRows(file)).isEqualTo(1);
    }

    @Test
    void aFieldLongerThanItsLimitRejectsItsRecordAndTheOthersAreImported() throws Exception {
        Path file = Files.writeString(WORKSPACE.root().resolve("long-fields.csv"), HEADER
                + "long.1,100,200,5511987654321,inbound,text,,,1685620800,,,\n"
                + "long.2,100,200,5511987654321,outbound,template," + "n".repeat(513) + ",en,1685620860,sent,,\n"
                + "long.3,100,200,5511987654321,outbound,template," + "n".repeat(65_536) + ",en,1685620860,sent,,\n"
                + "long.4,100,200,5511987654321,outbound,template,order_update," + "e".repeat(17)
                + ",1685620860,sent,,\n"
                + "long.5,100,200,5511987654321,outbound,text,,,1685620900,sent,,\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ledger.counts(execution.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(2, 3, 0));
        assertThat(Csv.read(rejectsFile(execution))).extracting(r -> r.get("record") + ": " + r.get("reason"))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("2: template_name is 513 characters long, at most 512"),
                        r -> assertThat(r).startsWith("3: record longer than 65536 characters"),
                        r -> assertThat(r).startsWith("4: template_language is 17 characters long, at most 16"));
        assertThat(stored("long.%")).isEqualTo(2);
    }

    @Test
    void aHeaderWiderThanTheLimitRefusesTheFileNamingIt() throws Exception {
        StringBuilder header = new StringBuilder(HEADER.strip());
        StringBuilder row = new StringBuilder("wide.1,100,200,5511987654321,inbound,text,,,1685620800,,,");
        for (int i = 1; i <= 190; i++) {
            header.append(",extra_").append(i);
            row.append(',');
        }
        Path file = Files.writeString(WORKSPACE.root().resolve("wide.csv"), header + "\n" + row + "\n");

        JobExecution execution = (JobExecution) start(file.toString(), "1000", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failureMessages(execution)).contains(file + " has 202 columns in its header row")
                .contains("at most 200");
        assertThat(stored("wide.%")).isZero();
    }

    @Test
    void passingMaxRejectsFailsWithTheRejectsWritten() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            csv.append("bad.").append(i).append(",100,200,123,inbound,text,,,1685620800,,,\n");
        }
        Path file = Files.writeString(WORKSPACE.root().resolve("bad.csv"), csv);

        JobExecution execution = (JobExecution) start(file.toString(), "3", null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).anySatisfy(e ->
                assertThat(e).hasRootCauseMessage(rootMessageOf(execution)));
        assertThat(rootMessageOf(execution)).contains("more than max-rejects=3");
        assertThat(Csv.read(rejectsFile(execution))).hasSize(5);
    }

    @Test
    void afterMaxRejectsTheFixedFileInANewRunStoresTheFixedRowsBeforeTheLastCommitToo() throws Exception {
        // A bad row in the first (committed) chunk and two in the second, which fails the run
        Path file = WORKSPACE.root().resolve("fix-me.csv");
        Files.writeString(file, fixMe(Set.of(10, 2100, 2200)));
        JobExecution failed = (JobExecution) start(file.toString(), "1", null);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored("fix.%")).isEqualTo(1999);
        assertThat(rootMessageOf(failed)).contains(rejectsFile(failed).toString())
                .contains("Fix those records in the files, then start a new run: the same command with"
                        + " rerun=<new value> added")
                .contains("rows already accepted are kept and counted as duplicates")
                .doesNotContain("raise max-rejects");

        Files.writeString(file, fixMe(Set.of()));
        JobExecution fixed = (JobExecution) start(file.toString(), "1", "fixed");

        assertThat(fixed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stored("fix.%")).isEqualTo(2500);
        assertThat(StoredMessages.count(jdbc, r -> r.message().messageId().equals("fix.00010"))).isEqualTo(1);
        assertThat(ledger.counts(fixed.getJobInstanceId()).get(file.toString())).isEqualTo(new SourceCounts(501, 0, 1999));
    }

    private static String fixMe(Set<Integer> badRows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            String number = badRows.contains(i) ? "123" : String.format("55119%08d", i);
            csv.append(String.format("fix.%05d,100,200,%s,inbound,text,,,%d,,,%n", i, number, 1685620800 + i));
        }
        return csv.toString();
    }

    private List<Object> row(String messageId) {
        MessageDao.StoredRow row = StoredMessages.one(jdbc, messageId);
        ExportedMessage m = row.message();
        return java.util.Arrays.asList(m.status(), m.deliveredAt() == null ? null : m.deliveredAt().toEpochMilli(),
                m.eventAt() == null ? null : m.eventAt().toEpochMilli(), row.runId());
    }

    @Test
    void failedImportResumesFromItsLastCommitAndStoresEveryMessageOnce() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3500; i++) {
            csv.append(String.format("resume.%05d,100,200,55119%08d,inbound,text,,,%d,,,%n", i, i, 1685620800 + i));
        }
        Path file = Files.writeString(WORKSPACE.root().resolve("resume.csv"), csv);
        // an outage on the chunk holding resume.02500: the second chunk of 2,000, stored as block 2
        jdbc.execute("ALTER TABLE message_block ADD CONSTRAINT test_outage CHECK (block_no <> 2)");
        JobExecution failed;
        try {
            failed = (JobExecution) start(file.toString(), "1000", null);
        } finally {
            jdbc.execute("ALTER TABLE message_block DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored("resume.%")).isEqualTo(2000); // two chunks of 1000 committed
        // the failed chunk's writes were rolled back, so they are not counted as written
        assertThat(stepCounts(failed)[1]).isEqualTo(2000);

        JobExecution resumed = (JobExecution) start(file.toString(), "1000", null);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        StepExecution step = resumed.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("import-messages")).findFirst().orElseThrow();
        assertThat(step.getReadCount()).as("the reader resumed instead of starting over").isEqualTo(1500);
        assertThat(stored("resume.%")).isEqualTo(3500);
        assertThat(ledger.counts(resumed.getJobInstanceId()).get(file.toString()))
                .isEqualTo(new SourceCounts(3500, 0, 0));
        assertStepCounts(resumed, 1500, 1500, 0, 0);
    }

    // returns Object: @SpringBatchTest takes a test-class method returning JobExecution for a job-scope factory
    private Object start(String input, String maxRejects, String rerun) throws Exception {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("input", input);
        parameters.put("max-rejects", maxRejects);
        if (rerun != null) {
            parameters.put("rerun", rerun);
        }
        return jobs.startJob(JobRunner.toJobParameters(parameters));
    }

    /** Line breaks in what a cut gzip still gives, read byte by byte up to the cut. */
    private static long completeLines(byte[] cutGzip) throws java.io.IOException {
        long lines = 0;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(cutGzip))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                lines += b == '\n' ? 1 : 0;
            }
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return lines;
    }

    private long importedFileRows(Path file) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM imported_file WHERE file_path = ?", Long.class, file.toString());
    }

    private long stored(String pattern) {
        String prefix = pattern.substring(0, pattern.indexOf('%')); // 'fix.%': a prefix
        return StoredMessages.count(jdbc, r -> r.message().messageId().startsWith(prefix));
    }

    private static Path rejectsFile(JobExecution execution) {
        return WORKSPACE.output().resolve("rejects/import-messages-" + execution.getId() + ".csv");
    }

    /** Every message of every failure and its causes, suppressed ones included. */
    private static String failureMessages(JobExecution execution) {
        StringBuilder all = new StringBuilder();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(execution.getAllFailureExceptions());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            all.append(t.getMessage()).append('\n');
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            java.util.Collections.addAll(todo, t.getSuppressed());
        }
        return all.toString();
    }

    private static String rootMessageOf(JobExecution execution) {
        Throwable t = execution.getAllFailureExceptions().get(0);
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void assertStepCounts(JobExecution execution, long read, long write, long filter, long skip) {
        assertThat(stepCounts(execution)).as("read, write, filter, skip, of which write skips")
                .containsExactly(read, write, filter, skip, skip);
    }

    /**
     * read, write, filter, skip and write-skip counts of the import: the import-messages step's, with
     * what settle-repeats made of the records it held (counted there as filtered). Not a StepExecution:
     * {@code @SpringBatchTest} would take a method returning one for a step-scope factory.
     */
    private static long[] stepCounts(JobExecution execution) {
        long[] counts = new long[5];
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals("import-messages")) {
                counts[0] += step.getReadCount();
                counts[1] += step.getWriteCount();
                counts[2] += step.getFilterCount();
                counts[3] += step.getSkipCount();
                counts[4] += step.getWriteSkipCount();
            } else if (step.getStepName().equals("settle-repeats")) {
                counts[1] += step.getWriteCount();
                counts[2] += step.getFilterCount() - step.getReadCount(); // held: filtered above, settled here
                counts[3] += step.getWriteSkipCount();
                counts[4] += step.getWriteSkipCount();
            }
        }
        return counts;
    }

    /** Records whose message_id an earlier record (in file name order) already had. */
    private static long repeatedMessageIds(Path dir) throws Exception {
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                for (Map<String, String> row : Csv.read(file)) {
                    if (!seen.add(row.get("message_id"))) {
                        repeats++;
                    }
                }
            }
        }
        return repeats;
    }

    private static long dataRecords(Path file) {
        return Csv.read(file).size();
    }
}
