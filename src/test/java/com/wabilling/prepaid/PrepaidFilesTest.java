package com.wabilling.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/formats.md: accounts.csv's billing column and payments.csv, read like every reference file. */
class PrepaidFilesTest {

    private static final String PAYMENTS = "payment_id,waba_id,received_at,amount,currency\n";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path dir;

    @BeforeEach
    void accounts() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,billing\n"
                + "100,A,Europe/Amsterdam,EUR,prepaid\n200,B,Europe/Amsterdam,EUR,\n300,C,Asia/Kolkata,USD,postpaid\n");
    }

    @Test
    void billingDefaultsToPostpaid() {
        PrepaidTerms terms = new PrepaidFiles(dir).terms();

        assertThat(terms.isPrepaid("100")).isTrue();
        assertThat(terms.isPrepaid("200")).isFalse();
        assertThat(terms.isPrepaid("300")).isFalse();
        assertThat(terms.payments()).isEmpty();
    }

    @Test
    void anotherBillingIsRefusedNamingTheRow() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,billing\n"
                + "100,A,Europe/Amsterdam,EUR,credit\n");

        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("accounts.csv record 1 (line 2)")
                .hasMessageContaining("billing must be postpaid (the default) or prepaid: 'credit'");
    }

    @Test
    void topUpsAreThePaymentsOfTheAccountLocalMonthAndAnIdReadTwiceIsOnePayment() throws IOException {
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS
                + "T1,100,2023-06-01T08:00:00Z,50.00,EUR\n"
                + "T1,100,2023-06-01T10:00:00+02:00,50,EUR\n" // the same payment, written otherwise
                + "T2,100,2023-06-30T22:30:00Z,1.00,EUR\n" // 1 July 00:30 in Amsterdam
                + "R1,100,2023-06-15T09:00:00Z,-20.00,EUR\n");
        PrepaidTerms terms = new PrepaidFiles(dir).terms();

        assertThat(terms.payments()).hasSize(3);
        assertThat(terms.topUps("100", AMSTERDAM, YearMonth.of(2023, 6))).isEqualByComparingTo("30.00");
        assertThat(terms.topUps("100", AMSTERDAM, YearMonth.of(2023, 7))).isEqualByComparingTo("1.00");
        assertThat(terms.topUps("200", AMSTERDAM, YearMonth.of(2023, 6))).isEqualByComparingTo("0");
    }

    @Test
    void theSameIdWithOtherValuesIsRefusedNamingIt() throws IOException {
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00Z,50.00,EUR\n"
                + "T1,100,2023-06-01T08:00:00Z,60.00,EUR\n");

        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("payments.csv record 2 (line 3)")
                .hasMessageContaining("payment_id T1 was read on line 2 with other values");
    }

    @Test
    void theSameIdWithOtherValuesIsRefusedAlsoWhenOneRowIsOfAnotherAccountList() throws IOException {
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00Z,50.00,EUR\n"
                + "T1,999,2023-06-01T08:00:00Z,50.00,USD\n");

        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("payment_id T1 was read on line 2")
                .hasMessageContaining("other values");
    }

    @Test
    void anotherCurrencyIsRefusedNamingTheRow() throws IOException {
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00Z,50.00,USD\n");

        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("payments.csv record 1 (line 2)")
                .hasMessageContaining("currency USD is not the account's currency EUR");
    }

    @Test
    void badCellsAreRefusedNamingTheColumn() throws IOException {
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00,50.00,EUR\n");
        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("received_at is not");
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00Z,0,EUR\n");
        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("amount must be");
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,100,2023-06-01T08:00:00Z,1.005,EUR\n");
        assertThatThrownBy(() -> new PrepaidFiles(dir).terms()).hasMessageContaining("up to 2 decimals");
    }

    @Test
    void paymentsOfAWabaWithoutAnAccountAreNotRead() throws IOException {
        // accounts.csv decides whose payments count: a reference folder shared by several account lists stays usable
        Files.writeString(dir.resolve("payments.csv"), PAYMENTS + "T1,999,2023-06-01T08:00:00Z,1,GBP\n");

        assertThat(new PrepaidFiles(dir).terms().payments()).isEmpty();
    }

    @Test
    void aStatementClosesWithOpeningPlusTopUpsMinusUsage() {
        Statement ok = Statement.of("100", YearMonth.of(2023, 6), "EUR", BigDecimal.ZERO, new BigDecimal("50.00"),
                new BigDecimal("12.10"));
        Statement exactlyZero = Statement.of("100", YearMonth.of(2023, 7), "EUR", new BigDecimal("37.90"),
                BigDecimal.ZERO, new BigDecimal("37.90"));
        Statement overdrawn = Statement.of("100", YearMonth.of(2023, 8), "EUR", new BigDecimal("31.80"),
                new BigDecimal("-20.00"), new BigDecimal("36.30"));

        assertThat(ok.closingBalance()).isEqualByComparingTo("37.90");
        assertThat(ok.status()).isEqualTo(Statement.Status.OK);
        assertThat(exactlyZero.status()).isEqualTo(Statement.Status.OK); // 0 is not below 0
        assertThat(overdrawn.closingBalance()).isEqualByComparingTo("-24.50");
        assertThat(overdrawn.status().label()).isEqualTo("overdrawn");
    }
}
