package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/per-message-pricing.md 4: a row prices in the unit of the regime in force on its effective date. */
class RateCardTest {

    private static final LocalDate SEPTEMBER_2025 = LocalDate.of(2025, 9, 15);

    @Test
    void aPerMessageDateWithoutAPerMessageRowHasNoRateEvenWhenAConversationRowIsInEffect() {
        // India's per-message row of 2025-07-01 is missing: its 2024-10-01 row is a conversation price
        RateCard card = new RateCard(List.of(
                row("2023-06-01", "India", "USD", "0.0099"),
                row("2024-10-01", "India", "USD", "0.0107"),
                row("2023-06-01", "Brazil", "USD", "0.0625"),
                row("2025-07-01", "Brazil", "USD", "0.0610")));

        assertThat(card.rate("India", ConversationCategory.MARKETING, "USD", SEPTEMBER_2025)).isEmpty();
        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", SEPTEMBER_2025))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0610"));
        // the conversation era keeps its own rows
        assertThat(card.rate("India", ConversationCategory.MARKETING, "USD", LocalDate.of(2025, 6, 30)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0107"));
        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", LocalDate.of(2025, 6, 30)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0625"));
    }

    @Test
    void aPerMessageRowNeverPricesALaterConversationRegime() {
        // a hypothetical return to conversations on 2027-01-01: the 2025 per-message row does not carry over
        Regime conversations2027 = new Regime("CBP-2027", LocalDate.of(2027, 1, 1), BillableUnit.CONVERSATION, false,
                Regime.ALL_SERVICE_FREE);
        Regimes regimes = new Regimes(List.of(Regime.CBP_2023, Regime.PMP_2025, conversations2027));
        RateCard card = new RateCard(List.of(
                row("2023-06-01", "Brazil", "USD", "0.0625"),
                row("2025-07-01", "Brazil", "USD", "0.0610")), regimes);

        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", LocalDate.of(2027, 1, 1)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0625"));
        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", LocalDate.of(2026, 12, 31)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0610"));
    }

    @Test
    void aRowBeforeTheFirstRegimeIsAConversationPrice() {
        RateCard card = new RateCard(List.of(row("2023-04-01", "Brazil", "USD", "0.0600")));

        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", LocalDate.of(2023, 6, 15)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0600"));
        assertThat(card.rate("Brazil", ConversationCategory.MARKETING, "USD", SEPTEMBER_2025)).isEmpty();
    }

    private static RateCard.Row row(String from, String market, String currency, String marketing) {
        Map<ConversationCategory, BigDecimal> prices = new EnumMap<>(ConversationCategory.class);
        prices.put(ConversationCategory.MARKETING, new BigDecimal(marketing));
        return new RateCard.Row(LocalDate.parse(from), market, currency, prices);
    }
}
