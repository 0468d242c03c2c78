package com.wabilling.support.rejects;

import java.nio.file.Path;

/**
 * Fails the run once it has rejected more than max-rejects records (formats.md). Before failing
 * it writes the rejects file, so the operator sees every reason without digging in the database.
 */
public record RejectLimit(long maxRejects, RunLedger ledger, Path outputDir, String jobName, long executionId) {

    public void check(long runId) {
        long rejected = ledger.rejectCount(runId);
        if (rejected > maxRejects) {
            Path file = RejectsFile.write(ledger, runId, outputDir, jobName, executionId);
            throw new TooManyRejectsException("more than max-rejects=" + maxRejects + " records rejected (" + rejected
                    + "), the reasons are in " + file + "; fix the input and run again with rerun=<new value>,"
                    + " or raise max-rejects");
        }
    }

    public static class TooManyRejectsException extends RuntimeException {
        public TooManyRejectsException(String message) {
            super(message);
        }
    }
}
