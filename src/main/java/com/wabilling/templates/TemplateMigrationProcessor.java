package com.wabilling.templates;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.Reject;

/** Validates a catalogue record and classifies it (docs/billing-rules.md 2). */
public class TemplateMigrationProcessor implements ItemProcessor<CsvRow, Checked<MigratedTemplate>> {

    private final TemplateClassifier classifier;

    public TemplateMigrationProcessor(TemplateClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Checked<MigratedTemplate> process(CsvRow row) {
        try {
            CatalogueTemplate template = CatalogueRowMapper.map(row);
            return new Checked.Accepted<>(new MigratedTemplate(template, classifier.classify(template.text())), row);
        } catch (RejectedRecordException e) {
            return new Checked.Rejected<>(Reject.of(row, e.getMessage()));
        }
    }
}
