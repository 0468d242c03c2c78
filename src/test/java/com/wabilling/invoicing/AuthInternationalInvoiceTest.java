package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wabilling.permessage.BillableMessage;
import com.wabilling.pricing.AuthInternational;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.VolumeTierRows;
import com.wabilling.pricing.VolumeTiers;

/**
 * docs/per-message-pricing.md 4, "Authentication-international", hand-worked. Portfolio 900 is eligible in
 * Brazil from 2026-10-10T12:00:00Z. Brazil USD per message: authentication 0.0315, international 0.0450.
 */
class AuthInternationalInvoiceTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final BillingAccount LOJA = new BillingAccount("1", "Loja", ZoneId.of("America/Sao_Paulo"), USD,
            BigDecimal.ZERO, "900");
    private static final Instant START = Instant.parse("2026-10-10T12:00:00Z");
    private static final AuthInternational ELIGIBLE = new AuthInternational(
            Map.of(new AuthInternational.Key("900", "Brazil"), START));

    private int ids;

    @Test
    void oneMillisecondBeforeTheStartIsAuthenticationAndAtTheStartInternational() {
        PerMessageInvoiceCalculator calculator = calculator(rates("0.0450"), VolumeTiers.NONE);
        calculator.accept(auth(START.minusMillis(1), "Brazil"));
        calculator.accept(auth(START, "Brazil"));
        calculator.accept(auth(START.plusSeconds(60), "Argentina")); // another market: not eligible

        assertThat(calculator.result().lines()).extracting(l -> l.category() + " " + l.market() + " " + l.unitPrice()
                + " " + l.billable() + " " + l.amount()).containsExactly(
                        "AUTHENTICATION Argentina 0.0367 1 0.04",
                        "AUTHENTICATION Brazil 0.0315 1 0.03",
                        "AUTHENTICATION_INTERNATIONAL Brazil 0.045 1 0.05");
    }

    @Test
    void withoutTheFileAuthenticationStaysAuthentication() {
        PerMessageInvoiceCalculator calculator = new PerMessageInvoiceCalculator(LOJA, Map.of("1", LOJA),
                rates("0.0450"), VolumeTiers.NONE, OCTOBER, null);
        calculator.accept(auth(START, "Brazil"));

        assertThat(calculator.result().lines()).extracting(InvoiceLine::category).containsExactly("AUTHENTICATION");
    }

    @Test
    void aMissingInternationalRateRefusesNamingMarketCategoryAndCurrency() {
        PerMessageInvoiceCalculator calculator = calculator(rates(null), VolumeTiers.NONE);
        calculator.accept(auth(START.minusMillis(1), "Brazil")); // priced: authentication has a rate

        assertThatThrownBy(() -> calculator.accept(auth(START, "Brazil")))
                .isInstanceOf(MissingRatesException.class)
                .hasMessageContaining("Brazil, AUTHENTICATION_INTERNATIONAL, USD, 2026-10-10");
    }

    @Test
    void volumeTiersCountInternationalInItsOwnBucketAndOnlyWhereItHasBands() {
        // bands for AUTHENTICATION only: 1-1 at 0.0300, 2+ at 0.0100; none for AUTHENTICATION_INTERNATIONAL
        VolumeTiers authOnly = VolumeTierRows.parse("volume-tiers.csv", List.of(
                band(2, "AUTHENTICATION", "1", "1", "0.0300"), band(3, "AUTHENTICATION", "2", "", "0.0100")));
        PerMessageInvoiceCalculator calculator = calculator(rates("0.0450"), authOnly);
        calculator.accept(auth(START.minusSeconds(10), "Brazil")); // authentication #1 -> band 1-1
        calculator.accept(auth(START, "Brazil"));                  // international #1: list rate, no band
        calculator.accept(auth(START.plusSeconds(10), "Brazil"));  // international #2: list rate, no band
        // authentication #2: the international messages did not count in its bucket, so band 2+
        calculator.accept(new BillableMessage("m-late", "1", "10", PricingCategory.AUTHENTICATION,
                PricingType.REGULAR, "Brazil", START.minusSeconds(5), false));

        assertThat(calculator.result().lines()).extracting(l -> l.category() + " " + l.band() + " " + l.unitPrice()
                + " " + l.billable()).containsExactly(
                        "AUTHENTICATION 2+ 0.01 1",
                        "AUTHENTICATION 1-1 0.03 1",
                        "AUTHENTICATION_INTERNATIONAL  0.045 2");
    }

    @Test
    void internationalBandsApplyWhereVolumeTiersHaveThem() {
        // AUTHENTICATION_INTERNATIONAL bands 1-1 at 0.0400, 2+ at 0.0350
        VolumeTiers international = VolumeTierRows.parse("volume-tiers.csv", List.of(
                band(2, "AUTHENTICATION_INTERNATIONAL", "1", "1", "0.0400"),
                band(3, "AUTHENTICATION_INTERNATIONAL", "2", "", "0.0350")));
        PerMessageInvoiceCalculator calculator = calculator(rates("0.0450"), international);
        calculator.accept(auth(START.minusSeconds(10), "Brazil")); // authentication: list rate 0.0315
        calculator.accept(auth(START, "Brazil"));                  // international #1: 0.0400
        calculator.accept(auth(START.plusSeconds(10), "Brazil"));  // international #2: 0.0350

        assertThat(calculator.result().lines()).extracting(l -> l.category() + " " + l.band() + " " + l.unitPrice())
                .containsExactly("AUTHENTICATION  0.0315", "AUTHENTICATION_INTERNATIONAL 2+ 0.035",
                        "AUTHENTICATION_INTERNATIONAL 1-1 0.04");
    }

    private PerMessageInvoiceCalculator calculator(RateCard rates, VolumeTiers tiers) {
        return new PerMessageInvoiceCalculator(LOJA, Map.of("1", LOJA), rates, tiers, ELIGIBLE, OCTOBER, null);
    }

    private BillableMessage auth(Instant at, String market) {
        return new BillableMessage(String.format("m%03d", ++ids), "1", "10", PricingCategory.AUTHENTICATION,
                PricingType.REGULAR, market, at, false);
    }

    /** Brazil and Argentina from 2025-07-01; Brazil's international rate when given. */
    private static RateCard rates(String brazilInternational) {
        Map<ConversationCategory, BigDecimal> brazil = new EnumMap<>(ConversationCategory.class);
        brazil.put(ConversationCategory.MARKETING, new BigDecimal("0.0625"));
        brazil.put(ConversationCategory.UTILITY, new BigDecimal("0.0080"));
        brazil.put(ConversationCategory.AUTHENTICATION, new BigDecimal("0.0315"));
        if (brazilInternational != null) {
            brazil.put(ConversationCategory.AUTHENTICATION_INTERNATIONAL, new BigDecimal(brazilInternational));
        }
        return new RateCard(List.of(new RateCard.Row(LocalDate.parse("2025-07-01"), "Brazil", "USD", brazil),
                InvoiceCalculatorTest.row("2025-07-01", "Argentina", "0.0618", "0.0408", "0.0367", "0")));
    }

    private static VolumeTierRows.Line band(long line, String category, String from, String to, String rate) {
        return new VolumeTierRows.Line(line, Map.of("effective_from", "2025-07-01", "market", "Brazil", "currency", "USD",
                "category", category, "from_volume", from, "to_volume", to, "rate", rate));
    }
}
