package com.wabilling.templates;

/** A catalogue template with its new category. */
public record MigratedTemplate(CatalogueTemplate template, Classification classification) {
}
