package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.wabilling.support.Refusal;

/** auth-international.csv and the rate card's optional column (docs/formats.md; docs/per-message-pricing.md 4). */
class AuthInternationalRowsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheFileNothingIsInternational() {
        AuthInternational none = new ReferenceFiles(dir).authInternational();

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.billedAs("900", "Brazil", Instant.parse("2030-01-01T00:00:00Z"), PricingCategory.AUTHENTICATION))
                .isEqualTo(PricingCategory.AUTHENTICATION);
    }

    @Test
    void readsStartsWithAnOffsetAndAppliesFromTheInstantOn() throws IOException {
        Files.writeString(dir.resolve("auth-international.csv"), "\uFEFFmarket,start,portfolio_id\n"
                + "Brazil,2026-10-10T09:00:00-03:00,900\n\nIndia,2026-11-01T00:00:00Z,900\n");
        AuthInternational rule = new ReferenceFiles(dir).authInternational();
        Instant start = Instant.parse("2026-10-10T12:00:00Z");

        assertThat(rule.start("900", "Brazil")).contains(start);
        assertThat(rule.billedAs("900", "Brazil", start.minusMillis(1), PricingCategory.AUTHENTICATION))
                .isEqualTo(PricingCategory.AUTHENTICATION);
        assertThat(rule.billedAs("900", "Brazil", start, PricingCategory.AUTHENTICATION))
                .isEqualTo(PricingCategory.AUTHENTICATION_INTERNATIONAL);
        // only authentication messages, only that portfolio
        assertThat(rule.billedAs("900", "Brazil", start, PricingCategory.UTILITY)).isEqualTo(PricingCategory.UTILITY);
        assertThat(rule.billedAs("901", "Brazil", start, PricingCategory.AUTHENTICATION))
                .isEqualTo(PricingCategory.AUTHENTICATION);
    }

    @Test
    void everyBadRowIsNamedWithFileRecordLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("auth-international.csv"), "portfolio_id,market,start\n"
                + "900,Brazil,2026-10-10T12:00:00Z\n"
                + "90x,Brazil,2026-10-10T12:00:00\n"
                + "901,,1760097600\n"
                + "900,Brazil,2026-11-01T00:00:00Z\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).authInternational()).isInstanceOf(Refusal.class)
                .hasMessageContaining("auth-international.csv is refused, 3 problems")
                .hasMessageContaining("record 2 (line 3): column portfolio_id must be digits")
                .hasMessageContaining("column start has no time zone (add Z or an offset): '2026-10-10T12:00:00'")
                .hasMessageContaining("record 3 (line 4): column market is empty")
                .hasMessageContaining("column start must be an ISO-8601 instant with Z or an offset")
                .hasMessageContaining("record 4 (line 5): columns portfolio_id, market: 900 Brazil is given twice"
                        + " (also record 1 (line 2))");
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Files.writeString(dir.resolve("auth-international.csv"), "portfolio_id,market\n900,Brazil\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).authInternational()).hasMessageContaining("start");
    }

    @Test
    void theRateCardReadsTheOptionalInternationalColumn() throws IOException {
        Files.writeString(dir.resolve("rate-card.csv"), "effective_from,market,currency,marketing,utility,authentication,"
                + "service,authentication_international\n2025-07-01,Brazil,USD,0.0625,0.0068,0.0068,,0.0450\n"
                + "2025-07-01,India,USD,0.0107,0.0014,0.0014,,\n");
        RateCard card = new ReferenceFiles(dir).rateCard();
        LocalDate date = LocalDate.of(2026, 10, 10);

        assertThat(card.rate("Brazil", ConversationCategory.AUTHENTICATION_INTERNATIONAL, "USD", date))
                .contains(new BigDecimal("0.0450"));
        assertThat(card.rate("India", ConversationCategory.AUTHENTICATION_INTERNATIONAL, "USD", date)).isEmpty();
        // the sample card has no such column: no international rate, the others as before
        RateCard sample = new ReferenceFiles(Path.of("sample-data")).rateCard();
        assertThat(sample.rate("India", ConversationCategory.AUTHENTICATION, "USD", date)).isPresent();
    }
}
