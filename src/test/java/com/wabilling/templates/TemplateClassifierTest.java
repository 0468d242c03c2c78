package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * docs/billing-rules.md 2: the classifier against a table of realistic template texts in every supported
 * language (src/test/resources/templates/classification-cases.csv).
 */
class TemplateClassifierTest {

    private static final TemplateClassifier CLASSIFIER = new TemplateClassifier(SignalLexicon.fromClasspath());

    static Stream<Arguments> cases() throws IOException {
        try (var reader = new InputStreamReader(
                TemplateClassifierTest.class.getResourceAsStream("/templates/classification-cases.csv"),
                StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            return records.stream().map(r -> Arguments.of(r.get("language"), r.get("legacy_category"),
                    new TemplateText(r.get("language"), r.get("legacy_category"), r.get("header"), r.get("body"),
                            r.get("footer"), r.get("buttons")),
                    TemplateCategory.valueOf(r.get("category")), r.get("rule")));
        }
    }

    @ParameterizedTest(name = "[{0}] {1}: {2}")
    @MethodSource("cases")
    void classifiesRealisticTemplates(String language, String legacy, TemplateText text, TemplateCategory expected,
            String expectedRule) {
        Classification result = CLASSIFIER.classify(text);

        assertThat(result.category()).as("category of %s", text.body()).isEqualTo(expected);
        assertThat(result.rule()).as("rule of %s (signal %s)", text.body(), result.signal()).isEqualTo(expectedRule);
    }

    @Test
    void casesCoverEveryRuleAndSupportedLanguage() throws IOException {
        List<Arguments> all = cases().toList();

        assertThat(all).extracting(a -> a.get()[4]).contains("promotional-content", "otp-content", "legacy-otp",
                "transactional-content", "legacy-transactional", "legacy-marketing", "default-marketing");
        assertThat(all).extracting(a -> ((String) a.get()[0]).split("_")[0])
                .contains("en", "nl", "de", "fr", "es", "pt", "it");
    }

    @Test
    void onlyLegacyOtpAndDefaultMarketingNeedReview() {
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "OTP", "Open the app.")).needsReview()).isTrue();
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "IN_HOUSE", "Hello!")).needsReview()).isTrue();
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "MARKETING", "Hello!")).needsReview()).isFalse();
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "", "Your order shipped.")).needsReview()).isFalse();
    }

    @Test
    void recordsTheSignalThatDecided() {
        Classification result = CLASSIFIER.classify(TemplateText.of("nl", "MARKETING", "Nu 25% korting!"));

        assertThat(result.signal()).isNotBlank();
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "MARKETING", "Hello")).signal()).isNull();
    }

    @Test
    void passwordMentionedWithoutBeingDeliveredIsNotAuthentication() {
        Classification changed = CLASSIFIER.classify(
                TemplateText.of("en", "", "Your password has been changed. Did you not do this? Contact us."));
        Classification delivered = CLASSIFIER.classify(TemplateText.of("en", "", "Your new password: {{1}}"));

        assertThat(changed.category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(delivered.category()).isEqualTo(TemplateCategory.AUTHENTICATION);
    }

    @Test
    void percentagesInEveryWrittenForm() {
        for (String text : List.of("Now 20% off", "Now 20 % off", "Now -50 % on shoes", "Now \u221250% on shoes",
                "Up to 70% on winter coats", "20\u00a0% off today")) {
            assertThat(CLASSIFIER.classify(TemplateText.of("en", "UTILITY", text)).category())
                    .as(text).isEqualTo(TemplateCategory.MARKETING);
        }
        assertThat(CLASSIFIER.classify(TemplateText.of("en", "ALERT_UPDATE", "You have used 80% of your data."))
                .category()).isEqualTo(TemplateCategory.UTILITY);
    }

    @Test
    void languageWithoutSignalFileFallsBackToEnglish() {
        Classification result = CLASSIFIER.classify(TemplateText.of("sw_KE", "", "Your order has shipped."));

        assertThat(result.rule()).isEqualTo("transactional-content");
    }

    @Test
    void spanishFlightDepartureIsNotASale() {
        // "sale" is an English promotional word but Spanish for "departs"
        Classification result = CLASSIFIER.classify(TemplateText.of("es", "TRANSPORTATION_UPDATE",
                "Su vuelo sale a las {{1}}."));

        assertThat(result.category()).isEqualTo(TemplateCategory.UTILITY);
    }
}
