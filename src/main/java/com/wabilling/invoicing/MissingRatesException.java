package com.wabilling.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;

/** docs/billing-rules.md 4.2: a missing rate stops the job, listing every missing combination; nothing is billed at zero. */
public class MissingRatesException extends com.wabilling.support.Refusal {

    /** One (market, category, currency, date) the rate card has no price for. */
    public record MissingRate(String market, ConversationCategory category, String currency, LocalDate date) {
        @Override
        public String toString() {
            return market + ", " + category + ", " + currency + ", " + date;
        }
    }

    private final List<MissingRate> missing;

    public MissingRatesException(List<MissingRate> missing) {
        super("the rate card has no price for " + missing.size() + " (market, category, currency, date) combination"
                + (missing.size() == 1 ? "" : "s") + ":\n    "
                + missing.stream().map(MissingRate::toString).collect(Collectors.joining("\n    "))
                + perMessageNote(missing), com.wabilling.support.Refusal.fixThenSameCommand(
                        "rate-card.csv in the reference folder (a row for each combination named above)"));
        this.missing = List.copyOf(missing);
    }

    public List<MissingRate> missing() {
        return missing;
    }

    /** Says why an older row of the market does not count: the unit rule of docs/formats.md, rate-card.csv. */
    private static String perMessageNote(List<MissingRate> missing) {
        LocalDate firstPerMessage = Regimes.META.all().stream().filter(Regime::perMessage).map(Regime::from)
                .findFirst().orElse(null);
        if (firstPerMessage == null || missing.stream().noneMatch(m -> !m.date().isBefore(Regimes.META.earliest())
                && Regimes.META.at(m.date()).perMessage())) {
            return "";
        }
        return "\n  a per-message date needs a row effective on or after " + firstPerMessage + " for its market and"
                + " currency: a row effective before it is a price per conversation and never prices a message";
    }
}
