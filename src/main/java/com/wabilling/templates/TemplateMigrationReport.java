package com.wabilling.templates;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.csv.CsvOutput;
import com.wabilling.support.rejects.CountsTable;
import com.wabilling.support.rejects.RejectsFile;
import com.wabilling.support.rejects.RunRecords;

/**
 * Last step of the migration: writes template-migration.csv (docs/formats.md), the rejects file and the
 * run's summary. It reads only from the database, so it can be re-run after any failure.
 */
public class TemplateMigrationReport implements Tasklet {

    private static final String[] HEADER = {"template_id", "waba_id", "name", "language", "previous_category",
        "category", "effective_from", "rule", "needs_review", "signal"};

    private final TemplateDao templates;
    private final RunRecords ledger;
    private final Path outputDir;
    private final LocalDate effectiveDate;
    private final long effectiveFromMs;

    public TemplateMigrationReport(TemplateDao templates, RunRecords ledger, Path outputDir, LocalDate effectiveDate,
            long effectiveFromMs) {
        this.templates = templates;
        this.ledger = ledger;
        this.outputDir = outputDir;
        this.effectiveDate = effectiveDate;
        this.effectiveFromMs = effectiveFromMs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long runId = jobExecution.getJobInstanceId();
        Path report = outputDir.resolve("template-migration.csv");
        List<String> needsReview = new ArrayList<>();
        CsvOutput.write(report, HEADER, out -> templates.forEachMigrationRow(runId, effectiveFromMs, row -> {
            if (row.needsReview()) {
                needsReview.add(row.templateId());
            }
            out.row(row.templateId(), row.wabaId(), CsvOutput.text(row.name()), row.language(),
                    CsvOutput.text(row.previousCategory()), row.category(), effectiveDate.toString(), row.rule(),
                    Boolean.toString(row.needsReview()), CsvOutput.text(row.signal()));
        }));
        Path rejects = RejectsFile.write(ledger, runId, outputDir, TemplateMigrationJobConfiguration.JOB_NAME,
                jobExecution.getId());

        TextTable moves = new TextTable("previous category", "new category", "templates");
        templates.categoryMoves(runId, effectiveFromMs).forEach(m ->
                moves.row(m.previous().isEmpty() ? "(empty)" : m.previous(), m.category(), m.templates()));
        StringBuilder summary = new StringBuilder("Template migration, effective " + effectiveDate + "\n")
                .append(CountsTable.render(ledger.counts(runId)))
                .append('\n').append(moves.render("  "))
                .append("\n  needs review: ").append(needsReview.size());
        if (!needsReview.isEmpty()) {
            summary.append(" (").append(String.join(", ", needsReview)).append(')');
        }
        summary.append("\n  report:  ").append(report);
        summary.append("\n  rejects: ").append(rejects == null ? "none" : rejects.toString()).append('\n');
        JobSummary.put(jobExecution, summary.toString());
        return RepeatStatus.FINISHED;
    }
}
