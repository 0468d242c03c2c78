package com.wabilling.conversations;

import java.util.List;

import com.wabilling.permessage.MetaOnlyRecord;
import com.wabilling.permessage.PricedMessage;
import com.wabilling.permessage.PricedScope;

/**
 * What one scope contributes to the period: its conversations, pricing records (per-message regimes),
 * anomalies and reconciliation findings, with the customer's phone number ('' when only a user id is known)
 * and user id (null when none is known) behind the scope's customer key (docs/billing-rules.md 3.6).
 */
public record ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
        List<PricedMessage> priced, List<Anomaly> anomalies, List<Reconciliation.Finding> findings,
        List<MetaOnlyRecord> metaOnly, String customerWaId, String customerUserId) implements PricedScope {

    /** An outcome of a customer known by phone number only. */
    public ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
            List<PricedMessage> priced, List<Anomaly> anomalies, List<Reconciliation.Finding> findings,
            List<MetaOnlyRecord> metaOnly) {
        this(scope, bucket, market, conversations, priced, anomalies, findings, metaOnly, scope.customerWaId(), null);
    }

    /** An outcome of the conversation era. */
    public ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
            List<Anomaly> anomalies, List<Reconciliation.Finding> findings) {
        this(scope, bucket, market, conversations, List.of(), anomalies, findings, List.of());
    }

    @Override
    public String wabaId() {
        return scope.wabaId();
    }
}
