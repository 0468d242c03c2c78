package com.wabilling.templates;

/**
 * The outcome of classifying one template: the new category, the rule that decided
 * (docs/billing-rules.md 2), whether a person should look at it, and the signal that fired (audit trail).
 */
public record Classification(TemplateCategory category, String rule, boolean needsReview, String signal) {
}
