package com.wabilling.invoicing.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/invoice-documents.md 2: the VAT category by the buyer's place, the rate, HALF_UP once. */
class VatTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final VatRates RATES = new VatRates(List.of(
            new VatRates.Row("NL", LocalDate.of(2012, 10, 1), new BigDecimal("21")),
            new VatRates.Row("NL", LocalDate.of(2027, 1, 1), new BigDecimal("22"))));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void aBuyerInTheSellersCountryPaysTheStandardRateRoundedHalfUpOnce() {
        // 10.50 x 21 % = 2.205 -> 2.21 (HALF_UP, not banker's 2.20)
        Vat vat = Vat.of(new BigDecimal("10.50"), EUR, "NL", "NL", "NL000099998B57", RATES, DAY);

        assertThat(vat.category()).isEqualTo(VatCategory.S);
        assertThat(vat.amount()).isEqualByComparingTo("2.21");
        assertThat(vat.gross()).isEqualByComparingTo("12.71");
    }

    @Test
    void theRateInForceOnTheInvoiceDateApplies() {
        Vat vat = Vat.of(new BigDecimal("100.00"), EUR, "NL", "NL", "", RATES, LocalDate.of(2027, 1, 1));

        assertThat(vat.ratePercent()).isEqualByComparingTo("22");
        assertThat(vat.amount()).isEqualByComparingTo("22.00");
    }

    @Test
    void aBusinessInAnotherMemberStateIsReverseCharged() {
        Vat vat = Vat.of(new BigDecimal("10.50"), EUR, "NL", "BE", "BE0123456749", RATES, DAY);

        assertThat(vat.category()).isEqualTo(VatCategory.AE);
        assertThat(vat.category().exemptionReasonCode()).isEqualTo("VATEX-EU-AE");
        assertThat(vat.category().note()).isEqualTo("Reverse charge");
        assertThat(vat.amount()).isEqualByComparingTo("0.00");
        assertThat(vat.gross()).isEqualByComparingTo("10.50");
    }

    @Test
    void aBuyerOutsideTheEuIsNotSubjectToVat() {
        Vat vat = Vat.of(new BigDecimal("10.50"), Currency.getInstance("USD"), "NL", "BR", "", RATES, DAY);

        assertThat(vat.category()).isEqualTo(VatCategory.O);
        assertThat(vat.category().exemptionReasonCode()).isEqualTo("VATEX-EU-O");
        assertThat(vat.gross()).isEqualByComparingTo("10.50");
    }

    @Test
    void aConsumerInAnotherMemberStateIsRefused() {
        assertThatThrownBy(() -> Vat.of(BigDecimal.TEN, EUR, "NL", "DE", " ", RATES, DAY))
                .isInstanceOf(Vat.RefusedException.class).hasMessageContaining("DE").hasMessageContaining("vat_id");
    }

    @Test
    void aMissingStandardRateIsRefusedNamingCountryAndDate() {
        assertThatThrownBy(() -> Vat.of(BigDecimal.TEN, EUR, "BE", "BE", "", RATES, DAY))
                .isInstanceOf(Vat.RefusedException.class).hasMessageContaining("BE on 2026-11-02");
    }

    @Test
    void aNegativeNetOfAnAdjustmentGivesNegativeVat() {
        // -0.05 x 21 % = -0.0105 -> -0.01 (HALF_UP rounds away from zero)
        Vat vat = Vat.of(new BigDecimal("-0.05"), EUR, "NL", "NL", "", RATES, DAY);

        assertThat(vat.amount()).isEqualByComparingTo("-0.01");
        assertThat(vat.gross()).isEqualByComparingTo("-0.06");
    }

    @Test
    void exchangeRatesAreOfTheInvoiceDateAndAMissingOneIsNamed() {
        ExchangeRates rates = new ExchangeRates(List.of(new ExchangeRates.Row(DAY, "USD", new BigDecimal("0.92"))));

        assertThat(rates.eurRate("USD", DAY)).isEqualByComparingTo("0.92");
        assertThat(rates.eurRate("EUR", DAY.minusDays(9))).isEqualByComparingTo("1");
        assertThatThrownBy(() -> rates.eurRate("USD", DAY.plusDays(1))).isInstanceOf(Vat.RefusedException.class)
                .hasMessageContaining("USD on 2026-11-03");
    }
}
