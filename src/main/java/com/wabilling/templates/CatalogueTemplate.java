package com.wabilling.templates;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.DigestUtils;

/** One row of the template catalogue export (docs/formats.md, templates.csv), validated. */
public record CatalogueTemplate(String templateId, String wabaId, String name, String language,
        String legacyCategory, String status, String header, String body, String footer, String buttons) {

    public TemplateText text() {
        return new TemplateText(language, legacyCategory, header, body, footer, buttons);
    }

    /** Tells an identical repeat (a duplicate) from a conflicting one. */
    public String contentHash() {
        String joined = String.join("\u0000", templateId, wabaId, name, language, legacyCategory, status, header,
                body, footer, buttons);
        return DigestUtils.sha256Hex(joined.getBytes(StandardCharsets.UTF_8));
    }
}
