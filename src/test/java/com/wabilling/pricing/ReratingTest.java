package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What-if re-rating: a stored pricing record priced again under another per-message regime. */
class ReratingTest {

    @ParameterizedTest(name = "{1} {2} in window {3} under {0}: {4}")
    @CsvSource({
        "PMP-2026-10, UTILITY, FREE_CUSTOMER_SERVICE, true, UTILITY REGULAR false",
        "PMP-2025, UTILITY, REGULAR, true, UTILITY FREE_CUSTOMER_SERVICE false",
        "PMP-2025, UTILITY, REGULAR, false, UTILITY REGULAR false",
        "PMP-2026-10, SERVICE, FREE_CUSTOMER_SERVICE, true, SERVICE REGULAR true",
        "PMP-2025, SERVICE, REGULAR, true, SERVICE FREE_CUSTOMER_SERVICE false",
        "PMP-2025, MARKETING, REGULAR, true, MARKETING REGULAR false",
        "PMP-2026-10, REFERRAL_CONVERSION, FREE_ENTRY_POINT, false, REFERRAL_CONVERSION FREE_ENTRY_POINT false"})
    void pricesTheRecordAgain(String regime, PricingCategory category, PricingType stored, boolean insideWindow,
            String expected) {
        MessagePrice price = Rerating.reprice(Regimes.META.named(regime), category, stored, insideWindow);

        assertThat(price.category() + " " + price.type() + " " + price.awaitsServiceFreeTier()).isEqualTo(expected);
    }
}
