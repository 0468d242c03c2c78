package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.wabilling.templates.signals.SignalLexicon;

/**
 * The article's own 14 example messages (/work/shared/seed, quoted in
 * src/test/resources/templates/seed-examples.csv) migrate to the article's category from their
 * text, whatever legacy category the catalogue had stored (docs/billing-rules.md 2: content-based).
 */
class SeedExamplesTest {

    private static final TemplateClassifier CLASSIFIER = new TemplateClassifier(SignalLexicon.fromClasspath());

    /** Every legacy value docs/billing-rules.md 2 lists, plus the "anything else" kinds: empty, a typo, an in-house value. */
    static final List<String> LEGACY_CATEGORIES = List.of("TRANSACTIONAL", "MARKETING", "OTP", "ACCOUNT_UPDATE",
            "ALERT_UPDATE", "APPOINTMENT_UPDATE", "AUTO_REPLY", "ISSUE_RESOLUTION", "PAYMENT_UPDATE",
            "PERSONAL_FINANCE_UPDATE", "RESERVATION_UPDATE", "SHIPPING_UPDATE", "TICKET_UPDATE",
            "TRANSPORTATION_UPDATE", "UTILITY", "AUTHENTICATION", "", "MARKETNG", "Nieuwsbrief");

    static List<CSVRecord> examples() throws IOException {
        try (var reader = new InputStreamReader(
                SeedExamplesTest.class.getResourceAsStream("/templates/seed-examples.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static Stream<Arguments> examplesWithEveryLegacyCategory() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (CSVRecord example : examples()) {
            for (String legacy : LEGACY_CATEGORIES) {
                all.add(Arguments.of(example.get("use_case"), legacy, example.get("language"), example.get("body"),
                        TemplateCategory.valueOf(example.get("category")), example.get("rule")));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} stored as ''{1}''")
    @MethodSource("examplesWithEveryLegacyCategory")
    void migratesToTheArticlesCategory(String useCase, String legacy, String language, String body,
            TemplateCategory expected, String expectedRule) {
        Classification result = CLASSIFIER.classify(TemplateText.of(language, legacy, body));

        assertThat(result.category()).as("%s (rule %s, signal %s)", body, result.rule(), result.signal())
                .isEqualTo(expected);
        assertThat(result.rule()).as(body).isEqualTo(expectedRule);
        assertThat(result.signal()).as("the report shows why").isNotBlank();
        assertThat(result.needsReview()).isFalse();
    }

    @Test
    void theTableQuotesAllFourteenExamples() throws IOException {
        List<CSVRecord> examples = examples();

        assertThat(examples).hasSize(14);
        assertThat(examples).extracting(r -> r.get("category"))
                .filteredOn("UTILITY"::equals).hasSize(7);
        assertThat(examples).extracting(r -> r.get("category"))
                .filteredOn("AUTHENTICATION"::equals).hasSize(2);
        assertThat(examples).extracting(r -> r.get("category"))
                .filteredOn("MARKETING"::equals).hasSize(5);
    }
}
