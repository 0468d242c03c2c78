package com.wabilling.conversations;

import java.util.List;

/** One scope's messages in the period's read window, with its conversations still open at the start. */
public record ScopeHistory(Scope scope, int bucket, List<Conversation> carriedOver, List<StoredMessage> messages) {
}
