package com.wabilling.templates;

/** The template categories from 2023-04-01 (docs/billing-rules.md 2). SERVICE is never a template category. */
public enum TemplateCategory {
    UTILITY, AUTHENTICATION, MARKETING
}
