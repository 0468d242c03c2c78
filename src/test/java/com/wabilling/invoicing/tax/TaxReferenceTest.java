package com.wabilling.invoicing.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vat-rates.csv and exchange-rates.csv are refused at load when a value lies outside its documented range
 * or a row repeats a key, naming the file, the line(s) and the column (docs/formats.md, reference files).
 */
class TaxReferenceTest {

    @TempDir
    Path dir;

    @Test
    void vatRatesFrom0To100AreAcceptedAndAbove27Warned() throws IOException {
        vatRates("NL,2012-10-01,21\nXA,2020-01-01,0\nXB,2020-01-01,100\nXC,2020-01-01,27\nXD,2020-01-01,27.01\n");

        VatRates rates = new TaxReference(dir).vatRates();

        assertThat(rates.standardRate("XA", LocalDate.of(2026, 1, 1))).hasValueSatisfying(r -> assertThat(r).isZero());
        assertThat(rates.standardRate("XB", LocalDate.of(2026, 1, 1)))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("100"));
        // 100 (line 4) and 27.01 (line 6) are above the highest EU standard rate; 27 (line 5) is not
        assertThat(rates.warnings()).satisfiesExactly(
                w -> assertThat(w).startsWith("line 4: standard_rate 100 of XB").contains("above 27 %"),
                w -> assertThat(w).startsWith("line 6: standard_rate 27.01 of XD").contains("above 27 %"));
    }

    @Test
    void aVatRateBelow0OrAbove100IsRefusedNamingFileLineAndColumn() throws IOException {
        vatRates("NL,2012-10-01,21\nNL,2026-01-01,-0.01\n");
        assertThatThrownBy(() -> new TaxReference(dir).vatRates()).hasMessageContaining(dir.resolve("vat-rates.csv")
                + " record 2 (line 3): standard_rate must be a percentage from 0 to 100: -0.01");

        vatRates("NL,2012-10-01,21\n\nNL,2026-01-01,100.01\n");
        assertThatThrownBy(() -> new TaxReference(dir).vatRates()).hasMessageContaining(dir.resolve("vat-rates.csv")
                + " record 2 (line 4): standard_rate must be a percentage from 0 to 100: 100.01");
    }

    @Test
    void twoVatRatesOfOneCountryAndDateAreRefusedNamingBothLines() throws IOException {
        vatRates("NL,2012-10-01,21\nBE,1996-01-01,21\nNL,2012-10-01,21\n");

        assertThatThrownBy(() -> new TaxReference(dir).vatRates()).hasMessageContaining(dir.resolve("vat-rates.csv")
                + " lines 2 and 4: two standard rates of NL from 2012-10-01 (21 and 21)");
    }

    @Test
    void twoExchangeRatesOfOneDayAreRefusedNamingBothLinesWhetherOrNotTheyDiffer() throws IOException {
        exchangeRates("2023-07-03,USD,0.9167\n2023-07-03,GBP,1.1600\n2023-07-03,USD,0.5000\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " lines 2 and 4: two rates of USD on 2023-07-03 (0.9167 and 0.5000)");

        exchangeRates("2023-07-03,USD,0.9167\n2023-07-03,usd,0.9167\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " lines 2 and 3: two rates of USD on 2023-07-03 (0.9167 and 0.9167)");
    }

    @Test
    void anExchangeRateMustBePositive() throws IOException {
        exchangeRates("2023-07-03,USD,0.9167\n2023-07-04,USD,0\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " record 2 (line 3): eur_rate must be positive (euros per unit of"
                        + " the currency): 0");

        exchangeRates("2023-07-03,USD,-0.9167\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " record 1 (line 2): eur_rate must be positive");
    }

    @Test
    void anExchangeRateWithinAFactorOf3OfTheCurrencysPreviousDayIsAccepted() throws IOException {
        // rows in any order: the previous day is the currency's latest earlier date in the file
        exchangeRates("2023-07-05,USD,0.9000\n2023-07-03,USD,0.3000\n2023-07-06,USD,0.3000\n2023-07-03,GBP,5\n");

        ExchangeRates rates = new TaxReference(dir).exchangeRates();

        assertThat(rates.eurRate("USD", LocalDate.of(2023, 7, 5))).isEqualByComparingTo("0.9000");
    }

    @Test
    void anExchangeRateMoreThan3TimesOrLessThanAThirdOfThePreviousDayIsRefusedNamingBothDays() throws IOException {
        exchangeRates("2023-07-03,USD,0.3000\n2023-07-04,USD,0.9001\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " line 3, eur_rate: the rate of USD on 2023-07-04 (0.9001) is more"
                        + " than 3 times the rate of 2023-07-03 (0.3000, line 2)");

        exchangeRates("2023-07-04,USD,0.2999\n2023-07-03,USD,0.9000\n");
        assertThatThrownBy(() -> new TaxReference(dir).exchangeRates()).hasMessageContaining(
                dir.resolve("exchange-rates.csv") + " line 2, eur_rate: the rate of USD on 2023-07-04 (0.2999) is less"
                        + " than a third of the rate of 2023-07-03 (0.9000, line 3)");
    }

    @Test
    void aSellerFileWrittenWithAByteOrderMarkIsRead() throws IOException {
        Files.writeString(dir.resolve("seller.properties"), "\uFEFFlegal_name=Wa Billing B.V.\nstreet=Damrak 1\n"
                + "city=Amsterdam\npostal_code=1012 LG\ncountry_code=NL\nvat_id=NL000099998B57\n"
                + "registration_id=12345678\niban=NL91ABNA0417164300\nbic=ABNANL2A\npeppol_endpoint=0106:12345678\n"
                + "payment_terms_days=30\n");
        assertThat(new TaxReference(dir).seller().legalName()).isEqualTo("Wa Billing B.V.");
    }

    @Test
    void aBuyerNameWithAControlCharacterOrTooLongIsRefusedNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,legal_name\n"
                + "1,A,UTC,EUR,Kwiaciarnia Łódka Sp. z o.o.\n2,B,UTC,EUR,Evil\u0008Corp\n");
        assertThatThrownBy(() -> new TaxReference(dir).buyers()).hasMessageContaining("record 2 (line 3)")
                .hasMessageContaining("legal_name holds the control character U+0008");
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,legal_name\n"
                + "1,A,UTC,EUR," + "Ż".repeat(301) + "\n");
        assertThatThrownBy(() -> new TaxReference(dir).buyers()).hasMessageContaining("record 1 (line 2)")
                .hasMessageContaining("legal_name is 301 characters long, at most 300");
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,legal_name\n"
                + "1,A,UTC,EUR," + "Ż".repeat(300) + "\n");
        assertThat(new TaxReference(dir).buyers().get("1").legalName()).hasSize(300);
    }

    private void vatRates(String rows) throws IOException {
        Files.writeString(dir.resolve("vat-rates.csv"), "country_code,effective_from,standard_rate\n" + rows);
    }

    private void exchangeRates(String rows) throws IOException {
        Files.writeString(dir.resolve("exchange-rates.csv"), "date,currency,eur_rate\n" + rows);
    }
}
