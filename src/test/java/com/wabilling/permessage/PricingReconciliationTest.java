package com.wabilling.permessage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;

/** docs/per-message-pricing.md 5: one of our pricing records against Meta's webhook values. */
class PricingReconciliationTest {

    @ParameterizedTest(name = "{0}/{1} vs Meta {2}/{3}: {4}")
    @CsvSource(nullValues = "-", value = {
        "UTILITY, REGULAR, utility, regular, agreement, false",
        "UTILITY, REGULAR, UTILITY, REGULAR, agreement, false",
        "AUTHENTICATION_INTERNATIONAL, REGULAR, authentication-international, regular, agreement, false",
        "AUTHENTICATION_INTERNATIONAL, REGULAR, authentication_international, REGULAR, agreement, false",
        "AUTHENTICATION, REGULAR, authentication_international, regular, category_disagreement, false",
        "AUTHENTICATION_INTERNATIONAL, REGULAR, authentication, regular, category_disagreement, false",
        "MARKETING_LITE, REGULAR, marketing_lite, regular, agreement, false",
        "MARKETING, REGULAR, marketing_lite, regular, category_disagreement, false",
        "MARKETING_LITE, REGULAR, marketing, regular, category_disagreement, false",
        "UTILITY, REGULAR, marketing, regular, category_disagreement, false",
        "SERVICE, FREE_CUSTOMER_SERVICE, service, regular, type_disagreement, true",
        "UTILITY, REGULAR, utility, free_customer_service, type_disagreement, true",
        "UTILITY, FREE_CUSTOMER_SERVICE, marketing, regular, category_and_type_disagreement, true",
        "REFERRAL_CONVERSION, FREE_ENTRY_POINT, referral_conversion, free_customer_service, free_reason_disagreement, false",
        "UTILITY, REGULAR, utility, free_tier_x, unknown_meta_value, false",
        "UTILITY, REGULAR, marketing_deluxe, regular, unknown_meta_value, false",
        "UTILITY, REGULAR, -, regular, agreement, false",
        "UTILITY, REGULAR, utility, -, agreement, false"})
    void comparesCategoryAndWhetherCharged(PricingCategory category, PricingType type, String metaCategory,
            String metaType, String kind, boolean moneyAtStake) {
        PricingReconciliation.Comparison c = PricingReconciliation.compare(category, type, metaCategory, metaType);

        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.moneyAtStake()).isEqualTo(moneyAtStake);
    }
}
