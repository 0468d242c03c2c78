package com.wabilling.templates;

import java.util.Optional;

import com.wabilling.templates.signals.SignalKind;
import com.wabilling.templates.signals.SignalLexicon;
import com.wabilling.templates.signals.Signals;

/**
 * Reclassifies a template from its content (domain.md 2). The rules are tried in the order of
 * the spec; the first that fires decides and its name is recorded.
 */
public final class TemplateClassifier {

    private final SignalLexicon lexicon;

    public TemplateClassifier(SignalLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Classification classify(TemplateText template) {
        Signals signals = lexicon.forLanguage(template.language());
        Signals.Text text = Signals.Text.of(template.allText());
        LegacyFamily legacy = LegacyFamily.of(template.legacyCategory());

        // rule 1: mixed content is marketing, so promotion is checked before anything else
        Optional<String> promo = signals.find(SignalKind.PROMOTIONAL, text);
        if (promo.isPresent()) {
            return new Classification(TemplateCategory.MARKETING, "promotional-content", false, promo.get());
        }
        // rule 2
        Optional<String> otp = signals.find(SignalKind.OTP, text);
        if (otp.isPresent()) {
            return new Classification(TemplateCategory.AUTHENTICATION, "otp-content", false, otp.get());
        }
        // rule 3
        if (legacy == LegacyFamily.OTP) {
            return new Classification(TemplateCategory.AUTHENTICATION, "legacy-otp", true, null);
        }
        // rule 4: content first, so a misleading legacy MARKETING update still becomes UTILITY
        Optional<String> update = signals.find(SignalKind.TRANSACTIONAL, text);
        if (update.isPresent()) {
            return new Classification(TemplateCategory.UTILITY, "transactional-content", false, update.get());
        }
        if (legacy == LegacyFamily.TRANSACTIONAL) {
            return new Classification(TemplateCategory.UTILITY, "legacy-transactional", false, null);
        }
        // rule 5
        if (legacy == LegacyFamily.MARKETING) {
            return new Classification(TemplateCategory.MARKETING, "legacy-marketing", false, null);
        }
        // rule 6
        return new Classification(TemplateCategory.MARKETING, "default-marketing", true, null);
    }
}
