package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class ReferenceFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSampleAccountsAndRateCard() {
        ReferenceFiles files = new ReferenceFiles(Path.of("sample-data"));

        assertThat(files.accounts()).hasSize(5).first().satisfies(a -> {
            assertThat(a.zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
            assertThat(a.markupPercent()).isEqualByComparingTo("15");
        });
        RateCard card = files.rateCard();
        assertThat(card.rate("India", ConversationCategory.AUTHENTICATION, "USD", LocalDate.of(2024, 6, 30)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0042"));
        assertThat(card.rate("India", ConversationCategory.AUTHENTICATION, "USD", LocalDate.of(2024, 7, 1)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0014"));
        assertThat(card.rate("India", ConversationCategory.MARKETING, "USD", LocalDate.of(2023, 5, 31))).isEmpty();
        assertThat(card.rate("India", ConversationCategory.MARKETING, "EUR", LocalDate.of(2023, 7, 1))).isEmpty();
    }

    @Test
    void markupDefaultsToZero() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n1,A,UTC,EUR\n");

        assertThat(new ReferenceFiles(dir).accounts().get(0).markupPercent()).isEqualByComparingTo("0");
    }

    @Test
    void badReferenceRowsStopWithFileRecordAndReason() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,markup_percent\n"
                + "1,A,Mars/Olympus,EUR,0\n");
        Files.writeString(dir.resolve("rate-card.csv"),
                "effective_from,market,currency,marketing,utility,authentication,service\n"
                        + "2023-06-01,Brazil,USD,0.0625,0.035,0.0315,0.0300001\n");

        ReferenceFiles files = new ReferenceFiles(dir);
        assertThatThrownBy(files::accounts).hasMessageContaining("accounts.csv record 1")
                .hasMessageContaining("not an IANA zone");
        assertThatThrownBy(files::rateCard).hasMessageContaining("up to 6 decimals");
        assertThatThrownBy(files::markets).hasMessageContaining("markets.csv not found")
                .hasMessageContaining("WA_BILLING_REFERENCE_DIR");
    }
}
