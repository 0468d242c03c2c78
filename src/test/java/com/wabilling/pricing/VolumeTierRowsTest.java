package com.wabilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/formats.md volume-tiers.csv: bands start at 1, no gap, no overlap, last unbounded; every bad row named. */
class VolumeTierRowsTest {

    private static final String FILE = "volume-tiers.csv";

    /** Rows as in the file, the header being line 1: effective_from,market,currency,category,from,to,rate. */
    private static List<VolumeTierRows.Line> lines(String... rows) {
        List<VolumeTierRows.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(",", -1);
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                values.put(VolumeTierRows.COLUMNS.get(c), cells[c]);
            }
            lines.add(new VolumeTierRows.Line(i + 2, values));
        }
        return lines;
    }

    private static List<String> problems(String... rows) {
        return catchThrowableOfType(VolumeTiersException.class, () -> VolumeTierRows.parse(FILE, lines(rows)))
                .problems();
    }

    @Test
    void aValidTableIsReadWithItsBandsInOrderWhateverTheRowOrder() {
        VolumeTiers tiers = VolumeTierRows.parse(FILE, lines(
                "2025-07-01,India,USD,UTILITY,100001,,0.0010",
                "2025-07-01,India,USD,UTILITY,1,100000,0.0014",
                "2025-07-01,India,USD,authentication,1,,0.0013"));

        assertThat(tiers.table("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 7, 1))).hasValueSatisfying(
                bands -> assertThat(bands).extracting(VolumeBand::label).containsExactly("1-100000", "100001+"));
        assertThat(tiers.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 7, 1), 100000))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0014"));
        assertThat(tiers.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 7, 1), 100001))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0010"));
        assertThat(tiers.band("India", "USD", PricingCategory.AUTHENTICATION, LocalDate.of(2025, 7, 1), 5_000_000))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0013"));
    }

    @Test
    void theTableInEffectIsTheLatestOnOrBeforeTheDateAndNoneBeforeTheFirst() {
        VolumeTiers tiers = VolumeTierRows.parse(FILE, lines(
                "2025-07-01,India,USD,UTILITY,1,,0.0014",
                "2026-01-01,India,USD,UTILITY,1,,0.0012"));

        assertThat(tiers.table("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(tiers.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2025, 12, 31), 1))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0014"));
        assertThat(tiers.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2026, 1, 1), 1))
                .hasValueSatisfying(b -> assertThat(b.rate()).isEqualByComparingTo("0.0012"));
        assertThat(tiers.table("India", "EUR", PricingCategory.UTILITY, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(tiers.table("Brazil", "USD", PricingCategory.UTILITY, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(tiers.table("India", "USD", PricingCategory.AUTHENTICATION, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void noFileMeansNoTables() {
        assertThat(VolumeTiers.NONE.isEmpty()).isTrue();
        assertThat(VolumeTiers.NONE.band("India", "USD", PricingCategory.UTILITY, LocalDate.of(2026, 1, 1), 1)).isEmpty();
    }

    @Test
    void aFirstBandNotStartingAtOneIsNamed() {
        assertThat(problems("2025-07-01,India,USD,UTILITY,2,,0.0014")).containsExactly(
                "line 2: the first band of UTILITY India USD from 2025-07-01 starts at 2, not 1");
    }

    @Test
    void aGapIsNamedOnTheBandAfterIt() {
        assertThat(problems(
                "2025-07-01,India,USD,UTILITY,1,1000,0.0014",
                "2025-07-01,India,USD,UTILITY,1002,,0.0010")).containsExactly(
                "line 3: band 1002+ of UTILITY India USD from 2025-07-01 leaves a gap after line 2 (1-1000):"
                        + " volumes 1001 to 1001 have no band");
    }

    @Test
    void anOverlapIsNamedOnTheLaterBand() {
        assertThat(problems(
                "2025-07-01,India,USD,UTILITY,1,1000,0.0014",
                "2025-07-01,India,USD,UTILITY,1000,,0.0010")).containsExactly(
                "line 3: band 1000+ of UTILITY India USD from 2025-07-01 overlaps line 2 (1-1000)");
    }

    @Test
    void anUnboundedBandThatIsNotLastAndABoundedLastBandAreNamed() {
        assertThat(problems(
                "2025-07-01,India,USD,UTILITY,1,,0.0014",
                "2025-07-01,India,USD,UTILITY,1001,2000,0.0010")).containsExactly(
                "line 2: band 1+ of UTILITY India USD from 2025-07-01 has no upper bound but is not the last"
                        + " (line 3 starts at 1001)",
                "line 3: the last band of UTILITY India USD from 2025-07-01 must have an empty to_volume"
                        + " (no upper bound), not 2000");
    }

    @Test
    void badFieldsAreAllNamedOnTheirRow() {
        assertThat(problems("2025-13-01,,EURO,MARKETING,0,x,-0.1")).containsExactly("line 2: "
                + "effective_from is not a date: '2025-13-01'; market is empty; currency is not an ISO 4217 code: 'EURO'; "
                + "category must be UTILITY, AUTHENTICATION or AUTHENTICATION_INTERNATIONAL: 'MARKETING'; from_volume must be a whole number >= 1: '0'; "
                + "to_volume must be a whole number >= 1 or empty: 'x'; rate must be a price >= 0 with up to 6 decimals:"
                + " '-0.1'");
        assertThat(problems("2025-07-01,India,USD,UTILITY,10,9,0.0000001")).containsExactly("line 2: "
                + "to_volume 9 is below from_volume 10; rate must be a price >= 0 with up to 6 decimals: '0.0000001'");
    }

    @Test
    void everyBadRowOfTheFileIsReportedTogetherInLineOrder() {
        VolumeTiersException e = catchThrowableOfType(VolumeTiersException.class, () -> VolumeTierRows.parse(FILE, lines(
                "2025-07-01,India,USD,UTILITY,1,1000,0.0014",   // line 2: fine
                "2025-07-01,India,USD,SERVICE,1,,0.0010",       // line 3: category
                "2025-07-01,India,USD,UTILITY,1001,5000,0.0012", // line 4: bounded last band
                "2025-07-01,Brazil,USD,UTILITY,5,,0.0100")));   // line 5: does not start at 1

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("line 3: category must be UTILITY, AUTHENTICATION or AUTHENTICATION_INTERNATIONAL");
        assertThat(e.problems().get(1)).startsWith("line 4: the last band of UTILITY India USD");
        assertThat(e.problems().get(2)).startsWith("line 5: the first band of UTILITY Brazil USD");
        assertThat(e).hasMessageStartingWith("volume-tiers.csv is refused, 3 problems:")
                .hasMessageContaining("\n  line 3: ").hasMessageContaining("\n  line 5: ");
    }

    @Test
    void tablesAreCheckedPerDateMarketCurrencyAndCategory() {
        // each of the four tables is complete on its own, so none is refused
        VolumeTiers tiers = VolumeTierRows.parse(FILE, lines(
                "2025-07-01,India,USD,UTILITY,1,,0.0014",
                "2026-01-01,India,USD,UTILITY,1,,0.0012",
                "2025-07-01,India,EUR,UTILITY,1,,0.0013",
                "2025-07-01,India,USD,AUTHENTICATION,1,,0.0011"));

        assertThat(tiers.isEmpty()).isFalse();
    }

    @Test
    void aMissingValueIsAnEmptyOne() {
        assertThatThrownBy(() -> VolumeTierRows.parse(FILE, List.of(new VolumeTierRows.Line(7, Map.of()))))
                .hasMessageContaining("line 7: effective_from is not a date: ''")
                .hasMessageContaining("from_volume must be a whole number >= 1: ''");
    }
}
