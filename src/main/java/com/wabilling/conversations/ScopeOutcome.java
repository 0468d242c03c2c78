package com.wabilling.conversations;

import java.util.List;

/** What one scope contributes to the period: its conversations, anomalies and reconciliation findings. */
public record ScopeOutcome(Scope scope, int bucket, String market, List<Conversation> conversations,
        List<Anomaly> anomalies, List<Reconciliation.Finding> findings) {
}
