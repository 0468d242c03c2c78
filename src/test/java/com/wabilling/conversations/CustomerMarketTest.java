package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wabilling.messages.CustomerLinks;
import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.MarketTable;

/** docs/billing-rules.md 3.6: the market of a customer known by phone, by user id, or both. */
class CustomerMarketTest {

    private static final MarketTable MARKETS = new MarketTable(Map.of("55", "Brazil", "1", "North America"),
            Map.of("BR", "Brazil", "US", "North America"));
    private static final Period MARCH = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"),
            ScopeMode.PHONE_NUMBER);

    @Test
    void aLinkedPhoneNumberDecidesTheMarketEvenAgainstTheUserIdsCountry() {
        CustomerMarket c = CustomerMarket.of("US.ENT.4d", new CustomerLinks(Map.of("US.ENT.4d", "5511987654321")),
                MARKETS);

        assertThat(c.market()).isEqualTo("Brazil");
        assertThat(c.customerWaId()).isEqualTo("5511987654321");
        assertThat(c.customerUserId()).isEqualTo("US.ENT.4d");
        assertThat(c.anomalies(List.of(message("w1", "2026-03-02T00:00:00Z", null, "US.ENT.4d")),
                new CustomerLinks(Map.of("US.ENT.4d", "5511987654321")), MARCH)).isEmpty();
    }

    @Test
    void withoutAPhoneNumberTheUserIdsCountryDecidesOnceAnomalyPerScope() {
        CustomerMarket c = CustomerMarket.of("US.ENT.4d", CustomerLinks.NONE, MARKETS);

        assertThat(c.market()).isEqualTo("North America");
        assertThat(c.customerWaId()).isEmpty();
        List<Anomaly> anomalies = c.anomalies(List.of(message("w0", "2026-02-28T23:00:00Z", null, "US.ENT.4d"),
                message("w1", "2026-03-02T00:00:00Z", null, "US.ENT.4d"),
                message("w2", "2026-03-03T00:00:00Z", null, "US.ENT.4d")), CustomerLinks.NONE, MARCH);
        assertThat(anomalies).extracting(Anomaly::messageId, Anomaly::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", "market_from_user_id"));
    }

    @Test
    void aUserIdOfACountryMarketsCsvDoesNotNameIsMarketOther() {
        assertThat(CustomerMarket.of("ZZ.77", CustomerLinks.NONE, MARKETS).market()).isEqualTo(MarketTable.OTHER);
        assertThat(CustomerMarket.of("DE.77", CustomerLinks.NONE, new MarketTable(Map.of("49", "Germany")))
                .market()).isEqualTo(MarketTable.OTHER);
    }

    @Test
    void aRowContradictingTheStandingLinkIsAnAnomalyOfItsPeriod() {
        CustomerLinks links = new CustomerLinks(Map.of("BR.1", "5511987654321"));
        CustomerMarket c = CustomerMarket.of("BR.1", links, MARKETS);

        List<Anomaly> anomalies = c.anomalies(List.of(message("w1", "2026-03-02T00:00:00Z", "5511000000000", "BR.1"),
                message("w2", "2026-04-01T00:00:00Z", "5511000000000", "BR.1")), links, MARCH);
        assertThat(anomalies).extracting(Anomaly::messageId, Anomaly::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", "conflicting_user_link"));
    }

    private static ExportedMessage message(String id, String at, String phone, String user) {
        return new ExportedMessage(id, "100", "200", phone, Direction.INBOUND, "text", null, null, Instant.parse(at),
                null, null, null, null, null, null, null, user, null);
    }
}
