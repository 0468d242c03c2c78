package com.wabilling.templates.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalLexiconTest {

    private final SignalLexicon lexicon = SignalLexicon.fromClasspath();

    @Test
    void regionalVariantsUseTheBaseLanguageFile() {
        assertThat(lexicon.forLanguage("nl_NL")).isSameAs(lexicon.forLanguage("nl"));
        assertThat(lexicon.forLanguage("pt-BR")).isSameAs(lexicon.forLanguage("pt"));
    }

    @Test
    void unknownOrMissingLanguagesUseEnglish() {
        assertThat(lexicon.forLanguage("sw")).isSameAs(lexicon.forLanguage("en"));
        assertThat(lexicon.forLanguage("")).isSameAs(lexicon.forLanguage("en"));
        assertThat(lexicon.forLanguage(null)).isSameAs(lexicon.forLanguage("en"));
    }

    @Test
    void everyRequiredLanguageHasItsOwnFileWithAllThreeSections() {
        for (String language : new String[] {"en", "nl", "de", "fr", "es", "pt", "it"}) {
            Signals signals = lexicon.forLanguage(language);
            if (!language.equals("en")) {
                assertThat(signals).as(language).isNotSameAs(lexicon.forLanguage("en"));
            }
            for (SignalKind kind : SignalKind.values()) {
                assertThat(signals.count(kind)).as(language + " " + kind).isGreaterThan(5);
            }
        }
    }

    @Test
    void wordEntriesMatchWholeWordsAndStarsMatchCompounds() {
        Signals dutch = lexicon.forLanguage("nl");

        assertThat(dutch.find(SignalKind.PROMOTIONAL, Signals.Text.of("De grote ZOMERKORTING is begonnen"))).isPresent();
        assertThat(dutch.find(SignalKind.PROMOTIONAL, Signals.Text.of("Uw kortingscode: ABC"))).isPresent();
        Signals english = lexicon.forLanguage("en");
        assertThat(english.find(SignalKind.PROMOTIONAL, Signals.Text.of("A wholesale order"))).isEmpty();
    }

    @Test
    void loanwordsCountInEveryLanguageUnlessALanguageLeavesThemOut() {
        for (String language : new String[] {"en", "nl", "de", "fr", "es", "pt", "it", "pl"}) {
            Signals signals = lexicon.forLanguage(language);
            assertThat(signals.find(SignalKind.PROMOTIONAL, Signals.Text.of("Black Friday cashback"))).as(language)
                    .isPresent();
            assertThat(signals.find(SignalKind.OTP, Signals.Text.of("OTP {{1}}"))).as(language).isPresent();
        }
        assertThat(lexicon.forLanguage("nl").find(SignalKind.PROMOTIONAL, Signals.Text.of("Sale!"))).isPresent();
        assertThat(lexicon.forLanguage("es").find(SignalKind.PROMOTIONAL, Signals.Text.of("El tren sale a las 9")))
                .isEmpty();
    }

    @Test
    void theSharedFileIsNotALanguage() {
        assertThat(lexicon.forLanguage("loanwords")).isSameAs(lexicon.forLanguage("en"));
    }

    @Test
    void reportsTheReadablePatternThatFired() {
        Signals dutch = lexicon.forLanguage("nl");

        assertThat(dutch.find(SignalKind.PROMOTIONAL, Signals.Text.of("Nu -25 % op alles")))
                .contains("percentage off (-25 %)");
        assertThat(dutch.find(SignalKind.PROMOTIONAL, Signals.Text.of("De ZOMERKORTING is begonnen")))
                .contains("*korting (zomerkorting)");
        assertThat(dutch.find(SignalKind.PROMOTIONAL, Signals.Text.of("Weer op voorraad!"))).contains("weer op voorraad");
    }
}
