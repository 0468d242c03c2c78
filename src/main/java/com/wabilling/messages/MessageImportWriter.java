package com.wabilling.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.Checked.Accepted;
import com.wabilling.support.rejects.Reject;
import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.rejects.StepCounts;

/**
 * Appends a chunk of messages, its rejects and the run's counts in one transaction (no
 * lookup in the database). A message_id the in-memory filter has certainly not seen is new and
 * stored; one it may have seen (stored by any file or run, or earlier in this run) is held in
 * message_repeat, and {@link RepeatSettlement} decides after the last chunk what it is: duplicate,
 * status advance or conflicting_duplicate (docs/formats.md). The filter is filled on open from
 * the table, so after a restart it holds exactly what the committed chunks stored. The count of rows
 * delivered before sent (clock skew) is kept in the step's context, committed with each chunk, so a
 * resumed run reports the rows of its committed chunks once.
 */
public class MessageImportWriter implements ItemStreamWriter<Checked<ExportedMessage>> {

    /** Accepted rows stored by this step whose delivered_at is before their timestamp (docs/formats.md, clock skew). */
    static final String DELIVERED_BEFORE_SENT_KEY = "messages.delivered-before-sent";

    private final MessageDao messages;
    private final RunRecords ledger;
    private final RejectLimit rejectLimit;
    private final long runId;
    private MessageIdFilter stored;
    private long deliveredBeforeSent;

    public MessageImportWriter(MessageDao messages, RunRecords ledger, RejectLimit rejectLimit, long runId) {
        this.messages = messages;
        this.ledger = ledger;
        this.rejectLimit = rejectLimit;
        this.runId = runId;
    }

    @Override
    public void open(ExecutionContext context) {
        stored = messages.idFilter();
        deliveredBeforeSent = context.getLong(DELIVERED_BEFORE_SENT_KEY, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(DELIVERED_BEFORE_SENT_KEY, deliveredBeforeSent);
    }

    @Override
    public void write(Chunk<? extends Checked<ExportedMessage>> chunk) {
        List<ExportedMessage> toInsert = new ArrayList<>(chunk.size());
        List<MessageDao.HeldRepeat> held = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        long early = 0;
        for (Checked<ExportedMessage> item : chunk) {
            if (item instanceof Accepted<ExportedMessage> accepted) {
                ExportedMessage message = accepted.value();
                long id = MessageIdFilter.hash(message.messageId()); // once for the question and the add
                if (stored.mightContainHash(id)) {
                    held.add(new MessageDao.HeldRepeat(message, accepted.row().fileIndex(), accepted.source(),
                            accepted.record(), accepted.row().raw()));
                    continue; // counted when settled
                }
                stored.addHash(id); // a superset after a rolled-back chunk is harmless: held, then stored
                toInsert.add(message);
                early += message.deliveredBeforeSent() ? 1 : 0;
                counts.merge(item.source(), SourceCounts.ONE_ACCEPTED, SourceCounts::plus);
            } else {
                rejects.add(((Checked.Rejected<ExportedMessage>) item).reject());
                counts.merge(item.source(), SourceCounts.ONE_REJECTED, SourceCounts::plus);
            }
        }
        messages.insert(toInsert, runId);
        messages.hold(held, runId);
        ledger.reject(runId, rejects);
        counts.forEach((source, add) -> ledger.count(runId, source, add));
        if (!rejects.isEmpty()) {
            rejectLimit.check(runId);
        }
        // held records count as filtered here; the settle step reports what they were
        StepCounts.notWritten(held.size(), rejects.size());
        deliveredBeforeSent += early; // a failed chunk fails the step: its count is never committed
    }
}
