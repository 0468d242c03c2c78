package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MarketTableTest {

    @Test
    void longestPrefixWins() {
        MarketTable nanp = new MarketTable.Builder().add("1", "North America").add("1876", "Rest of Latin America")
                .add("1809", "Rest of Latin America").build();

        assertThat(nanp.marketOf("18765551234")).isEqualTo("Rest of Latin America");
        assertThat(nanp.marketOf("12125551234")).isEqualTo("North America");
        assertThat(nanp.marketOf("31612345678")).isEqualTo(MarketTable.OTHER);
    }

    @Test
    void sampleMarketsMapTheirCountriesAndEverythingElseToOther() {
        MarketTable sample = new ReferenceFiles(Path.of("sample-data")).markets();

        assertThat(sample.marketOf("5511987654321")).isEqualTo("Brazil");
        assertThat(sample.marketOf("972501234567")).isEqualTo("Israel");
        assertThat(sample.marketOf("31612345678")).isEqualTo("Other");
    }

    @Test
    void oneCodeCannotBelongToTwoMarkets() {
        assertThatThrownBy(() -> new MarketTable.Builder().add("44", "United Kingdom").add("44", "France"))
                .hasMessageContaining("44");
    }
}
