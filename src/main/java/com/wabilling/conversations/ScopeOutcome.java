package com.wabilling.conversations;

import java.util.List;

/**
 * What one scope contributes to the period: its conversations, pricing records (per-message regimes),
 * anomalies and reconciliation findings.
 */
public record ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
        List<PricedMessage> priced, List<Anomaly> anomalies, List<Reconciliation.Finding> findings,
        List<MetaOnlyRecord> metaOnly) {

    /** An outcome of the conversation era. */
    public ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
            List<Anomaly> anomalies, List<Reconciliation.Finding> findings) {
        this(scope, bucket, market, conversations, List.of(), anomalies, findings, List.of());
    }
}
