package com.wabilling.support.rejects;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes Spring Batch's own step counts tell what a writer did with its chunk. The chunk step counts
 * every item handed to the writer as written; a writer that stores some items, drops duplicates and
 * records rejects corrects that here, so that write = rows stored and read = write + filter + skip.
 * Duplicates count as filtered (valid rows with nothing new to store), rejects as write skips (bad
 * rows, recorded in the rejects file).
 */
public final class StepCounts {

    private StepCounts() {
    }

    /**
     * Called by a writer at the end of {@code write}, in the chunk's transaction (before Spring Batch
     * adds the chunk size to the write count and stores the step execution in the same transaction).
     */
    public static void notWritten(long duplicates, long rejects) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null || duplicates + rejects == 0) {
            return; // outside a step there are no step counts to correct
        }
        StepExecution step = context.getStepExecution();
        StepContribution correction = step.createStepContribution();
        correction.incrementWriteCount(-(duplicates + rejects));
        correction.incrementFilterCount(duplicates);
        correction.incrementWriteSkipCount(rejects);
        step.apply(correction);
        // a chunk that rolls back after this has its write and filter counts restored by Spring Batch
        // (ChunkOrientedStep restores them when the transaction does not commit), but not its skip count
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        step.setWriteSkipCount(step.getWriteSkipCount() - rejects);
                    }
                }
            });
        }
    }
}
