package com.wabilling.messages;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.JobSummary;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvHeader;
import com.wabilling.support.csv.FileFingerprint;
import com.wabilling.support.rejects.CountsTable;
import com.wabilling.support.rejects.RejectsFile;
import com.wabilling.support.rejects.RunRecords;

/**
 * Last step of the import: records the files read completely (in this step's
 * transaction: only a completed import counts), writes the rejects file and the summary (read =
 * accepted + rejected + duplicates per file; files skipped; status advances and the reconstructed
 * periods they touch; rows delivered before sent within the clock skew; files without entry_point).
 */
public class MessageImportReport implements Tasklet {

    /** A period's reconstruct reads from 24 h before it to 72 h after it (periods.Period). */
    static final Duration READ_BEFORE = Duration.ofHours(24);
    static final Duration READ_AFTER = Duration.ofHours(72);

    private final MessageDao messages;
    private final ImportedFiles importedFiles;
    private final RunRecords ledger;
    private final JobRepository jobRepository;
    private final Path outputDir;
    private final Clock clock;
    private final ReconstructedPeriods periods;

    public MessageImportReport(MessageDao messages, ImportedFiles importedFiles, RunRecords ledger,
            JobRepository jobRepository, Path outputDir, Clock clock, ReconstructedPeriods periods) {
        this.periods = periods;
        this.messages = messages;
        this.importedFiles = importedFiles;
        this.ledger = ledger;
        this.jobRepository = jobRepository;
        this.outputDir = outputDir;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long runId = jobExecution.getJobInstanceId();
        // the import step may have completed in an earlier execution of this run (a restart)
        StepExecution importStep = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                MessageImportJobConfiguration.IMPORT_STEP);
        ExecutionContext context = importStep == null ? new ExecutionContext() : importStep.getExecutionContext();
        var counts = ledger.counts(runId);
        StringBuilder summary = new StringBuilder("Message import (execution " + jobExecution.getId()
                + ", the ops and rejects file id; run " + runId + ", the id of its stored rows)\n").append(CountsTable.render(counts));
        List<String> notes = new ArrayList<>();
        for (String saved : list(context, CsvFilesReader.FINGERPRINTS_KEY)) {
            FileFingerprint file = FileFingerprint.parse(saved);
            if (!counts.containsKey(file.path())) { // a file with a header and no record is named, never silent
                notes.add("NOTE: " + file.path() + " holds a header and no record: nothing imported from it");
            }
            if (!importedFiles.record(file, runId, clock.instant())) {
                notes.add("WARNING: " + file.path() + " changed after it was read: not recorded as imported, the next"
                        + " import reads it again (its rows already stored count as duplicates then)");
            } else if (CsvHeader.of(Path.of(file.path())).indexOf("entry_point") < 0) {
                notes.add("WARNING: " + file.path() + " has no entry_point column: its inbound messages are taken as"
                        + " having no entry point, so free entry point conversations cannot be detected");
            }
        }
        for (String skipped : list(context, CsvFilesReader.SKIPPED_KEY)) {
            summary.append("\n  skipped ").append(skipped);
        }
        MessageDao.RunStats stats = messages.runStats(runId);
        summary.append("\n  stored: ").append(stats.inbound()).append(" inbound, ").append(stats.delivered())
                .append(" outbound delivered, ").append(stats.undelivered())
                .append(" outbound never delivered (sent or failed: they open no conversation)");
        // docs/formats.md, clock skew: counted by the steps that accepted the rows, committed with them
        StepExecution settleStep = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                MessageImportJobConfiguration.SETTLE_STEP);
        long early = context.getLong(MessageImportWriter.DELIVERED_BEFORE_SENT_KEY, 0L) + (settleStep == null ? 0
                : settleStep.getExecutionContext().getLong(RepeatSettlement.DELIVERED_BEFORE_SENT_KEY, 0L));
        summary.append("\n  delivered before sent, within clock skew: ").append(early);
        // docs/billing-rules.md 3.6: the periods that hold messages of newly linked ids were built on other scopes
        int linked = messages.links().settleSpans(messages::forEachStored);
        if (linked > 0) {
            summary.append("\n  customers linked (phone number and user id): ").append(linked);
        }
        long advances = messages.statusAdvances(runId);
        if (advances > 0) {
            summary.append("\n  status advanced: ").append(advances).append(" accepted records carried a later status"
                    + " of a message read before (sent -> delivered -> read, sent -> failed): the stored row was updated");
            for (ReconstructedPeriods.Span p : messages.periodsAffectedByStatusChanges(runId, periods.allRecorded(),
                    READ_BEFORE, READ_AFTER)) {
                notes.add("WARNING: period " + p.from() + " to " + p.to() + " (" + p.scopeMode() + ") was reconstructed"
                        + " before these status changes; run: jobs/wa-billing reconstruct from=" + p.from() + " to="
                        + p.to() + " conversation-scope=" + p.scopeMode() + " rerun=<new value>");
            }
        }
        Path rejects = RejectsFile.write(ledger, runId, outputDir, MessageImportJobConfiguration.JOB_NAME,
                jobExecution.getId());
        summary.append("\n  rejects: ").append(rejects == null ? "none" : rejects.toString()).append('\n');
        notes.forEach(n -> summary.append("  ").append(n).append('\n'));
        JobSummary.put(jobExecution, summary.toString());
        return RepeatStatus.FINISHED;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(ExecutionContext context, String key) {
        Object value = context.get(CsvFilesReader.contextKey(MessageImportJobConfiguration.READER_NAME, key));
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }
}
