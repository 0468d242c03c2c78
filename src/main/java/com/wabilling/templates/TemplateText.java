package com.wabilling.templates;

/** What the classifier looks at: the template's language, legacy category and texts. */
public record TemplateText(String language, String legacyCategory, String header, String body, String footer,
        String buttons) {

    public static TemplateText of(String language, String legacyCategory, String body) {
        return new TemplateText(language, legacyCategory, "", body, "", "");
    }

    /** Header, body, footer and buttons: a signal anywhere counts (docs/billing-rules.md 2 rule 1). */
    public String allText() {
        return String.join("\n", nz(header), nz(body), nz(footer), nz(buttons));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
