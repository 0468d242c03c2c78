package com.wabilling.pricing;

import static com.wabilling.pricing.PricingAnomaly.OUTSIDE_SERVICE_WINDOW;
import static com.wabilling.pricing.PricingAnomaly.UNKNOWN_TEMPLATE;
import static com.wabilling.pricing.PricingCategory.AUTHENTICATION;
import static com.wabilling.pricing.PricingCategory.MARKETING;
import static com.wabilling.pricing.PricingCategory.REFERRAL_CONVERSION;
import static com.wabilling.pricing.PricingCategory.SERVICE;
import static com.wabilling.pricing.PricingCategory.UTILITY;
import static com.wabilling.pricing.PricingType.FREE_CUSTOMER_SERVICE;
import static com.wabilling.pricing.PricingType.FREE_ENTRY_POINT;
import static com.wabilling.pricing.PricingType.REGULAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/per-message-pricing.md 2 rules 1-3, one rule or switch per test. */
class MessagePricingTest {

    private static final boolean IN_FEP = true;
    private static final boolean NO_FEP = false;
    private static final boolean IN_CSW = true;
    private static final boolean OUT_CSW = false;

    // --- rule 1: free entry point

    @ParameterizedTest
    @CsvSource({ "PMP-2025", "PMP-2026-10" })
    void anyMessageInsideOrOpeningAFreeEntryPointIsAFreeReferralConversion(String name) {
        Regime regime = Regimes.META.named(name);

        for (DeliveredContent content : new DeliveredContent[] { DeliveredContent.template(MARKETING),
                DeliveredContent.template(UTILITY), DeliveredContent.template(AUTHENTICATION),
                DeliveredContent.nonTemplate() }) {
            MessagePrice price = MessagePricing.decide(regime, IN_FEP, content, IN_CSW);

            assertThat(price.category()).isEqualTo(REFERRAL_CONVERSION);
            assertThat(price.type()).isEqualTo(FREE_ENTRY_POINT);
            assertThat(price.awaitsServiceFreeTier()).isFalse();
            assertThat(price.anomalies()).isEmpty();
        }
    }

    @Test
    void anomaliesAreStillReportedInsideAFreeEntryPoint() {
        MessagePrice unknown = MessagePricing.decide(Regime.PMP_2025, IN_FEP, DeliveredContent.unknownTemplate(), IN_CSW);
        MessagePrice outside = MessagePricing.decide(Regime.PMP_2026_10, IN_FEP, DeliveredContent.nonTemplate(), OUT_CSW);

        assertThat(unknown.category()).isEqualTo(REFERRAL_CONVERSION);
        assertThat(unknown.anomalies()).containsExactly(UNKNOWN_TEMPLATE);
        assertThat(outside.type()).isEqualTo(FREE_ENTRY_POINT);
        assertThat(outside.anomalies()).containsExactly(OUTSIDE_SERVICE_WINDOW);
    }

    // --- rule 2: templates

    @ParameterizedTest
    @CsvSource({
            "PMP-2025,    UTILITY,        true,  UTILITY,        FREE_CUSTOMER_SERVICE",
            "PMP-2025,    UTILITY,        false, UTILITY,        REGULAR",
            "PMP-2025,    AUTHENTICATION, true,  AUTHENTICATION, REGULAR",
            "PMP-2025,    AUTHENTICATION, false, AUTHENTICATION, REGULAR",
            "PMP-2025,    MARKETING,      true,  MARKETING,      REGULAR",
            "PMP-2025,    MARKETING,      false, MARKETING,      REGULAR",
            "PMP-2026-10, UTILITY,        true,  UTILITY,        REGULAR",
            "PMP-2026-10, UTILITY,        false, UTILITY,        REGULAR",
            "PMP-2026-10, AUTHENTICATION, true,  AUTHENTICATION, REGULAR",
            "PMP-2026-10, AUTHENTICATION, false, AUTHENTICATION, REGULAR",
            "PMP-2026-10, MARKETING,      true,  MARKETING,      REGULAR",
            "PMP-2026-10, MARKETING,      false, MARKETING,      REGULAR" })
    void aTemplateIsChargedInItsCategoryExceptAUtilityTemplateInsideTheWindowUnderPmp2025(String regime,
            PricingCategory templateCategory, boolean insideWindow, PricingCategory category, PricingType type) {
        MessagePrice price = MessagePricing.decide(Regimes.META.named(regime), NO_FEP,
                DeliveredContent.template(templateCategory), insideWindow);

        assertThat(price).isEqualTo(new MessagePrice(category, type, false, Set.of()));
    }

    @Test
    void anUnknownTemplateIsChargedAsMarketingWithTheUnknownTemplateAnomaly() {
        MessagePrice price = MessagePricing.decide(Regime.PMP_2025, NO_FEP, DeliveredContent.unknownTemplate(), IN_CSW);

        assertThat(price).isEqualTo(new MessagePrice(MARKETING, REGULAR, false, Set.of(UNKNOWN_TEMPLATE)));
    }

    @Test
    void aTemplateOutsideTheWindowIsNoAnomaly() {
        MessagePrice price = MessagePricing.decide(Regime.PMP_2026_10, NO_FEP, DeliveredContent.template(MARKETING),
                OUT_CSW);

        assertThat(price.anomalies()).isEmpty();
    }

    // --- rule 3: non-template (service) messages

    @Test
    void underPmp2025EveryServiceMessageIsFree() {
        assertThat(MessagePricing.decide(Regime.PMP_2025, NO_FEP, DeliveredContent.nonTemplate(), IN_CSW))
                .isEqualTo(new MessagePrice(SERVICE, FREE_CUSTOMER_SERVICE, false, Set.of()));
    }

    @Test
    void underPmp2025AServiceMessageOutsideTheWindowIsStillFreeAndReported() {
        assertThat(MessagePricing.decide(Regime.PMP_2025, NO_FEP, DeliveredContent.nonTemplate(), OUT_CSW))
                .isEqualTo(new MessagePrice(SERVICE, FREE_CUSTOMER_SERVICE, false, Set.of(OUTSIDE_SERVICE_WINDOW)));
    }

    @Test
    void underPmp2026ServiceMessagesAwaitTheFreeTierAndCostTheRegularPriceBeyondIt() {
        assertThat(MessagePricing.decide(Regime.PMP_2026_10, NO_FEP, DeliveredContent.nonTemplate(), IN_CSW))
                .isEqualTo(new MessagePrice(SERVICE, REGULAR, true, Set.of()));
        assertThat(MessagePricing.decide(Regime.PMP_2026_10, NO_FEP, DeliveredContent.nonTemplate(), OUT_CSW))
                .isEqualTo(new MessagePrice(SERVICE, REGULAR, true, Set.of(OUTSIDE_SERVICE_WINDOW)));
    }

    // --- inputs

    @Test
    void theConversationRegimeIsRefused() {
        assertThatThrownBy(() -> MessagePricing.decide(Regime.CBP_2023, NO_FEP, DeliveredContent.nonTemplate(), IN_CSW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CBP-2023")
                .hasMessageContaining("conversations");
    }

    @Test
    void onlyUtilityAuthenticationAndMarketingAreTemplateCategories() {
        assertThatThrownBy(() -> DeliveredContent.template(SERVICE)).hasMessageContaining("SERVICE is not a template");
        assertThatThrownBy(() -> DeliveredContent.template(REFERRAL_CONVERSION))
                .hasMessageContaining("REFERRAL_CONVERSION is not a template");
        assertThatThrownBy(() -> new DeliveredContent(false, UTILITY, false, false)).hasMessageContaining("non-template");
        assertThat(DeliveredContent.unknownTemplate().templateCategory()).isEqualTo(MARKETING);
    }

    @Test
    void onlyARegularServiceMessageCanAwaitTheFreeTier() {
        assertThatThrownBy(() -> new MessagePrice(UTILITY, REGULAR, true, Set.of())).hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> new MessagePrice(SERVICE, FREE_CUSTOMER_SERVICE, true, Set.of()))
                .hasMessageContaining("regular");
    }

    @Test
    void namesAreMetasWebhookVocabulary() {
        assertThat(REFERRAL_CONVERSION.metaName()).isEqualTo("referral_conversion");
        assertThat(AUTHENTICATION.metaName()).isEqualTo("authentication");
        assertThat(REGULAR.metaName()).isEqualTo("regular");
        assertThat(FREE_CUSTOMER_SERVICE.metaName()).isEqualTo("free_customer_service");
        assertThat(FREE_ENTRY_POINT.metaName()).isEqualTo("free_entry_point");
        assertThat(UNKNOWN_TEMPLATE.code()).isEqualTo("unknown_template");
        assertThat(OUTSIDE_SERVICE_WINDOW.code()).isEqualTo("outside_service_window");
    }

    // --- rule 2: the Marketing Messages API (MARKETING_LITE)

    @ParameterizedTest
    @CsvSource({ "PMP-2025", "PMP-2026-10" })
    void aMarketingTemplateThroughTheMarketingMessagesApiIsMarketingLiteAndTheCloudApiMarketing(String name) {
        Regime regime = Regimes.META.named(name);

        MessagePrice lite = MessagePricing.decide(regime, NO_FEP,
                DeliveredContent.template(MARKETING).viaMarketingMessagesApi(), OUT_CSW);
        MessagePrice cloud = MessagePricing.decide(regime, NO_FEP, DeliveredContent.template(MARKETING), OUT_CSW);

        assertThat(lite.category()).isEqualTo(PricingCategory.MARKETING_LITE);
        assertThat(lite.type()).isEqualTo(REGULAR);
        assertThat(cloud.category()).isEqualTo(MARKETING);
        assertThat(PricingCategory.MARKETING_LITE.rateColumn()).contains(ConversationCategory.MARKETING);
        assertThat(PricingCategory.MARKETING_LITE.hasVolumeTiers()).isFalse();
        // an unknown template counts as MARKETING, so through the API it is MARKETING_LITE too
        assertThat(MessagePricing.decide(regime, NO_FEP, DeliveredContent.unknownTemplate().viaMarketingMessagesApi(),
                IN_CSW).category()).isEqualTo(PricingCategory.MARKETING_LITE);
        // other categories and a free entry point are what they were
        assertThat(MessagePricing.decide(regime, NO_FEP, DeliveredContent.template(UTILITY).viaMarketingMessagesApi(),
                OUT_CSW).category()).isEqualTo(UTILITY);
        assertThat(MessagePricing.decide(regime, IN_FEP, DeliveredContent.template(MARKETING).viaMarketingMessagesApi(),
                OUT_CSW).category()).isEqualTo(REFERRAL_CONVERSION);
    }
}
