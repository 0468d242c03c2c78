package com.wabilling.support.rejects;

import java.nio.file.Path;

/**
 * Fails the run once it has rejected more than max-rejects records (docs/formats.md). Before failing
 * it writes the rejects file, so the operator sees every reason without digging in the database.
 */
public record RejectLimit(long maxRejects, RunRecords ledger, Path outputDir, String jobName, long executionId) {

    public void check(long runId) {
        long rejected = ledger.rejectCount(runId);
        if (rejected > maxRejects) {
            Path file = RejectsFile.write(ledger, runId, outputDir, jobName, executionId);
            // one instruction: resuming this run would skip the records it already passed, fixed
            // or not, and a changed file cannot be resumed anyway; a new run reads every file again
            throw new TooManyRejectsException("more than max-rejects=" + maxRejects + " records rejected (" + rejected
                    + "); each one's file, record number and reason are in " + file + ". Fix those records in the"
                    + " files, then start a new run: the same command with rerun=<new value> added. The new run reads"
                    + " the files again: rows already accepted are kept and counted as duplicates");
        }
    }

    public static class TooManyRejectsException extends RuntimeException {
        public TooManyRejectsException(String message) {
            super(message);
        }
    }
}
