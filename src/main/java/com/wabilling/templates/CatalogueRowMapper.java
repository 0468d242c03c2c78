package com.wabilling.templates;

import java.util.List;
import java.util.regex.Pattern;

import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.rejects.RejectedRecordException;

/** Maps and validates a templates.csv record (formats.md); a broken one is rejected with its reason. */
public final class CatalogueRowMapper {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("template_id", "waba_id", "name", "language", "category", "body");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*");

    private CatalogueRowMapper() {
    }

    public static CatalogueTemplate map(CsvRow row) {
        if (row.isMalformed()) {
            throw new RejectedRecordException(row.malformed());
        }
        String templateId = required(row, "template_id");
        if (templateId.length() > 128) {
            throw new RejectedRecordException("template_id longer than 128 characters");
        }
        String wabaId = required(row, "waba_id");
        if (!DIGITS.matcher(wabaId).matches()) {
            throw new RejectedRecordException("waba_id must be digits: '" + wabaId + "'");
        }
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

    private static String required(CsvRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RejectedRecordException(column + " is empty");
        }
        return value;
    }
}
