package com.wabilling.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.rejects.Reject;
import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;

/**
 * Settles the records the import held as possible repeats, in one transaction after the last chunk
 *: reads the stored rows of their message_ids in one pass, then goes through the held
 * records in the order they were read, each compared with the record that came first ({@link
 * Repeat}): a duplicate, a status advance (the stored row takes the later status; counted as
 * accepted) or a conflicting_duplicate reject, the first record staying (docs/formats.md).
 * A held record whose message_id is not stored after all (a filter hash collision) is new and stored.
 * All or nothing: a restart settles again from the held records.
 */
public class RepeatSettlement implements Tasklet {

    /** Settled records accepted with delivered_at before timestamp; in this step's context (clock skew). */
    static final String DELIVERED_BEFORE_SENT_KEY = MessageImportWriter.DELIVERED_BEFORE_SENT_KEY;

    private final MessageDao messages;
    private final RunRecords ledger;
    private final RejectLimit rejectLimit;
    private final long runId;

    public RepeatSettlement(MessageDao messages, RunRecords ledger, RejectLimit rejectLimit, long runId) {
        this.messages = messages;
        this.ledger = ledger;
        this.rejectLimit = rejectLimit;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, MessageDao.StoredRow> stored = messages.storedRowsOfHeld(runId);
        Map<String, ExportedMessage> known = new HashMap<>();
        stored.forEach((id, row) -> known.put(id, row.message()));
        Map<String, ExportedMessage> toInsert = new LinkedHashMap<>();
        Map<String, MessageDao.StatusAdvance> advances = new LinkedHashMap<>();
        List<Reject> rejects = new ArrayList<>();
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        long[] duplicates = {0};
        long[] early = {0};
        messages.forEachHeld(runId, held -> {
            ExportedMessage message = held.message();
            ExportedMessage first = known.putIfAbsent(message.messageId(), message);
            Repeat repeat = first == null ? null : Repeat.of(first, message);
            SourceCounts outcome;
            contribution.incrementReadCount();
            if (first == null) {
                toInsert.put(message.messageId(), message);
                outcome = SourceCounts.ONE_ACCEPTED;
            } else if (repeat == Repeat.ADVANCE) {
                known.put(message.messageId(), message);
                if (toInsert.containsKey(message.messageId())) {
                    toInsert.put(message.messageId(), message); // first stored by this settlement: store the later one
                }
                // recorded even then, so that accepted = rows stored + status advances, per run
                MessageDao.StatusAdvance before = advances.get(message.messageId());
                advances.put(message.messageId(), new MessageDao.StatusAdvance(before == null ? first
                        : before.previous(), message, held.source(), held.record(),
                        before == null ? 1 : before.records() + 1));
                outcome = SourceCounts.ONE_ACCEPTED;
            } else if (repeat == Repeat.DUPLICATE) {
                outcome = SourceCounts.ONE_DUPLICATE;
                duplicates[0]++;
            } else {
                rejects.add(new Reject(held.source(), held.record(), "conflicting_duplicate: message_id "
                        + message.messageId() + " was imported before with other content; the first is kept",
                        held.raw()));
                outcome = SourceCounts.ONE_REJECTED;
            }
            counts.merge(held.source(), outcome, SourceCounts::plus);
            if (outcome == SourceCounts.ONE_ACCEPTED && message.deliveredBeforeSent()) {
                early[0]++;
            }
        });
        messages.advance(advances.values(), stored, runId);
        messages.insert(new ArrayList<>(toInsert.values()), runId);
        messages.releaseHeld(runId);
        ledger.reject(runId, rejects);
        counts.forEach((source, add) -> ledger.count(runId, source, add));
        contribution.incrementWriteCount(contribution.getReadCount() - duplicates[0] - rejects.size());
        contribution.incrementFilterCount(duplicates[0]);
        contribution.incrementWriteSkipCount(rejects.size());
        if (!rejects.isEmpty()) {
            rejectLimit.check(runId);
        }
        // saved with this transaction; a restart settles again from the held records and puts it again
        contribution.getStepExecution().getExecutionContext().putLong(DELIVERED_BEFORE_SENT_KEY, early[0]);
        return RepeatStatus.FINISHED;
    }
}
