package com.wabilling.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The category history of every template, looked up by (waba_id, name, language): billing uses the
 * category in effect at the moment a message was delivered (docs/billing-rules.md 2).
 */
public final class CategoryHistory {

    private record Entry(Instant effectiveFrom, TemplateCategory category) {
    }

    private final Map<String, List<Entry>> byTemplate = new HashMap<>();

    /** Entries must be added in effective_from order per template. */
    public CategoryHistory add(String wabaId, String name, String language, Instant effectiveFrom,
            TemplateCategory category) {
        byTemplate.computeIfAbsent(key(wabaId, name, language), k -> new ArrayList<>())
                .add(new Entry(effectiveFrom, category));
        return this;
    }

    /**
     * The category in effect at {@code at}; before the first entry, the first entry's category (the
     * migration classified the template as it was). Empty when the catalogue does not know it.
     */
    public Optional<TemplateCategory> categoryAt(String wabaId, String name, String language, Instant at) {
        List<Entry> entries = byTemplate.get(key(wabaId, name, language));
        if (entries == null) {
            return Optional.empty();
        }
        TemplateCategory result = entries.get(0).category();
        for (Entry entry : entries) {
            if (entry.effectiveFrom().isAfter(at)) {
                break;
            }
            result = entry.category();
        }
        return Optional.of(result);
    }

    /** Language codes are compared ignoring case and '-' versus '_' (en-US = en_US). */
    private static String key(String wabaId, String name, String language) {
        return wabaId + '\u0000' + name + '\u0000' + language.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
