package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wabilling.permessage.BillableMessage;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.VolumeTierRows;
import com.wabilling.pricing.VolumeTiers;

/**
 * docs/per-message-pricing.md 3-4, hand-worked. Rates (USD per message): Brazil marketing 0.0625, utility 0.0080,
 * authentication 0.0315; the Brazil utility bands are 1-2 at 0.0080, 3+ at 0.0050.
 */
class PerMessageInvoiceCalculatorTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final BillingAccount SAO_PAULO = new BillingAccount("1", "Loja", ZoneId.of("America/Sao_Paulo"), USD,
            new BigDecimal("10"), "900");
    private static final BillingAccount BOGOTA = new BillingAccount("2", "Viajes", ZoneId.of("America/Bogota"), USD,
            BigDecimal.ZERO, "900");
    private static final RateCard RATES = new RateCard(List.of(
            InvoiceCalculatorTest.row("2025-07-01", "Brazil", "0.0625", "0.0080", "0.0315", "0")));
    private static final VolumeTiers TIERS = VolumeTierRows.parse("volume-tiers.csv", List.of(
            band(2, "1", "2", "0.0080"), band(3, "3", "", "0.0050")));

    private static VolumeTierRows.Line band(long line, String from, String to, String rate) {
        return new VolumeTierRows.Line(line, Map.of("effective_from", "2025-07-01", "market", "Brazil", "currency", "USD",
                "category", "UTILITY", "from_volume", from, "to_volume", to, "rate", rate));
    }

    private final PerMessageInvoiceCalculator calculator = new PerMessageInvoiceCalculator(SAO_PAULO,
            Map.of("1", SAO_PAULO, "2", BOGOTA), RATES, TIERS, OCTOBER, null);
    private int ids;

    @Test
    void theThirdChargedUtilityMessageOfThePortfolioIsInTheSecondBand() {
        // Bogotá's message is the portfolio's second: Loja's second utility message is the third
        accept("1", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-05T12:00:00Z");
        accept("2", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-05T13:00:00Z");
        accept("1", PricingCategory.UTILITY, PricingType.FREE_CUSTOMER_SERVICE, "2026-10-05T13:30:00Z"); // never counts
        accept("1", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-05T14:00:00Z");

        ComputedInvoice invoice = calculator.result();

        assertThat(invoice.lines()).extracting(l -> l.category() + " " + l.band() + " " + l.unitPrice() + " "
                + l.quantity() + "/" + l.free() + "/" + l.billable() + " " + l.amount())
                // docs/formats.md order: category, market, unit_price (then band)
                .containsExactly("UTILITY 3+ 0.005 1/0/1 0.01", "UTILITY  0.008 1/1/0 0.00",
                        "UTILITY 1-2 0.008 1/0/1 0.01");
        // 0.008 -> 0.01, 0.005 -> 0.01 (HALF_UP per line); markup 10 % of 0.02 = 0.002 -> 0.00
        assertThat(invoice.subtotal()).isEqualByComparingTo("0.02");
        assertThat(invoice.total()).isEqualByComparingTo("0.02");
    }

    @Test
    void anotherWabasMessageCountsOnlyInItsOwnLocalMonth() {
        // 2026-10-01T04:30Z is 30 September 23:30 in Bogotá (UTC-5): its September, not counted for October
        accept("2", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-01T04:30:00Z");
        accept("1", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-01T05:00:00Z");
        accept("1", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-01T06:00:00Z");

        assertThat(calculator.result().lines()).extracting(InvoiceLine::band).containsExactly("1-2");
    }

    @Test
    void serviceMessagesPayTheUtilityListRateWithoutBandsAndReferralsShowZero() {
        for (int i = 0; i < 3; i++) {
            accept("1", PricingCategory.UTILITY, PricingType.REGULAR, "2026-10-05T12:0" + i + ":00Z");
        }
        accept("1", PricingCategory.SERVICE, PricingType.REGULAR, "2026-10-06T12:00:00Z");
        accept("1", PricingCategory.SERVICE, PricingType.FREE_CUSTOMER_SERVICE, "2026-10-06T13:00:00Z");
        accept("1", PricingCategory.REFERRAL_CONVERSION, PricingType.FREE_ENTRY_POINT, "2026-10-06T14:00:00Z");

        assertThat(calculator.result().lines()).filteredOn(l -> !l.category().equals("UTILITY"))
                .extracting(l -> l.category() + " [" + l.band() + "] " + l.unitPrice() + " " + l.quantity() + "/"
                        + l.free() + "/" + l.billable())
                .containsExactly("REFERRAL_CONVERSION [] 0.00 1/1/0", "SERVICE [] 0.008 2/1/1");
    }

    @Test
    void messagesOutsideTheAccountsLocalMonthAreNotOnItsInvoice() {
        accept("1", PricingCategory.MARKETING, PricingType.REGULAR, "2026-10-01T02:59:59Z"); // 23:59:59 on 09-30
        accept("1", PricingCategory.MARKETING, PricingType.REGULAR, "2026-10-01T03:00:00Z");

        assertThat(calculator.result().quantity()).isEqualTo(1);
    }

    @Test
    void aMissingListRateStopsTheInvoiceNamingIt() {
        assertThatThrownBy(() -> calculator.accept(message("1", PricingCategory.MARKETING, PricingType.REGULAR,
                "2026-10-05T12:00:00Z", "India")))
                .isInstanceOf(MissingRatesException.class).hasMessageContaining("India, MARKETING, USD, 2026-10-05");
    }

    @Test
    void aWhatIfUnderPmp202610ChargesUtilityInsideTheWindowAndServiceBeyondTheFreeTier() {
        PerMessageInvoiceCalculator whatIf = new PerMessageInvoiceCalculator(SAO_PAULO, Map.of("1", SAO_PAULO), RATES,
                VolumeTiers.NONE, YearMonth.of(2026, 9), Regime.PMP_2026_10);
        Instant t = Instant.parse("2026-09-10T12:00:00Z");
        // September under PMP-2025: the utility template inside the window and 1,001 service messages were free
        whatIf.accept(new BillableMessage("u", "1", "10", PricingCategory.UTILITY, PricingType.FREE_CUSTOMER_SERVICE,
                "Brazil", t, true));
        for (int i = 0; i < 1001; i++) {
            whatIf.accept(new BillableMessage(String.format("s%04d", i), "1", "10", PricingCategory.SERVICE,
                    PricingType.FREE_CUSTOMER_SERVICE, "Brazil", t.plus(Duration.ofSeconds(i)), true));
        }

        assertThat(whatIf.result().lines()).extracting(l -> l.category() + " " + l.quantity() + "/" + l.free()
                + "/" + l.billable()).containsExactly("SERVICE 1001/1000/1", "UTILITY 1/0/1");
    }

    private void accept(String waba, PricingCategory category, PricingType type, String at) {
        calculator.accept(message(waba, category, type, at, "Brazil"));
    }

    private BillableMessage message(String waba, PricingCategory category, PricingType type, String at, String market) {
        return new BillableMessage(String.format("m%03d", ++ids), waba, "10", category, type, market, Instant.parse(at),
                false);
    }
}
