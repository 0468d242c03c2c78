package com.wabilling.conversations;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk of scope outcomes in one transaction. */
public class ConversationWriter implements ItemWriter<ScopeOutcome> {

    private final ConversationDao conversations;
    private final Period period;
    private final long runId;

    public ConversationWriter(ConversationDao conversations, Period period, long runId) {
        this.conversations = conversations;
        this.period = period;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ScopeOutcome> chunk) {
        conversations.insert(period, chunk.getItems(), runId);
    }
}
