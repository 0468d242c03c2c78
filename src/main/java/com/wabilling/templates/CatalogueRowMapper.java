package com.wabilling.templates;

import static com.wabilling.support.csv.Fields.required;

import java.util.List;
import java.util.regex.Pattern;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.csv.Fields;

/** Maps and validates a templates.csv record (docs/formats.md); a broken one is rejected with its reason. */
public final class CatalogueRowMapper {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("template_id", "waba_id", "name", "language", "category", "body");

    /** The sizes of the template table's columns (template_id and waba_id are checked below). */
    static final List<Fields.Limit> LIMITS = List.of(new Fields.Limit("name", 512), new Fields.Limit("language", 16),
            new Fields.Limit("category", 128), new Fields.Limit("status", 32), new Fields.Limit("header", 16_000),
            new Fields.Limit("body", 16_000), new Fields.Limit("footer", 16_000), new Fields.Limit("buttons", 16_000));

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*");

    private CatalogueRowMapper() {
    }

    public static CatalogueTemplate map(CsvRow row) {
        Fields.wellFormed(row);
        Fields.withinLimits(row, LIMITS);
        Fields.noControlCharacters(row, List.of("template_id", "name", "language", "category", "status"));
        String templateId = required(row, "template_id");
        if (templateId.length() > 128) {
            throw new RejectedRecordException("template_id longer than 128 characters");
        }
        String wabaId = Fields.id(row, "waba_id");
        String name = required(row, "name");
        String language = required(row, "language");
        if (!LANGUAGE.matcher(language).matches()) {
            throw new RejectedRecordException("language is not a language code (en, en_US, pt_BR): '" + language + "'");
        }
        String body = row.getExact("body");
        if (body.isBlank()) {
            throw new RejectedRecordException("body is empty");
        }
        return new CatalogueTemplate(templateId, wabaId, name, language, row.get("category"), row.get("status"),
                row.getExact("header"), body, row.getExact("footer"), row.getExact("buttons"));
    }

}
