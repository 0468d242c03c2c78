package com.wabilling.templates;

import java.util.Optional;

import com.wabilling.templates.signals.SignalKind;
import com.wabilling.templates.signals.SignalLexicon;
import com.wabilling.templates.signals.Signals;

/**
 * Reclassifies a template from its content (docs/billing-rules.md 2). The rules are tried in the order of
 * the spec; the first that fires decides and its name is recorded, with the signal that made it
 * fire. The reclassification is content-based: what the text says is weighed before what the
 * legacy category says, so a login code stored as ACCOUNT_UPDATE is AUTHENTICATION and an order
 * update stored as OTP is UTILITY.
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

        // docs/billing-rules.md 2 rule 1: mixed content is marketing, so promotion is checked before anything else
        Optional<String> promo = signals.find(SignalKind.PROMOTIONAL, text);
        if (promo.isPresent()) {
            return new Classification(TemplateCategory.MARKETING, "promotional-content", false, promo.get());
        }
        // docs/billing-rules.md 2 rule 2
        Optional<String> otp = signals.find(SignalKind.OTP, text);
        if (otp.isPresent()) {
            return new Classification(TemplateCategory.AUTHENTICATION, "otp-content", false, otp.get());
        }
        // docs/billing-rules.md 2 rule 4, content half ("any template whose text is clearly an update"): tried
        // before rule 3 so that an update stored as OTP is not kept as AUTHENTICATION by its label
        Optional<String> update = signals.find(SignalKind.TRANSACTIONAL, text);
        if (update.isPresent()) {
            return new Classification(TemplateCategory.UTILITY, "transactional-content", false, update.get());
        }
        // docs/billing-rules.md 2 rule 3
        if (legacy == LegacyFamily.OTP) {
            return new Classification(TemplateCategory.AUTHENTICATION, "legacy-otp", true, null);
        }
        // docs/billing-rules.md 2 rule 4, legacy half
        if (legacy == LegacyFamily.TRANSACTIONAL) {
            return new Classification(TemplateCategory.UTILITY, "legacy-transactional", false, null);
        }
        // docs/billing-rules.md 2 rule 5
        if (legacy == LegacyFamily.MARKETING) {
            return new Classification(TemplateCategory.MARKETING, "legacy-marketing", false, null);
        }
        // docs/billing-rules.md 2 rule 6
        return new Classification(TemplateCategory.MARKETING, "default-marketing", true, null);
    }
}
