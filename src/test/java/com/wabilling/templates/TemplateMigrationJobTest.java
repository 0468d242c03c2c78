package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.ops.ExitCodes;
import com.wabilling.ops.JobRunner;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.testing.TestWorkspace;

/** migrate-templates end to end on a real HSQLDB file database, including the restart pattern. */
@SpringBatchTest
@JobTest
class TemplateMigrationJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("migration");
    private static final String SAMPLE = "sample-data/templates.csv";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    Job templateMigrationJob;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunRecords ledger;

    @BeforeEach
    void selectJob() {
        jobs.setJob(templateMigrationJob);
    }

    @Test
    void migratesTheSampleCatalogueAccountingForEveryRecord() throws Exception {
        JobExecution execution = jobs.startJob(JobRunner.toJobParameters(params(SAMPLE, "first")));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        SourceCounts counts = ledger.counts(execution.getJobInstanceId()).get(SAMPLE);
        long dataRecords = sampleRecords().size();
        assertThat(counts.read()).isEqualTo(dataRecords);
        assertThat(counts.rejected()).isEqualTo(3);
        assertThat(counts.duplicates()).isEqualTo(1);
        List<CSVRecord> report = report();
        assertThat(report).hasSize((int) counts.accepted());
        assertThat(report).extracting(r -> r.get("template_id")).isSorted().doesNotHaveDuplicates();
        assertThat(report).allSatisfy(r -> assertThat(r.get("effective_from")).isEqualTo("2023-04-01"));
        Path rejects = WORKSPACE.output().resolve("rejects/migrate-templates-" + execution.getId() + ".csv");
        assertThat(Files.readString(rejects)).contains("body is empty", "waba_id must be digits",
                "conflicting_duplicate");
        // Spring Batch's own counts: 73 data records = 69 templates + 4 bad rows (templates.md); the
        // identical repeat of TPL-0001 is filtered, the other three are rejects (write skips)
        assertThat(dataRecords).isEqualTo(73);
        assertStepCounts(execution, 73, 69, 1, 3);
    }

    @Test
    void aStrayQuoteInOneTemplateRejectsOnlyThatRecord() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(SAMPLE)));
        lines.set(30, lines.get(30).replace(",,Votre commande", ",,\"Votre commande")); // TPL-0030, record 30
        Path input = Files.write(WORKSPACE.root().resolve("stray-quote-templates.csv"), lines);

        JobExecution execution = jobs.startJob(JobRunner.toJobParameters(params(input.toString(), "stray")));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the sample's 73 records: 69 templates, 1 identical repeat, 3 bad rows; now TPL-0030 is a fourth
        assertThat(ledger.counts(execution.getJobInstanceId()).get(input.toString())).isEqualTo(new SourceCounts(68, 4, 1));
        Path rejects = WORKSPACE.output().resolve("rejects/migrate-templates-" + execution.getId() + ".csv");
        assertThat(parse(rejects)).filteredOn(r -> r.get("reason").startsWith("unterminated quote")).singleElement()
                .satisfies(r -> assertThat(r.get("record")).isEqualTo("30"));
        assertThat(report()).hasSize(68).extracting(r -> r.get("template_id")).doesNotContain("TPL-0030")
                .contains("TPL-0029", "TPL-0031", "TPL-0069");
    }

    @Test
    void storesCategoryHistoryAndTheDecidingRule() throws Exception {
        jobs.startJob(JobRunner.toJobParameters(params(SAMPLE, "history")));

        Map<String, Object> history = jdbc.queryForMap(
                "SELECT c.category, c.rule_name, c.needs_review FROM template t JOIN template_category c"
                        + " ON c.template_id = t.template_id WHERE t.template_name = 'zomerkorting'");
        assertThat(history).containsEntry("CATEGORY", "MARKETING").containsEntry("RULE_NAME", "promotional-content");
    }

    @Test
    void reportExplainsEachDecisionWithTheRuleAndTheSignalThatFired() throws Exception {
        jobs.startJob(JobRunner.toJobParameters(params(SAMPLE, "explain")));

        List<CSVRecord> report = report();
        CSVRecord promo = report.stream().filter(r -> r.get("name").equals("zomerkorting")).findFirst().orElseThrow();
        assertThat(promo.get("rule")).isEqualTo("promotional-content");
        assertThat(promo.get("signal")).isNotBlank().doesNotStartWith("re:");
        CSVRecord legacy = report.stream().filter(r -> r.get("rule").startsWith("legacy-")).findFirst().orElseThrow();
        assertThat(legacy.get("signal")).isEmpty();
        assertThat(report).filteredOn(r -> r.get("rule").endsWith("-content"))
                .allSatisfy(r -> assertThat(r.get("signal")).isNotBlank());
    }

    @Test
    void rerunReplacesResultsWithoutDuplicates() throws Exception {
        jobs.startJob(JobRunner.toJobParameters(params(SAMPLE, "replace-1")));
        List<CSVRecord> before = report();

        JobExecution second = jobs.startJob(JobRunner.toJobParameters(params(SAMPLE, "replace-2")));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(report()).extracting(CSVRecord::toList).isEqualTo(before.stream().map(CSVRecord::toList).toList());
        Integer templates = jdbc.queryForObject("SELECT COUNT(*) FROM template WHERE template_id LIKE 'TPL-%'",
                Integer.class);
        Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM template_category WHERE template_id LIKE 'TPL-%'",
                Integer.class);
        assertThat(templates).isEqualTo(before.size());
        assertThat(entries).isEqualTo(before.size());
        // the rerun stores (replaces) the same 69 templates: written, not filtered
        assertStepCounts(second, 73, 69, 1, 3);
    }

    @Test
    void sameCommandAfterSuccessIsRefusedWithExitCode3() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobRunner runner = new JobRunner(context, jobRepository, jobOperator, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, String> parameters = params(SAMPLE, "refuse");

        int first = runner.run("migrate-templates", TemplateMigrationJobConfiguration.JOB_NAME, parameters).exitCode();
        int second = runner.run("migrate-templates", TemplateMigrationJobConfiguration.JOB_NAME, parameters).exitCode();

        assertThat(first).isEqualTo(ExitCodes.OK);
        assertThat(second).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already completed").contains("rerun=");
    }

    @Test
    void failedRunResumesFromItsLastCommitAndStoresEveryTemplateOnce() throws Exception {
        Path input = generatedCatalogue(1000);
        Map<String, String> parameters = params(input.toString(), null);
        // a constraint makes the chunk holding GEN-0650 fail, as a database outage would
        jdbc.execute("ALTER TABLE template ADD CONSTRAINT test_outage CHECK (template_id <> 'GEN-0650')");
        JobExecution failed;
        try {
            failed = jobs.startJob(JobRunner.toJobParameters(parameters));
        } finally {
            jdbc.execute("ALTER TABLE template DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(generatedStored()).isEqualTo(600); // three chunks of 200 committed
        // the failed chunk's writes were rolled back, so they are not counted as written
        assertThat(stepCounts(failed)[1]).isEqualTo(600);

        JobExecution resumed = jobs.startJob(JobRunner.toJobParameters(parameters));

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        StepExecution classify = resumed.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("classify-templates")).findFirst().orElseThrow();
        assertThat(classify.getReadCount()).as("the reader resumed instead of starting over").isEqualTo(400);
        assertThat(generatedStored()).isEqualTo(1000);
        SourceCounts counts = ledger.counts(resumed.getJobInstanceId()).get(input.toString());
        assertThat(counts).isEqualTo(new SourceCounts(1000, 0, 0));
        assertThat(report()).hasSize(1000);
        assertStepCounts(resumed, 400, 400, 0, 0);
    }

    private static void assertStepCounts(JobExecution execution, long read, long write, long filter, long skip) {
        assertThat(stepCounts(execution)).as("read, write, filter, skip, of which write skips")
                .containsExactly(read, write, filter, skip, skip);
    }

    /**
     * read, write, filter, skip and write-skip counts of the classify-templates step. Not a StepExecution:
     * {@code @SpringBatchTest} would take a method returning one for a step-scope factory.
     */
    private static long[] stepCounts(JobExecution execution) {
        StepExecution step = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("classify-templates"))
                .findFirst().orElseThrow();
        return new long[] {step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
            step.getWriteSkipCount()};
    }

    private int generatedStored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM template WHERE template_id LIKE 'GEN-%'", Integer.class);
    }

    private static Map<String, String> params(String input, String rerun) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("input", input);
        p.put("effective-date", "2023-04-01");
        p.put("max-rejects", "1000");
        if (rerun != null) {
            p.put("rerun", rerun);
        }
        return p;
    }

    private static Path generatedCatalogue(int n) throws IOException {
        StringBuilder csv = new StringBuilder("template_id,waba_id,name,language,category,body\n");
        for (int i = 1; i <= n; i++) {
            csv.append(String.format("GEN-%04d,555%03d,tpl_%d,en,TRANSACTIONAL,Your order {{1}} number %d has shipped.%n",
                    i, i % 7, i, i));
        }
        return Files.writeString(WORKSPACE.root().resolve("generated.csv"), csv);
    }

    private static List<CSVRecord> report() throws IOException {
        return parse(WORKSPACE.output().resolve("template-migration.csv"));
    }

    private static List<CSVRecord> sampleRecords() throws IOException {
        return parse(Path.of(SAMPLE));
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
