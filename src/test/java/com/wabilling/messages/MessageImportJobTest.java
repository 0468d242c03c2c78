package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.ops.JobRunner;
import com.wabilling.support.rejects.RunLedger;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/** import-messages end to end on a real HSQLDB file database, including the restart pattern. */
@SpringBatchTest
@SpringBootTest
class MessageImportJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("import");
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
    JdbcTemplate jdbc;
    @Autowired
    RunLedger ledger;

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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE run_id = ?", Long.class,
                execution.getJobInstanceId())).isEqualTo(accepted);
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
    void importingTheSameFilesAgainAddsNothing() throws Exception {
        Path dir = Files.createDirectories(WORKSPACE.root().resolve("again"));
        Files.writeString(dir.resolve("a.csv"), HEADER
                + "again.1,100,200,5511987654321,inbound,text,,,1685620800,,,\n"
                + "again.2,100,200,5511987654321,outbound,text,,,1685620860,read,1685620861,\n");
        start(dir.toString(), "1000", null);

        JobExecution second = (JobExecution) start(dir.toString(), "1000", "2");

        assertThat(ledger.counts(second.getJobInstanceId()).get(dir.resolve("a.csv").toString()))
                .isEqualTo(new SourceCounts(0, 0, 2));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE message_id LIKE 'again.%'", Long.class))
                .isEqualTo(2);
        assertStepCounts(second, 2, 0, 2, 0);
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
                .anySatisfy(r -> assertThat(r).contains("unreadable record"));
        assertStepCounts(execution, 4, 1, 0, 3);
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
    void failedImportResumesFromItsLastCommitAndStoresEveryMessageOnce() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3500; i++) {
            csv.append(String.format("resume.%05d,100,200,55119%08d,inbound,text,,,%d,,,%n", i, i, 1685620800 + i));
        }
        Path file = Files.writeString(WORKSPACE.root().resolve("resume.csv"), csv);
        jdbc.execute("ALTER TABLE message ADD CONSTRAINT test_outage CHECK (message_id <> 'resume.02500')");
        JobExecution failed;
        try {
            failed = (JobExecution) start(file.toString(), "1000", null);
        } finally {
            jdbc.execute("ALTER TABLE message DROP CONSTRAINT test_outage");
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

    private long stored(String pattern) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE message_id LIKE ?", Long.class, pattern);
    }

    private static Path rejectsFile(JobExecution execution) {
        return WORKSPACE.output().resolve("rejects/import-messages-" + execution.getId() + ".csv");
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
     * read, write, filter, skip and write-skip counts of the import-messages step. Not a StepExecution:
     * {@code @SpringBatchTest} would take a method returning one for a step-scope factory.
     */
    private static long[] stepCounts(JobExecution execution) {
        StepExecution step = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("import-messages"))
                .findFirst().orElseThrow();
        return new long[] {step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
            step.getWriteSkipCount()};
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
