package com.wabilling.pricing;

import static com.wabilling.pricing.PricingCategory.AUTHENTICATION;
import static com.wabilling.pricing.PricingCategory.MARKETING;
import static com.wabilling.pricing.PricingCategory.SERVICE;
import static com.wabilling.pricing.PricingCategory.UTILITY;
import static com.wabilling.pricing.PricingType.FREE_CUSTOMER_SERVICE;
import static com.wabilling.pricing.PricingType.REGULAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/per-message-pricing.md 3: graduated tiers per (portfolio, market, category, account-local month), regular only. */
class VolumeTierCounterTest {

    private static final String PORTFOLIO = "900";
    private static final LocalDate JUL_10 = LocalDate.of(2025, 7, 10);
    private static final YearMonth JULY = YearMonth.of(2025, 7);

    // India USD utility: 1-3 at 0.0014, 4-5 at 0.0012, 6+ at 0.0010; from 2025-07-15: 1-4 at 0.0013, 5+ at 0.0009
    private static final VolumeTiers TIERS = VolumeTierRows.parse("volume-tiers.csv", List.of(
            line(2, "2025-07-01", "UTILITY", "1", "3", "0.0014"),
            line(3, "2025-07-01", "UTILITY", "4", "5", "0.0012"),
            line(4, "2025-07-01", "UTILITY", "6", "", "0.0010"),
            line(5, "2025-07-15", "UTILITY", "1", "4", "0.0013"),
            line(6, "2025-07-15", "UTILITY", "5", "", "0.0009"),
            line(7, "2025-07-01", "AUTHENTICATION", "1", "1", "0.0020"),
            line(8, "2025-07-01", "AUTHENTICATION", "2", "", "0.0015")));

    private static VolumeTierRows.Line line(long n, String from, String category, String fromVolume, String toVolume,
            String rate) {
        return new VolumeTierRows.Line(n, Map.of("effective_from", from, "market", "India", "currency", "USD",
                "category", category, "from_volume", fromVolume, "to_volume", toVolume, "rate", rate));
    }

    private final VolumeTierCounter counter = new VolumeTierCounter(TIERS);

    private String utility(LocalDate date) {
        return rateOf(counter.assign(PORTFOLIO, "India", "USD", UTILITY, REGULAR, date));
    }

    private static String rateOf(VolumeTierCounter.Assignment a) {
        return a.band().map(b -> b.rate().toPlainString()).orElse("list");
    }

    @Test
    void theLastMessageOfABandPaysItsRateAndTheFirstOfTheNextPaysTheNext() {
        assertThat(List.of(utility(JUL_10), utility(JUL_10), utility(JUL_10), utility(JUL_10), utility(JUL_10),
                utility(JUL_10), utility(JUL_10)))
                .containsExactly("0.0014", "0.0014", "0.0014", "0.0012", "0.0012", "0.0010", "0.0010");
    }

    @Test
    void theAssignmentNamesThePositionAndTheBand() {
        counter.alreadyCounted(PORTFOLIO, "India", UTILITY, JULY, 2);

        VolumeTierCounter.Assignment third = counter.assign(PORTFOLIO, "India", "USD", UTILITY, REGULAR, JUL_10);
        VolumeTierCounter.Assignment fourth = counter.assign(PORTFOLIO, "India", "USD", UTILITY, REGULAR, JUL_10);

        assertThat(third.position()).isEqualTo(3);
        assertThat(third.band()).hasValueSatisfying(b -> assertThat(b.label()).isEqualTo("1-3"));
        assertThat(fourth.position()).isEqualTo(4);
        assertThat(fourth.band()).hasValueSatisfying(b -> assertThat(b.label()).isEqualTo("4-5"));
        assertThat(fourth.listRate()).isFalse();
    }

    @Test
    void aTableChangeMidMonthAppliesFromItsDateWhileTheCountGoesOnFromTheMonthStart() {
        // messages 1-4 on July 10 (old table), 5-6 on July 15 (new table: 1-4, then 5+)
        for (int i = 0; i < 4; i++) {
            utility(JUL_10);
        }

        assertThat(utility(LocalDate.of(2025, 7, 14))).as("5th, old table 4-5").isEqualTo("0.0012");
        assertThat(utility(LocalDate.of(2025, 7, 15))).as("6th, new table 5+").isEqualTo("0.0009");
        assertThat(counter.counted(PORTFOLIO, "India", UTILITY, JULY)).isEqualTo(6);
    }

    @Test
    void aNewMonthStartsCountingAgain() {
        counter.alreadyCounted(PORTFOLIO, "India", UTILITY, JULY, 10);

        assertThat(utility(LocalDate.of(2025, 7, 31))).as("11th of July").isEqualTo("0.0009");
        assertThat(utility(LocalDate.of(2025, 8, 1))).as("1st of August").isEqualTo("0.0013");
    }

    @Test
    void freeMessagesAreNeitherCountedNorBanded() {
        VolumeTierCounter.Assignment free = counter.assign(PORTFOLIO, "India", "USD", UTILITY, FREE_CUSTOMER_SERVICE,
                JUL_10);

        assertThat(free.position()).isZero();
        assertThat(free.listRate()).isTrue();
        assertThat(counter.counted(PORTFOLIO, "India", UTILITY, JULY)).isZero();
        assertThat(utility(JUL_10)).as("the first charged one is still the 1st").isEqualTo("0.0014");
    }

    @Test
    void marketingAndServiceHaveNoTiersAndAreNotCounted() {
        assertThat(counter.assign(PORTFOLIO, "India", "USD", MARKETING, REGULAR, JUL_10).position()).isZero();
        assertThat(counter.assign(PORTFOLIO, "India", "USD", SERVICE, REGULAR, JUL_10).listRate()).isTrue();
        assertThat(counter.counted(PORTFOLIO, "India", MARKETING, JULY)).isZero();
        assertThat(counter.counted(PORTFOLIO, "India", SERVICE, JULY)).isZero();
    }

    @Test
    void categoriesPortfoliosAndMarketsAreSeparateBuckets() {
        utility(JUL_10);
        utility(JUL_10);
        utility(JUL_10);

        assertThat(rateOf(counter.assign(PORTFOLIO, "India", "USD", AUTHENTICATION, REGULAR, JUL_10))).isEqualTo("0.0020");
        assertThat(rateOf(counter.assign(PORTFOLIO, "India", "USD", AUTHENTICATION, REGULAR, JUL_10))).isEqualTo("0.0015");
        assertThat(rateOf(counter.assign("901", "India", "USD", UTILITY, REGULAR, JUL_10))).isEqualTo("0.0014");
        assertThat(counter.assign(PORTFOLIO, "Brazil", "USD", UTILITY, REGULAR, JUL_10).position()).isEqualTo(1);
        assertThat(utility(JUL_10)).as("4th of the first bucket").isEqualTo("0.0012");
    }

    @Test
    void withoutATableTheListRateAppliesButTheMessageIsStillCounted() {
        VolumeTierCounter.Assignment brazil = counter.assign(PORTFOLIO, "Brazil", "USD", UTILITY, REGULAR, JUL_10);
        VolumeTierCounter.Assignment euro = counter.assign("902", "India", "EUR", UTILITY, REGULAR, JUL_10);
        VolumeTierCounter.Assignment beforeTables = counter.assign(PORTFOLIO, "India", "USD", UTILITY, REGULAR,
                LocalDate.of(2025, 6, 30));

        assertThat(brazil.listRate()).isTrue();
        assertThat(brazil.position()).isEqualTo(1);
        assertThat(euro.listRate()).isTrue();
        assertThat(beforeTables.listRate()).isTrue();
        assertThat(counter.counted(PORTFOLIO, "India", UTILITY, YearMonth.of(2025, 6))).isEqualTo(1);
    }
}
