package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.ops.MonthlyRunPlan.Days;

class MonthlyRunPlanTest {

    private static final PeriodRegistry.Fingerprint ANY = new PeriodRegistry.Fingerprint(10, "a");

    @Test
    void aMonthNeedsItsUtcDaysAndOneDayEitherSide() {
        assertThat(MonthlyRunPlan.needed(YearMonth.of(2024, 2)))
                .isEqualTo(new Days(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 2)));
        assertThat(MonthlyRunPlan.needed(YearMonth.of(2023, 12)))
                .isEqualTo(new Days(LocalDate.of(2023, 11, 30), LocalDate.of(2024, 1, 2)));
    }

    @Test
    void gapsAreTheNeededDaysNoRecordedPeriodCovers() {
        Days june = MonthlyRunPlan.needed(YearMonth.of(2023, 6)); // 05-31 .. 07-02
        assertThat(MonthlyRunPlan.gaps(june, List.of())).containsExactly(june);
        // May recorded as a whole month, a hole on June 10-12, June's end recorded past the month
        List<PeriodRegistry.Recorded> recorded = List.of(period("2023-06-12", "2023-07-05"), period("2023-05-01", "2023-06-01"),
                period("2023-06-01", "2023-06-10"), period("2023-07-10", "2023-08-01"));
        assertThat(MonthlyRunPlan.gaps(june, recorded)).containsExactly(days("2023-06-10", "2023-06-12"));
        // overlapping periods and one ending exactly where the need starts
        assertThat(MonthlyRunPlan.gaps(june, List.of(period("2023-05-01", "2023-05-31"), period("2023-06-01", "2023-06-20"),
                period("2023-06-15", "2023-06-25")))).containsExactly(days("2023-05-31", "2023-06-01"),
                        days("2023-06-25", "2023-07-02"));
    }

    @Test
    void whyAPeriodIsStaleSaysWhatChanged() {
        Days window = days("2023-04-30", "2023-06-04");
        PeriodRegistry.Recorded may = new PeriodRegistry.Recorded(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 6, 1), ANY);
        assertThat(MonthlyRunPlan.whyStale(may, new PeriodRegistry.Fingerprint(122, "a"), window))
                .isEqualTo("112 more messages in the days it reads (2023-04-30..2023-06-04) than when it was built");
        assertThat(MonthlyRunPlan.whyStale(may, new PeriodRegistry.Fingerprint(9, "b"), window))
                .isEqualTo("1 fewer message in the days it reads (2023-04-30..2023-06-04) than when it was built;"
                        + " what it carries in from the days before it changed (an earlier period was rebuilt)");
    }

    @Test
    void keysAreDeterministicAndTellInputsApart() {
        assertThat(MonthlyRunPlan.key("heal", "a", 1)).isEqualTo(MonthlyRunPlan.key("heal", "a", 1)).startsWith("heal-")
                .hasSize("heal-".length() + 16).isNotEqualTo(MonthlyRunPlan.key("heal", "a", 2));
    }

    private static PeriodRegistry.Recorded period(String from, String to) {
        return new PeriodRegistry.Recorded(LocalDate.parse(from), LocalDate.parse(to), ANY);
    }

    private static Days days(String from, String to) {
        return new Days(LocalDate.parse(from), LocalDate.parse(to));
    }
}
