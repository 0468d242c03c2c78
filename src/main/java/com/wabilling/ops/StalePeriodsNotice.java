package com.wabilling.ops;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.messages.MessageImportJobConfiguration;
import com.wabilling.periods.ScopeMode;

/**
 * After an import, names the reconstructed periods whose messages or carried conversations have
 * changed since they were built (docs/billing-rules.md 3.4), with the reconstruct command that
 * re-runs each: late messages are never left to be discovered by the next reconstruct.
 */
public class StalePeriodsNotice {

    private final PeriodRegistry ledger;

    public StalePeriodsNotice(PeriodRegistry ledger) {
        this.ledger = ledger;
    }

    /** Prints the notice after a completed import-messages; nothing for other jobs or when nothing is stale. */
    public void print(JobExecution execution, PrintStream out) {
        if (!MessageImportJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            return;
        }
        List<String> lines = lines();
        if (!lines.isEmpty()) {
            out.println("Reconstructed periods now stale (built on messages or conversations that have changed"
                    + " since); re-run each, in this order (invoicing refuses a month whose billed conversations"
                    + " they may change):");
            lines.forEach(l -> out.println("  " + l));
        }
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ScopeMode mode : ScopeMode.values()) {
            for (PeriodRegistry.Recorded r : ledger.recorded(mode)) {
                if (ledger.isStale(mode, r)) {
                    lines.add(r.from() + " to " + r.to() + " (scope " + mode.parameter() + "): jobs/wa-billing"
                            + " reconstruct from=" + r.from() + " to=" + r.to()
                            + (mode == ScopeMode.WABA ? " conversation-scope=waba" : "") + " rerun=<new value>");
                }
            }
        }
        return lines;
    }
}
