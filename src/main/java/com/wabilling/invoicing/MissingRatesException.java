package com.wabilling.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.wabilling.pricing.ConversationCategory;

/** domain.md 4.2: a missing rate stops the job, listing every missing combination; nothing is billed at zero. */
public class MissingRatesException extends RuntimeException {

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
                + missing.stream().map(MissingRate::toString).collect(Collectors.joining("\n    ")));
        this.missing = List.copyOf(missing);
    }

    public List<MissingRate> missing() {
        return missing;
    }
}
