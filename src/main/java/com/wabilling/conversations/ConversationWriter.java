package com.wabilling.conversations;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.wabilling.periods.Period;
import com.wabilling.permessage.PricedMessageDao;

/** Stores a chunk of scope outcomes (conversations, pricing records, findings) in one transaction. */
public class ConversationWriter implements ItemWriter<ScopeOutcome> {

    private final ConversationDao conversations;
    private final PricedMessageDao priced;
    private final Period period;
    private final long runId;

    public ConversationWriter(ConversationDao conversations, PricedMessageDao priced, Period period, long runId) {
        this.conversations = conversations;
        this.priced = priced;
        this.period = period;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ScopeOutcome> chunk) {
        conversations.insert(period, chunk.getItems(), runId);
        priced.insert(period, chunk.getItems(), runId);
    }
}
