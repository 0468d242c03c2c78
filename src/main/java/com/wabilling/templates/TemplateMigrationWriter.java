package com.wabilling.templates;

import java.time.Clock;
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
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.support.rejects.SourceCounts;
import com.wabilling.support.rejects.StepCounts;

/**
 * Stores a chunk of classified templates, their rejects and the run's counts in one transaction.
 * A template_id seen before in the same run is a duplicate when identical and a
 * conflicting_duplicate reject otherwise (docs/formats.md); one stored by an earlier run is replaced.
 */
public class TemplateMigrationWriter implements ItemWriter<Checked<MigratedTemplate>> {

    private final TemplateDao templates;
    private final RunRecords ledger;
    private final RejectLimit rejectLimit;
    private final long runId;
    private final long effectiveFromMs;
    private final Clock clock;

    public TemplateMigrationWriter(TemplateDao templates, RunRecords ledger, RejectLimit rejectLimit, long runId,
            long effectiveFromMs, Clock clock) {
        this.templates = templates;
        this.ledger = ledger;
        this.rejectLimit = rejectLimit;
        this.runId = runId;
        this.effectiveFromMs = effectiveFromMs;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends Checked<MigratedTemplate>> chunk) {
        List<Accepted<MigratedTemplate>> toSave = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        Map<String, Accepted<MigratedTemplate>> inChunk = new HashMap<>();
        Map<String, String> keysInChunk = new HashMap<>();
        long duplicates = 0;

        for (Checked<MigratedTemplate> item : chunk) {
            SourceCounts outcome;
            if (item instanceof Checked.Rejected<MigratedTemplate> rejected) {
                rejects.add(rejected.reject());
                outcome = SourceCounts.ONE_REJECTED;
            } else {
                Accepted<MigratedTemplate> accepted = (Accepted<MigratedTemplate>) item;
                String problem = check(accepted, inChunk, keysInChunk);
                if (problem == null) {
                    toSave.add(accepted);
                    CatalogueTemplate t = accepted.value().template();
                    inChunk.put(t.templateId(), accepted);
                    keysInChunk.put(key(t), t.templateId());
                    outcome = SourceCounts.ONE_ACCEPTED;
                } else if (problem.isEmpty()) {
                    outcome = SourceCounts.ONE_DUPLICATE;
                    duplicates++;
                } else {
                    rejects.add(accepted.reject(problem));
                    outcome = SourceCounts.ONE_REJECTED;
                }
            }
            counts.merge(item.source(), outcome, SourceCounts::plus);
        }
        templates.save(toSave, effectiveFromMs, runId, clock.millis());
        ledger.reject(runId, rejects);
        counts.forEach((source, add) -> ledger.count(runId, source, add));
        rejectLimit.check(runId);
        StepCounts.notWritten(duplicates, rejects.size());
    }

    /** null: store it; empty: an identical repeat (duplicate); otherwise the reject reason. */
    private String check(Accepted<MigratedTemplate> accepted, Map<String, Accepted<MigratedTemplate>> inChunk,
            Map<String, String> keysInChunk) {
        CatalogueTemplate t = accepted.value().template();
        String hash = t.contentHash();
        Accepted<MigratedTemplate> earlierInChunk = inChunk.get(t.templateId());
        if (earlierInChunk != null) {
            return earlierInChunk.value().template().contentHash().equals(hash) ? ""
                    : conflict(t, earlierInChunk.source(), earlierInChunk.record());
        }
        var stored = templates.findById(t.templateId());
        if (stored.isPresent() && stored.get().runId() == runId) {
            return stored.get().contentHash().equals(hash) ? "" : conflict(t, stored.get().source(), stored.get().record());
        }
        String owner = keysInChunk.containsKey(key(t)) ? keysInChunk.get(key(t))
                : templates.findIdByKey(t.wabaId(), t.name(), t.language()).orElse(null);
        if (owner != null && !owner.equals(t.templateId())) {
            return "duplicate_template_name: waba " + t.wabaId() + " already has template '" + t.name() + "' in "
                    + t.language() + " as template_id " + owner;
        }
        return null;
    }

    private static String conflict(CatalogueTemplate t, String source, long record) {
        return "conflicting_duplicate: template_id " + t.templateId() + " was read with other content at " + source
                + " record " + record;
    }

    private static String key(CatalogueTemplate t) {
        return t.wabaId() + '\u0000' + t.name() + '\u0000' + t.language();
    }
}
