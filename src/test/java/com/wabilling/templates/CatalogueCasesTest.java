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
 * docs/billing-rules.md 2 on templates as a BSP catalogue holds them (src/test/resources/templates/catalogue-cases.csv):
 * all seven languages plus languages without a signal file (pl, sv), loanwords in every language,
 * promotions in disguise, and legacy categories that say the opposite of the text. Expected
 * categories are a reviewer's judgement of each text.
 */
class CatalogueCasesTest {

    private static final TemplateClassifier CLASSIFIER = new TemplateClassifier(SignalLexicon.fromClasspath());

    static Stream<Arguments> cases() throws IOException {
        try (var reader = new InputStreamReader(
                CatalogueCasesTest.class.getResourceAsStream("/templates/catalogue-cases.csv"),
                StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            return records.stream().map(r -> Arguments.of(r.get("language"), r.get("note"),
                    new TemplateText(r.get("language"), r.get("legacy_category"), r.get("header"), r.get("body"),
                            r.get("footer"), r.get("buttons")),
                    TemplateCategory.valueOf(r.get("category"))));
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void classifiesCatalogueTemplates(String language, String note, TemplateText text, TemplateCategory expected) {
        Classification result = CLASSIFIER.classify(text);

        assertThat(result.category()).as("%s: %s (rule %s, signal %s)", note, text.body(), result.rule(),
                result.signal()).isEqualTo(expected);
    }

    @Test
    void tableCoversEveryLanguageAndALanguageWithoutAFile() throws IOException {
        List<String> languages = cases().map(a -> ((String) a.get()[0]).split("_")[0]).toList();

        assertThat(languages).hasSizeGreaterThanOrEqualTo(60).contains("en", "nl", "de", "fr", "es", "it", "pt", "pl");
    }
}
