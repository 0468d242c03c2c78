package com.wabilling.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Meta's saved pricing_analytics responses (docs/formats.md, "Meta's pricing analytics"). */
class PricingAnalyticsJsonTest {

    @Test
    void readsHalfHourDailyAndMonthlyPointsWithOptionalFieldsAbsent() {
        // 1793487600 = 2026-10-31T23:00:00Z; 1793489400 half an hour later; 1791237600 = 2026-10-05T22:00:00Z
        PricingAnalyticsJson.Response r = PricingAnalyticsJson.parse("a.json", """
                {"id": "102938475610002", "pricing_analytics": {"data": [
                  {"granularity": "HALF_HOUR", "data_points": [{"start": 1793487600, "end": 1793489400, "country": "fr",
                    "phone_number": "+31 20 1234567", "tier": "0:750000", "pricing_type": "REGULAR",
                    "pricing_category": "UTILITY", "volume": 10, "cost": 0.0114}]},
                  {"granularity": "DAILY", "data_points": [{"start": 1791237600, "end": 1791324000,
                    "pricing_type": "free_customer_service", "pricing_category": "service", "volume": 3, "cost": 0}]},
                  {"granularity": "MONTHLY", "data_points": [{"start": "1790805600", "end": "1793487600",
                    "pricing_type": "REGULAR", "pricing_category": "authentication-international", "volume": 2,
                    "cost": "0.049"}]},
                  {"granularity": "DAILY"}]},
                 "paging": {"cursors": {}}}
                """);

        assertThat(r.wabaId()).isEqualTo("102938475610002");
        assertThat(r.points()).hasSize(3);
        AnalyticsPoint half = r.points().get(0);
        assertThat(half.start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(half.end()).isEqualTo(Instant.parse("2026-10-31T23:30:00Z"));
        assertThat(half.country()).isEqualTo("FR");
        assertThat(half.phoneNumber()).isEqualTo("31 20 1234567");
        assertThat(half.cost()).isEqualByComparingTo("0.0114");
        assertThat(half.cost().toPlainString()).isEqualTo("0.0114"); // no binary floating point on the way
        AnalyticsPoint daily = r.points().get(1);
        assertThat(daily.country()).isEmpty();
        assertThat(daily.phoneNumber()).isEmpty();
        assertThat(daily.tier()).isEmpty();
        assertThat(daily.pricingCategory()).isEqualTo("SERVICE");
        assertThat(daily.pricingType()).isEqualTo("FREE_CUSTOMER_SERVICE");
        // both of Meta's spellings are one category
        assertThat(r.points().get(2).pricingCategory()).isEqualTo("AUTHENTICATION_INTERNATIONAL");
        assertThat(r.points().get(2).volume()).isEqualTo(2);
    }

    @Test
    void aResponseWithoutDataPointsNamesItsWaba() {
        PricingAnalyticsJson.Response r = PricingAnalyticsJson.parse("a.json",
                "{\"id\": 102938475610002, \"pricing_analytics\": {\"data\": []}}");

        assertThat(r.wabaId()).isEqualTo("102938475610002");
        assertThat(r.points()).isEmpty();
    }

    @Test
    void aMalformedValueIsRefusedNamingTheFileAndItsPath() {
        String json = """
                {"id": "1", "pricing_analytics": {"data": [{"data_points": [
                  {"start": 1, "end": 2, "pricing_type": "REGULAR", "pricing_category": "UTILITY", "volume": 1, "cost": 0},
                  {"start": 1, "end": 2, "pricing_type": "REGULAR", "pricing_category": "UTILITY", "volume": -4, "cost": 0}
                ]}]}}
                """;
        assertThatThrownBy(() -> PricingAnalyticsJson.parse("out/meta/b.json", json))
                .isInstanceOf(MalformedAnalyticsException.class)
                .hasMessageContaining("out/meta/b.json")
                .hasMessageContaining("at $.pricing_analytics.data[0].data_points[1].volume: must be a whole number >= 0");
    }

    @Test
    void missingPartsAreNamedByPath() {
        assertThatThrownBy(() -> PricingAnalyticsJson.parse("c.json", "{\"id\": \"1\"}"))
                .hasMessageContaining("c.json").hasMessageContaining("at $.pricing_analytics: missing");
        assertThatThrownBy(() -> PricingAnalyticsJson.parse("c.json", "{\"pricing_analytics\": {\"data\": []}}"))
                .hasMessageContaining("at $.id: missing");
        assertThatThrownBy(() -> PricingAnalyticsJson.parse("c.json", "{\"id\": \"1\", \"pricing_analytics\": {\"data\":"
                + " [{\"data_points\": [{\"start\": 1, \"end\": 2, \"pricing_type\": \"REGULAR\", \"volume\": 1,"
                + " \"cost\": 0}]}]}}"))
                .hasMessageContaining("at $.pricing_analytics.data[0].data_points[0].pricing_category: missing");
        assertThatThrownBy(() -> PricingAnalyticsJson.parse("c.json", "{\"id\": \"1\", \"pricing_analytics\": {\"data\":"
                + " [{\"granularity\": \"WEEKLY\"}]}}"))
                .hasMessageContaining("at $.pricing_analytics.data[0].granularity: must be HALF_HOUR, DAILY or MONTHLY");
    }

    @Test
    void brokenJsonIsRefusedNamingWhereTheParserStopped() {
        String json = "{\"id\": \"1\", \"pricing_analytics\": {\"data\": [{\"data_points\": [{\"start\": 1,, }]}]}}";

        assertThatThrownBy(() -> PricingAnalyticsJson.parse("d.json", json))
                .isInstanceOf(MalformedAnalyticsException.class)
                .hasMessageContaining("d.json")
                .hasMessageContaining("at $.pricing_analytics.data[0].data_points[0].start: not JSON");
    }

    @Test
    void jsonPointersBecomePaths() {
        assertThat(PricingAnalyticsJson.pointerToPath("/pricing_analytics/data/0/data_points/12/cost"))
                .isEqualTo(".pricing_analytics.data[0].data_points[12].cost");
        assertThat(PricingAnalyticsJson.pointerToPath("")).isEmpty();
    }
}
