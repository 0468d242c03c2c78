package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/per-message-pricing.md, the table of regimes: chosen by the account-local date, switched at local 00:00. */
class RegimesTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo"); // UTC-3, no DST since 2019
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata"); // UTC+5:30

    private final Regimes regimes = Regimes.META;

    @Test
    void eachRegimeStartsOnItsFirstDayAndEndsTheDayBeforeTheNext() {
        assertThat(regimes.at(LocalDate.of(2023, 6, 1)).name()).isEqualTo("CBP-2023");
        assertThat(regimes.at(LocalDate.of(2025, 6, 30)).name()).isEqualTo("CBP-2023");
        assertThat(regimes.at(LocalDate.of(2025, 7, 1)).name()).isEqualTo("PMP-2025");
        assertThat(regimes.at(LocalDate.of(2026, 9, 30)).name()).isEqualTo("PMP-2025");
        assertThat(regimes.at(LocalDate.of(2026, 10, 1)).name()).isEqualTo("PMP-2026-10");
        assertThat(regimes.at(LocalDate.of(2040, 1, 1)).name()).isEqualTo("PMP-2026-10");
    }

    @Test
    void theSwitchesOfEachRegimeAreThoseOfTheSpec() {
        assertThat(Regime.CBP_2023.unit()).isEqualTo(BillableUnit.CONVERSATION);
        assertThat(Regime.CBP_2023.perMessage()).isFalse();

        assertThat(Regime.PMP_2025.unit()).isEqualTo(BillableUnit.DELIVERED_MESSAGE);
        assertThat(Regime.PMP_2025.utilityInServiceWindowCharged()).isFalse();
        assertThat(Regime.PMP_2025.everyServiceMessageFree()).isTrue();

        assertThat(Regime.PMP_2026_10.unit()).isEqualTo(BillableUnit.DELIVERED_MESSAGE);
        assertThat(Regime.PMP_2026_10.utilityInServiceWindowCharged()).isTrue();
        assertThat(Regime.PMP_2026_10.everyServiceMessageFree()).isFalse();
        assertThat(Regime.PMP_2026_10.serviceFreeTier()).isEqualTo(1000);
    }

    @Test
    void datesBeforeTheFirstRegimeAreRefusedNamingTheDateAndTheEarliestSupportedDate() {
        assertThatThrownBy(() -> regimes.at(LocalDate.of(2023, 5, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023-05-31")
                .hasMessageContaining("earliest supported date is 2023-06-01");
    }

    @Test
    void anInstantIsReadInTheAccountsZoneSoTheSwitchIsAtLocalMidnight() {
        // 2025-07-01T00:00 in Sao Paulo is 03:00Z
        assertThat(regimes.at(Instant.parse("2025-07-01T02:59:59Z"), SAO_PAULO)).isEqualTo(Regime.CBP_2023);
        assertThat(regimes.at(Instant.parse("2025-07-01T03:00:00Z"), SAO_PAULO)).isEqualTo(Regime.PMP_2025);
        // 2026-10-01T00:00 in Kolkata is 2026-09-30T18:30Z, while it is still PMP-2025 in UTC
        assertThat(regimes.at(Instant.parse("2026-09-30T18:29:59Z"), KOLKATA)).isEqualTo(Regime.PMP_2025);
        assertThat(regimes.at(Instant.parse("2026-09-30T18:30:00Z"), KOLKATA)).isEqualTo(Regime.PMP_2026_10);
        assertThat(regimes.at(Instant.parse("2026-09-30T18:30:00Z"), ZoneId.of("UTC"))).isEqualTo(Regime.PMP_2025);
    }

    @Test
    void anInstantBeforeTheFirstLocalDayIsRefused() {
        // 2023-06-01T02:00Z is still 2023-05-31 23:00 in Sao Paulo
        assertThatThrownBy(() -> regimes.at(Instant.parse("2023-06-01T02:00:00Z"), SAO_PAULO))
                .hasMessageContaining("2023-05-31").hasMessageContaining("2023-06-01");
    }

    @Test
    void lookupByNameIgnoresCaseAndBlanks() {
        assertThat(regimes.named("PMP-2025")).isEqualTo(Regime.PMP_2025);
        assertThat(regimes.named(" pmp-2026-10 ")).isEqualTo(Regime.PMP_2026_10);
        assertThat(regimes.named("cbp-2023")).isEqualTo(Regime.CBP_2023);
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownNames() {
        assertThatThrownBy(() -> regimes.named("PMP-2024"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'PMP-2024'")
                .hasMessageContaining("CBP-2023, PMP-2025, PMP-2026-10");
        assertThatThrownBy(() -> regimes.named(null)).hasMessageContaining("CBP-2023, PMP-2025, PMP-2026-10");
    }

    @Test
    void endIsTheNextRegimesFirstDayAndTheLastRegimeIsOpenEnded() {
        assertThat(regimes.end(Regime.CBP_2023)).contains(LocalDate.of(2025, 7, 1));
        assertThat(regimes.end(Regime.PMP_2025)).contains(LocalDate.of(2026, 10, 1));
        assertThat(regimes.end(Regime.PMP_2026_10)).isEmpty();
    }

    @Test
    void metasNextChangeIsOneMoreEntryInAnyOrder() {
        Regime next = new Regime("PMP-2027-04", LocalDate.of(2027, 4, 1), BillableUnit.DELIVERED_MESSAGE, true, 500);
        Regimes withNext = new Regimes(List.of(next, Regime.PMP_2025, Regime.CBP_2023, Regime.PMP_2026_10));

        assertThat(withNext.at(LocalDate.of(2027, 3, 31))).isEqualTo(Regime.PMP_2026_10);
        assertThat(withNext.at(LocalDate.of(2027, 4, 1))).isEqualTo(next);
        assertThat(withNext.all()).extracting(Regime::name)
                .containsExactly("CBP-2023", "PMP-2025", "PMP-2026-10", "PMP-2027-04");
        assertThat(withNext.end(Regime.PMP_2026_10)).contains(LocalDate.of(2027, 4, 1));
    }

    @Test
    void aListWithTwoRegimesOnOneDateOrOneNameTwiceIsRefused() {
        Regime sameDay = new Regime("OTHER", LocalDate.of(2025, 7, 1), BillableUnit.DELIVERED_MESSAGE, false, 0);
        Regime sameName = new Regime("pmp-2025", LocalDate.of(2028, 1, 1), BillableUnit.DELIVERED_MESSAGE, false, 0);

        assertThatThrownBy(() -> new Regimes(List.of(Regime.PMP_2025, sameDay)))
                .hasMessageContaining("PMP-2025").hasMessageContaining("OTHER").hasMessageContaining("2025-07-01");
        assertThatThrownBy(() -> new Regimes(List.of(Regime.PMP_2025, sameName))).hasMessageContaining("named");
        assertThatThrownBy(() -> new Regimes(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Regime("X", LocalDate.of(2030, 1, 1), BillableUnit.DELIVERED_MESSAGE, true, -1))
                .hasMessageContaining("negative");
    }
}
