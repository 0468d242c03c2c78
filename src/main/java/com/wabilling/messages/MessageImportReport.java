package com.wabilling.messages;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.JobSummary;
import com.wabilling.support.rejects.CountsTable;
import com.wabilling.support.rejects.RejectsFile;
import com.wabilling.support.rejects.RunLedger;

/** Last step of the import: the rejects file and the per-file summary (read = accepted + rejected + duplicates). */
public class MessageImportReport implements Tasklet {

    private final MessageDao messages;
    private final RunLedger ledger;
    private final Path outputDir;

    public MessageImportReport(MessageDao messages, RunLedger ledger, Path outputDir) {
        this.messages = messages;
        this.ledger = ledger;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long runId = jobExecution.getJobInstanceId();
        Path rejects = RejectsFile.write(ledger, runId, outputDir, "import-messages", jobExecution.getId());
        MessageDao.RunStats stats = messages.runStats(runId);
        String summary = "Message import\n" + CountsTable.render(ledger.counts(runId))
                + "\n  stored: " + stats.inbound() + " inbound, " + stats.delivered() + " outbound delivered, "
                + stats.undelivered() + " outbound never delivered (sent or failed: they open no conversation)"
                + "\n  rejects: " + (rejects == null ? "none" : rejects.toString()) + "\n";
        JobSummary.put(jobExecution, summary);
        return RepeatStatus.FINISHED;
    }
}
