package com.wabilling.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.wabilling.support.rejects.Checked.Accepted;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.Reject;
import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunLedger;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.rejects.StepCounts;

/**
 * Stores a chunk of messages, its rejects and the run's counts in one transaction. A message_id
 * already stored (by any file or run) or seen earlier in the chunk is compared with the first record
 * ({@link Repeat}): a duplicate, a status advance (the stored row takes the later status; counted as
 * accepted) or a conflicting_duplicate reject, the first record staying (formats.md; issue 9.5).
 */
public class MessageImportWriter implements ItemWriter<Checked<ExportedMessage>> {

    private static final SourceCounts ACCEPTED = new SourceCounts(1, 0, 0);
    private static final SourceCounts REJECTED = new SourceCounts(0, 1, 0);
    private static final SourceCounts DUPLICATE = new SourceCounts(0, 0, 1);

    private final MessageDao messages;
    private final RunLedger ledger;
    private final RejectLimit rejectLimit;
    private final long runId;

    public MessageImportWriter(MessageDao messages, RunLedger ledger, RejectLimit rejectLimit, long runId) {
        this.messages = messages;
        this.ledger = ledger;
        this.rejectLimit = rejectLimit;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends Checked<ExportedMessage>> chunk) {
        List<String> ids = new ArrayList<>(chunk.size());
        for (Checked<ExportedMessage> item : chunk) {
            if (item instanceof Accepted<ExportedMessage> accepted) {
                ids.add(accepted.value().messageId());
            }
        }
        Map<String, ExportedMessage> stored = messages.findByIds(ids);
        Map<String, ExportedMessage> known = new HashMap<>(stored);
        Map<String, ExportedMessage> toInsert = new LinkedHashMap<>();
        Map<String, MessageDao.StatusAdvance> advances = new LinkedHashMap<>();
        List<Reject> rejects = new ArrayList<>();
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        long duplicates = 0;
        for (Checked<ExportedMessage> item : chunk) {
            SourceCounts outcome;
            if (item instanceof Accepted<ExportedMessage> accepted) {
                ExportedMessage message = accepted.value();
                ExportedMessage first = known.putIfAbsent(message.messageId(), message);
                Repeat repeat = first == null ? null : Repeat.of(first, message);
                if (first == null) {
                    toInsert.put(message.messageId(), message);
                    outcome = ACCEPTED;
                } else if (repeat == Repeat.ADVANCE) {
                    known.put(message.messageId(), message);
                    if (toInsert.containsKey(message.messageId())) {
                        toInsert.put(message.messageId(), message); // first seen in this chunk: store the later one
                    }
                    // recorded even then, so that accepted = rows stored + status advances, per run
                    MessageDao.StatusAdvance before = advances.get(message.messageId());
                    advances.put(message.messageId(), new MessageDao.StatusAdvance(before == null ? first
                            : before.previous(), message, accepted.source(), accepted.record(),
                            before == null ? 1 : before.records() + 1));
                    outcome = ACCEPTED;
                } else if (repeat == Repeat.DUPLICATE) {
                    outcome = DUPLICATE;
                    duplicates++;
                } else {
                    rejects.add(accepted.reject("conflicting_duplicate: message_id " + message.messageId()
                            + " was imported before with other content; the first is kept"));
                    outcome = REJECTED;
                }
            } else {
                rejects.add(((Checked.Rejected<ExportedMessage>) item).reject());
                outcome = REJECTED;
            }
            counts.merge(item.source(), outcome, SourceCounts::plus);
        }
        messages.insert(new ArrayList<>(toInsert.values()), runId);
        messages.advance(advances.values(), runId);
        ledger.reject(runId, rejects);
        counts.forEach((source, add) -> ledger.count(runId, source, add));
        if (!rejects.isEmpty()) {
            rejectLimit.check(runId);
        }
        StepCounts.notWritten(duplicates, rejects.size());
    }
}
