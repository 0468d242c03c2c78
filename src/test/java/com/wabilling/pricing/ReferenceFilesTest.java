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

        assertThat(files.accounts()).hasSize(8).first().satisfies(a -> {
            assertThat(a.zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
            assertThat(a.markupPercent()).isEqualByComparingTo("15");
        });
        RateCard card = files.rateCard();
        assertThat(card.rate("India", ConversationCategory.AUTHENTICATION, "USD", LocalDate.of(2024, 6, 30)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0042"));
        assertThat(card.rate("India", ConversationCategory.AUTHENTICATION, "USD", LocalDate.of(2024, 7, 1)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0014"));
        assertThat(card.rate("India", ConversationCategory.MARKETING, "USD", LocalDate.of(2023, 5, 31))).isEmpty();
        // rows are chosen by the account's currency: the sample EUR rows are the USD ones x 0.92 (0.0099 -> 0.0091)
        assertThat(card.rate("India", ConversationCategory.MARKETING, "EUR", LocalDate.of(2023, 7, 1)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0091"));
        assertThat(card.rate("India", ConversationCategory.MARKETING, "GBP", LocalDate.of(2023, 7, 1))).isEmpty();
    }

    @Test
    void aFixedOffsetOrAPseudoCurrencyIsRefusedNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n"
                + "1,A,Asia/Kathmandu,USD\n2,B,+05:45,USD\n");
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining("record 2 (line 3)")
                .hasMessageContaining("timezone must be an IANA zone such as Asia/Kathmandu").hasMessageContaining("'+05:45'");
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n1,A,UTC+3,USD\n");
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining("not a fixed offset");
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n"
                + "1,A,UTC,EUR\n2,B,Europe/Warsaw,XXX\n");
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining("record 2 (line 3)")
                .hasMessageContaining("currency XXX is an ISO 4217 code for no currency");
    }

    @Test
    void aReferenceFileThatIsNotUtf8IsRefusedSayingSo() throws IOException {
        Files.write(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n1,Caf\u00e9 Zo\u00eb,UTC,EUR\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).isInstanceOf(com.wabilling.support.Refusal.class)
                .hasMessageContaining("accounts.csv is not UTF-8 text")
                .satisfies(e -> assertThat(((com.wabilling.support.Refusal) e).nextStep()).contains("save ")
                        .contains("as UTF-8"));
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
    @Test
    void aPriceAboveTheMaximumIsRefusedNamingFileLineAndColumn() throws IOException {
        // the header is line 1; an empty line 3 is skipped, so the third data record starts on line 5
        Files.writeString(dir.resolve("rate-card.csv"),
                "effective_from,market,currency,marketing,utility,authentication,service\n"
                        + "2023-06-01,Brazil,USD,0.0625,0.035,0.0315,0.03\n\n"
                        + "2023-06-01,India,IDR,10000,158,158,150\n"
                        + "2023-06-01,Chile,USD,0.0889,999999999999.999999,0.0527,0.0454\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).rateCard())
                .hasMessageContaining(dir.resolve("rate-card.csv") + " record 3 (line 5)")
                .hasMessageContaining("utility: 999999999999.999999 is above the maximum price of 10000 per unit");
    }

    @Test
    void markupPercentFromMinus100IsAcceptedAndBelowRefusedNamingFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,markup_percent\n"
                + "1,A,UTC,EUR,-100\n2,B,UTC,EUR,250\n");
        assertThat(new ReferenceFiles(dir).accounts()).extracting(a -> a.markupPercent().toPlainString())
                .containsExactly("-100", "250");

        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,markup_percent\n"
                + "1,A,UTC,EUR,-100\n2,B,UTC,EUR,-100.01\n");
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining(dir.resolve("accounts.csv")
                + " record 2 (line 3): markup_percent must be at least -100").hasMessageContaining("-100.01");
    }

    @Test
    void portfolioDefaultsToTheWabaAndIsReadWhenGiven() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,portfolio_id\n"
                + "1,A,UTC,EUR,\n2,B,UTC,EUR,900\n");

        assertThat(new ReferenceFiles(dir).accounts()).extracting(BillingAccount::portfolioId).containsExactly("1", "900");
        assertThat(new BillingAccount("3", "C", ZoneId.of("UTC"), java.util.Currency.getInstance("EUR"),
                java.math.BigDecimal.ZERO).portfolioId()).isEqualTo("3");
    }

    @Test
    void aPortfolioIdThatIsNotDigitsStopsTheJob() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,portfolio_id\n"
                + "1,A,UTC,EUR,acme\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining("accounts.csv record 1")
                .hasMessageContaining("portfolio_id must be digits: 'acme'");
    }

    @Test
    void withoutAVolumeTiersFileThereAreNoTiers() {
        assertThat(new ReferenceFiles(dir).volumeTiers()).isSameAs(VolumeTiers.NONE);
    }

    @Test
    void volumeTiersAreReadWithColumnsInAnyOrder() throws IOException {
        Files.writeString(dir.resolve("volume-tiers.csv"), "rate,category,market,currency,effective_from,from_volume,"
                + "to_volume\n0.0014,UTILITY,India,USD,2025-07-01,1,100000\n0.0010,UTILITY,India,USD,2025-07-01,100001,\n");

        VolumeTiers tiers = new ReferenceFiles(dir).volumeTiers();

        assertThat(tiers.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 7, 1), 100001))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0010"));
    }

    @Test
    void badVolumeTierRowsAreNamedByTheLineTheyStartOn() throws IOException {
        // lines 2-3 hold one record with a quoted line break, line 5 is empty
        Files.writeString(dir.resolve("volume-tiers.csv"), "effective_from,market,currency,category,from_volume,"
                + "to_volume,rate\n2025-07-01,\"Rest of\nAfrica\",USD,UTILITY,1,,0.001\n"
                + "2025-07-01,India,USD,MARKETING,1,,0.001\n\n2025-07-01,India,USD,UTILITY,2,,0.001\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).volumeTiers()).isInstanceOf(VolumeTiersException.class)
                .hasMessageContaining("volume-tiers.csv is refused, 2 problems")
                .hasMessageContaining("line 4: category must be UTILITY, AUTHENTICATION or AUTHENTICATION_INTERNATIONAL: 'MARKETING'")
                .hasMessageContaining("line 6: the first band of UTILITY India USD from 2025-07-01 starts at 2, not 1");
    }

    @Test
    void aVolumeTiersFileWithoutARequiredColumnStopsNamingIt() throws IOException {
        Files.writeString(dir.resolve("volume-tiers.csv"), "effective_from,market,currency,category,from_volume,rate\n");

        assertThatThrownBy(() -> new ReferenceFiles(dir).volumeTiers()).hasMessageContaining("to_volume");
    }
}
