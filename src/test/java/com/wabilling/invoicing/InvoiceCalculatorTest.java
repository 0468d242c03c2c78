package com.wabilling.invoicing;

import static com.wabilling.pricing.ConversationCategory.FREE_ENTRY_POINT;
import static com.wabilling.pricing.ConversationCategory.MARKETING;
import static com.wabilling.pricing.ConversationCategory.SERVICE;
import static com.wabilling.pricing.ConversationCategory.UTILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.RateCard;

/** docs/billing-rules.md 4.2 to 4.4: prices, free conversations, lines, rounding and totals. */
class InvoiceCalculatorTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final BillingAccount ACCOUNT = account("UTC", "10");
    private static final RateCard RATES = new RateCard(List.of(
            row("2023-06-01", "Brazil", "0.0625", "0.0350", "0.0315", "0.0300"),
            row("2023-06-01", "India", "0.0099", "0.0042", "0.0042", "0.0040"),
            row("2023-06-15", "India", "0.0105", "0.0042", "0.0042", "0.0040"),
            row("2023-06-01", "Halfland", "0.125", "0.005", "0.015", "0.0050")));

    private final List<BillableConversation> conversations = new ArrayList<>();

    @Test
    void amountIsRoundedHalfUpOncePerLine() {
        // 1 x 0.125 = 0.125 -> 0.13 (HALF_UP, not banker's 0.12); 3 x 0.005 = 0.015 -> 0.02, not 3 x 0.01
        add(1, "Halfland", MARKETING, "2023-06-10T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            add(10 + i, "Halfland", UTILITY, "2023-06-10T11:00:00Z");
        }

        ComputedInvoice invoice = compute(ACCOUNT);

        assertThat(line(invoice, MARKETING, "Halfland").amount()).isEqualByComparingTo("0.13");
        assertThat(line(invoice, UTILITY, "Halfland").amount()).isEqualByComparingTo("0.02");
        assertThat(invoice.subtotal()).isEqualByComparingTo("0.15");
    }

    @Test
    void markupIsAPercentageOfTheSubtotalRoundedOnce() {
        for (int i = 0; i < 7; i++) {
            add(i, "Brazil", MARKETING, "2023-06-10T10:00:00Z"); // 7 x 0.0625 = 0.4375 -> 0.44
        }

        ComputedInvoice invoice = compute(account("UTC", "12.5"));

        assertThat(invoice.subtotal()).isEqualByComparingTo("0.44");
        assertThat(invoice.markup()).isEqualByComparingTo("0.06"); // 0.055 -> 0.06
        assertThat(invoice.total()).isEqualByComparingTo("0.50");
        assertThat(invoice.total().scale()).isEqualTo(2);
    }

    @Test
    void firstThousandServiceConversationsOfTheMonthAreFreeInOpeningThenIdOrder() {
        // 1,001 service conversations opened at the same instant: the id decides the 1,001st
        for (int i = 0; i < 1000; i++) {
            add(i, "Brazil", SERVICE, "2023-06-05T08:00:00Z");
        }
        conversations.add(new BillableConversation("zzz-last", SERVICE, "India", Instant.parse("2023-06-05T08:00:00Z")));
        conversations.sort((a, b) -> a.openedAt().compareTo(b.openedAt()) != 0 ? a.openedAt().compareTo(b.openedAt())
                : a.id().compareTo(b.id()));

        ComputedInvoice invoice = compute(ACCOUNT);

        assertThat(line(invoice, SERVICE, "Brazil")).satisfies(l -> {
            assertThat(l.free()).isEqualTo(1000);
            assertThat(l.billable()).isZero();
            assertThat(l.unitPrice()).isEqualByComparingTo("0.03"); // a free line keeps the service price
        });
        assertThat(line(invoice, SERVICE, "India")).satisfies(l -> {
            assertThat(l.free()).isZero();
            assertThat(l.billable()).isEqualTo(1);
            assertThat(l.amount()).isEqualByComparingTo("0.00"); // 0.0040 rounds to 0.00
        });
    }

    @Test
    void everyServiceConversationIsFreeFromNovember2024() {
        RateCard rates = new RateCard(List.of(row("2024-01-01", "Brazil", "0.0625", "0.0350", "0.0315", "0.0300")));
        conversations.add(conv("oct", SERVICE, "Brazil", "2024-10-31T23:00:00Z"));
        conversations.add(conv("nov", SERVICE, "Brazil", "2024-11-01T00:00:00Z"));

        ComputedInvoice october = InvoiceCalculator.of(ACCOUNT, rates, conversations.subList(0, 1));
        ComputedInvoice november = InvoiceCalculator.of(ACCOUNT, rates, conversations.subList(1, 2));

        assertThat(october.lines().get(0).free()).isEqualTo(1); // inside the 1,000 free tier
        assertThat(november.lines().get(0).free()).isEqualTo(1);
        List<BillableConversation> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(conv(String.format("n%04d", i), SERVICE, "Brazil", "2024-11-02T00:00:00Z"));
        }
        assertThat(InvoiceCalculator.of(ACCOUNT, rates, many).billable()).isZero();
    }

    @Test
    void freeEntryPointsArePricedZeroAndCountedFree() {
        add(1, "Nowhere", FREE_ENTRY_POINT, "2023-06-10T10:00:00Z"); // no rate needed

        InvoiceLine fep = compute(ACCOUNT).lines().get(0);

        assertThat(fep.unitPrice()).isEqualByComparingTo("0");
        assertThat(fep.free()).isEqualTo(1);
        assertThat(fep.billable()).isZero();
    }

    @Test
    void rateChangeInTheMonthGivesOneLinePerUnitPrice() {
        add(1, "India", MARKETING, "2023-06-14T23:59:59Z");
        add(2, "India", MARKETING, "2023-06-15T00:00:00Z");

        List<InvoiceLine> lines = compute(ACCOUNT).lines();

        assertThat(lines).extracting(l -> l.unitPrice().toPlainString()).containsExactly("0.0099", "0.0105");
    }

    @Test
    void rateIsTheOneInEffectOnTheLocalDate() {
        // 2023-06-14T20:00Z is already 15 June in Kolkata (+05:30)
        add(1, "India", MARKETING, "2023-06-14T20:00:00Z");

        List<InvoiceLine> lines = compute(account("Asia/Kolkata", "0")).lines();

        assertThat(lines.get(0).unitPrice()).isEqualByComparingTo("0.0105");
    }

    @Test
    void missingRateIsRefusedNeverBilledAtZero() {
        add(1, "Atlantis", UTILITY, "2023-06-10T10:00:00Z");

        assertThatThrownBy(() -> compute(ACCOUNT)).isInstanceOf(MissingRatesException.class)
                .hasMessageContaining("Atlantis, UTILITY, USD, 2023-06-10");
    }

    @Test
    void linesAreSortedByCategoryMarketAndUnitPrice() {
        add(1, "India", UTILITY, "2023-06-10T10:00:00Z");
        add(2, "Brazil", UTILITY, "2023-06-10T10:00:00Z");
        add(3, "Brazil", MARKETING, "2023-06-10T10:00:00Z");

        assertThat(compute(ACCOUNT).lines()).extracting(l -> l.category() + "/" + l.market())
                .containsExactly("MARKETING/Brazil", "UTILITY/Brazil", "UTILITY/India");
    }

    // --- helpers

    private ComputedInvoice compute(BillingAccount account) {
        return InvoiceCalculator.of(account, RATES, conversations);
    }

    @Test
    void eachConversationSaysWhyItIsFree() {
        InvoiceCalculator calculator = new InvoiceCalculator(ACCOUNT, RATES);
        List<InvoiceCalculator.FreeReason> reasons = new ArrayList<>();
        // 1,000 SERVICE conversations fill the June 2023 tier; the 1,001st is charged 0.03 (Brazil service)
        for (int i = 0; i < 1001; i++) {
            reasons.add(calculator.accept(conv(String.format("s%04d", i), SERVICE, "Brazil", "2023-06-05T08:00:00Z"))
                    .free());
        }
        InvoiceCalculator.Priced entry = calculator.accept(conv("f", FREE_ENTRY_POINT, "Brazil", "2023-06-06T08:00:00Z"));
        InvoiceCalculator.Priced marketing = calculator.accept(conv("m", MARKETING, "Brazil", "2023-06-06T09:00:00Z"));
        InvoiceCalculator.Priced november = new InvoiceCalculator(ACCOUNT, RATES)
                .accept(conv("n", SERVICE, "Brazil", "2024-11-01T00:00:00Z"));

        assertThat(reasons.subList(0, 1000)).containsOnly(InvoiceCalculator.FreeReason.FREE_TIER);
        assertThat(reasons.get(1000)).isEqualTo(InvoiceCalculator.FreeReason.NONE);
        assertThat(entry.free().label()).isEqualTo("free_entry_point");
        assertThat(entry.charge()).isEqualByComparingTo("0");
        assertThat(marketing.free().label()).isEmpty();
        assertThat(marketing.charge()).isEqualByComparingTo("0.0625");
        assertThat(november.free().label()).isEqualTo("free_service");
        assertThat(november.charge()).isEqualByComparingTo("0");
    }

    private void add(int id, String market, ConversationCategory category, String openedAt) {
        conversations.add(conv(String.format("c%05d", id), category, market, openedAt));
    }

    private static BillableConversation conv(String id, ConversationCategory category, String market, String at) {
        return new BillableConversation(id, category, market, Instant.parse(at));
    }

    private static InvoiceLine line(ComputedInvoice invoice, ConversationCategory category, String market) {
        return invoice.lines().stream().filter(l -> l.category().equals(category.name()) && l.market().equals(market))
                .findFirst().orElseThrow();
    }

    static BillingAccount account(String zone, String markup) {
        return new BillingAccount("100", "Test", ZoneId.of(zone), USD, new BigDecimal(markup));
    }

    static RateCard.Row row(String from, String market, String marketing, String utility, String authentication,
            String service) {
        Map<ConversationCategory, BigDecimal> prices = new EnumMap<>(ConversationCategory.class);
        prices.put(MARKETING, new BigDecimal(marketing));
        prices.put(UTILITY, new BigDecimal(utility));
        prices.put(ConversationCategory.AUTHENTICATION, new BigDecimal(authentication));
        prices.put(SERVICE, new BigDecimal(service));
        return new RateCard.Row(LocalDate.parse(from), market, "USD", prices);
    }
}
