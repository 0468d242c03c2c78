package com.wabilling.conversations;

import java.util.List;

import com.wabilling.permessage.MetaOnlyRecord;
import com.wabilling.permessage.PricedMessage;
import com.wabilling.permessage.PricedScope;

/**
 * What one scope contributes to the period: its conversations, pricing records (per-message regimes),
 * anomalies and reconciliation findings.
 */
public record ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
        List<PricedMessage> priced, List<Anomaly> anomalies, List<Reconciliation.Finding> findings,
        List<MetaOnlyRecord> metaOnly) implements PricedScope {

    /** An outcome of the conversation era. */
    public ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
            List<Anomaly> anomalies, List<Reconciliation.Finding> findings) {
        this(scope, bucket, market, conversations, List.of(), anomalies, findings, List.of());
    }

    @Override
    public String wabaId() {
        return scope.wabaId();
    }

    @Override
    public String customerWaId() {
        return scope.customerWaId();
    }
}
