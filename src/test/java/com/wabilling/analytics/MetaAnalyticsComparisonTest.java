package com.wabilling.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/formats.md, "Meta's pricing analytics": every key on either side, differences Meta's minus ours. */
class MetaAnalyticsComparisonTest {

    private static final Instant T = Instant.parse("2026-10-05T22:00:00Z");

    @Test
    void everyKeyOnEitherSideSortedWithDifferencesAndTotalsPerCurrency() {
        MetaAnalyticsComparison c = new MetaAnalyticsComparison(Map.of("2", "EUR", "3", "USD"));
        c.addMeta("2", point("2", "FR", "UTILITY", "REGULAR", 4, "0.1104"));
        c.addMeta("2", point("2", "FR", "UTILITY", "REGULAR", 6, "0.1656"));
        c.addMeta("9", point("9", "BR", "MARKETING", "REGULAR", 1, "0.0625")); // a WABA only Meta knows
        c.addSuite(key("2", "FR", "UTILITY", "REGULAR"), new BigDecimal("0.0276"));
        c.addSuite(key("2", "FR", "UTILITY", "REGULAR"), new BigDecimal("0.0276"));
        c.addSuite(key("2", "FR", "SERVICE", "FREE_CUSTOMER_SERVICE"), BigDecimal.ZERO);
        c.addSuite(key("3", "IN", "UTILITY", "REGULAR"), new BigDecimal("0.0016")); // a WABA only we know

        assertThat(c.rows()).extracting(r -> r.key().wabaId() + " " + r.key().country() + " " + r.key().pricingCategory()
                + " " + r.key().pricingType() + " " + r.metaVolume() + "/" + r.volume() + "/" + r.volumeDifference()
                + " " + r.metaCost().toPlainString() + "/" + r.cost().toPlainString() + "/"
                + r.costDifference().toPlainString() + " " + r.currency()).containsExactly(
                        "2 FR SERVICE FREE_CUSTOMER_SERVICE 0/1/-1 0/0/0 EUR",
                        // 10 x Meta, 2 here: 0.2760 - 0.0552 = 0.2208
                        "2 FR UTILITY REGULAR 10/2/8 0.2760/0.0552/0.2208 EUR",
                        "3 IN UTILITY REGULAR 0/1/-1 0/0.0016/-0.0016 USD",
                        "9 BR MARKETING REGULAR 1/0/1 0.0625/0/0.0625 ");
        assertThat(c.totals()).extracting(t -> t.currency() + " " + t.metaVolume() + "/" + t.volume() + " "
                + t.costDifference().toPlainString()).containsExactly(" 1/0 0.0625", "EUR 10/3 0.2208",
                        "USD 0/1 -0.0016");
    }

    @Test
    void moneyIsWrittenUnroundedWithAtLeastTheCurrencysDecimals() {
        assertThat(MetaAnalyticsReport.money(new BigDecimal("0.01140"), "USD")).isEqualTo("0.0114");
        assertThat(MetaAnalyticsReport.money(new BigDecimal("0.2"), "EUR")).isEqualTo("0.20");
        assertThat(MetaAnalyticsReport.money(BigDecimal.ZERO, "EUR")).isEqualTo("0.00");
        assertThat(MetaAnalyticsReport.money(new BigDecimal("-0.0001"), "EUR")).isEqualTo("-0.0001");
        assertThat(MetaAnalyticsReport.money(new BigDecimal("3.50"), "")).isEqualTo("3.5");
        assertThat(MetaAnalyticsReport.money(new BigDecimal("12"), "JPY")).isEqualTo("12");
    }

    @Test
    void countriesComeFromTheCallingCodeOrTheUserIdPrefix() {
        CountryTable table = new CountryTable.Builder().add("1", "us").add("1876", "JM").add("972", "IL").add("31", "")
                .build();

        assertThat(table.countryOf("18765550123")).isEqualTo("JM");
        assertThat(table.countryOf("12025550123")).isEqualTo("US");
        assertThat(table.countryOf("972332157407")).isEqualTo("IL");
        assertThat(table.countryOf("31201234567")).isEmpty(); // a row without iso_country
        assertThat(table.countryOf("BR.8c1f0a")).isEqualTo("BR");
        assertThat(table.countryOf("US.ENT.4d")).isEqualTo("US");
    }

    @Test
    void phoneNumbersMapAMetaNumberToItsWaba() {
        PhoneNumbers numbers = new PhoneNumbers.Builder().add(Map.of("phone_number_id", "120000000000001", "waba_id",
                "102938475610002", "display_phone_number", "+31 20 123 4567")).build();

        assertThat(numbers.wabaOf("31201234567")).contains("102938475610002");
        assertThat(numbers.wabaOf("+31 20 1234567")).contains("102938475610002");
        assertThat(numbers.wabaOf("5511999990000")).isEmpty();
        assertThat(PhoneNumbers.NONE.wabaOf("31201234567")).isEmpty();
    }

    private static MetaAnalyticsComparison.Key key(String waba, String country, String category, String type) {
        return new MetaAnalyticsComparison.Key(waba, country, category, type);
    }

    private static AnalyticsPoint point(String waba, String country, String category, String type, long volume,
            String cost) {
        return new AnalyticsPoint("f.json", waba, T, T.plusSeconds(86_400), country, "", "", category, type, volume,
                new BigDecimal(cost));
    }
}
