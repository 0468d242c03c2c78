package com.wabilling.pricing;

import static com.wabilling.pricing.PricingType.FREE_CUSTOMER_SERVICE;
import static com.wabilling.pricing.PricingType.REGULAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** docs/per-message-pricing.md 2 rule 3: 1,000 free service messages per business phone number and account-local month. */
class ServiceFreeTierTest {

    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo"); // UTC-3
    private static final String PHONE_A = "200";
    private static final String PHONE_B = "201";

    private final ServiceFreeTier tier = ServiceFreeTier.of(Regime.PMP_2026_10);

    @Test
    void theThousandthServiceMessageIsFreeAndTheThousandAndFirstIsRegular() {
        for (int i = 1; i <= 999; i++) {
            assertThat(tier.next(PHONE_A, NOV_2026)).isEqualTo(FREE_CUSTOMER_SERVICE);
        }

        assertThat(tier.next(PHONE_A, NOV_2026)).as("1,000th").isEqualTo(FREE_CUSTOMER_SERVICE);
        assertThat(tier.next(PHONE_A, NOV_2026)).as("1,001st").isEqualTo(REGULAR);
        assertThat(tier.next(PHONE_A, NOV_2026)).as("1,002nd").isEqualTo(REGULAR);
        assertThat(tier.counted(PHONE_A, NOV_2026)).isEqualTo(1002);
    }

    @Test
    void twoPhoneNumbersHaveTheirOwnTier() {
        tier.alreadyCounted(PHONE_A, NOV_2026, 1000);

        assertThat(tier.next(PHONE_A, NOV_2026)).isEqualTo(REGULAR);
        assertThat(tier.next(PHONE_B, NOV_2026)).isEqualTo(FREE_CUSTOMER_SERVICE);
        assertThat(tier.counted(PHONE_B, NOV_2026)).isEqualTo(1);
    }

    @Test
    void theTierResetsAtMidnightOfTheFirstDayInTheAccountsZone() {
        tier.alreadyCounted(PHONE_A, YearMonth.of(2026, 10), 1000);
        // 2026-11-01T00:00 in Sao Paulo is 03:00Z: 02:59:59Z is still October there
        Instant lastOctoberSecond = Instant.parse("2026-11-01T02:59:59Z");
        Instant firstNovemberSecond = Instant.parse("2026-11-01T03:00:00Z");

        assertThat(tier.next(PHONE_A, lastOctoberSecond, SAO_PAULO)).isEqualTo(REGULAR);
        assertThat(tier.next(PHONE_A, firstNovemberSecond, SAO_PAULO)).isEqualTo(FREE_CUSTOMER_SERVICE);
        assertThat(tier.counted(PHONE_A, YearMonth.of(2026, 10))).isEqualTo(1001);
        assertThat(tier.counted(PHONE_A, NOV_2026)).isEqualTo(1);
    }

    @Test
    void settleResolvesOnlyDecisionsThatAwaitTheTierAndKeepsTheirAnomalies() {
        tier.alreadyCounted(PHONE_A, NOV_2026, 999);
        Instant t = Instant.parse("2026-11-15T12:00:00Z");
        MessagePrice service = new MessagePrice(PricingCategory.SERVICE, REGULAR, true,
                Set.of(PricingAnomaly.OUTSIDE_SERVICE_WINDOW));
        MessagePrice utility = new MessagePrice(PricingCategory.UTILITY, REGULAR, false, Set.of());

        assertThat(tier.settle(service, PHONE_A, t, SAO_PAULO)).isEqualTo(new MessagePrice(PricingCategory.SERVICE,
                FREE_CUSTOMER_SERVICE, false, Set.of(PricingAnomaly.OUTSIDE_SERVICE_WINDOW)));
        assertThat(tier.settle(utility, PHONE_A, t, SAO_PAULO)).isSameAs(utility);
        assertThat(tier.counted(PHONE_A, NOV_2026)).as("the utility message is not counted").isEqualTo(1000);
        assertThat(tier.settle(service, PHONE_A, t, SAO_PAULO).type()).isEqualTo(REGULAR);
    }

    @Test
    void aRegimeWithoutATierHasNoCounter() {
        assertThatThrownBy(() -> ServiceFreeTier.of(Regime.PMP_2025)).hasMessageContaining("PMP-2025");
        assertThatThrownBy(() -> ServiceFreeTier.of(Regime.CBP_2023)).hasMessageContaining("CBP-2023");
        assertThatThrownBy(() -> new ServiceFreeTier(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> tier.alreadyCounted(PHONE_A, NOV_2026, -1)).hasMessageContaining("negative");
    }

    @Test
    void aTierOfZeroChargesTheFirstMessage() {
        assertThat(new ServiceFreeTier(0).next(PHONE_A, NOV_2026)).isEqualTo(REGULAR);
    }
}
