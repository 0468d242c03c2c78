package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CategoryHistoryTest {

    private final CategoryHistory history = new CategoryHistory()
            .add("100", "order_update", "en_US", Instant.parse("2023-04-01T00:00:00Z"), TemplateCategory.UTILITY)
            .add("100", "order_update", "en_US", Instant.parse("2023-06-15T00:00:00Z"), TemplateCategory.MARKETING);

    @Test
    void usesTheCategoryInEffectAtDelivery() {
        assertThat(history.categoryAt("100", "order_update", "en_US", Instant.parse("2023-06-14T23:59:59Z")))
                .contains(TemplateCategory.UTILITY);
        assertThat(history.categoryAt("100", "order_update", "en_US", Instant.parse("2023-06-15T00:00:00Z")))
                .contains(TemplateCategory.MARKETING);
    }

    @Test
    void beforeTheFirstEntryTheFirstCategoryApplies() {
        assertThat(history.categoryAt("100", "order_update", "en_US", Instant.parse("2023-01-01T00:00:00Z")))
                .contains(TemplateCategory.UTILITY);
    }

    @Test
    void lookupIsByWabaNameAndLanguageIgnoringLanguageCaseAndSeparator() {
        Instant at = Instant.parse("2023-05-01T00:00:00Z");
        assertThat(history.categoryAt("100", "order_update", "en-us", at)).contains(TemplateCategory.UTILITY);
        assertThat(history.categoryAt("101", "order_update", "en_US", at)).isEmpty();
        assertThat(history.categoryAt("100", "order_update", "pt_BR", at)).isEmpty();
    }
}
