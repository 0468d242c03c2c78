package com.wabilling.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/billing-rules.md 4.6: every plan line at its edges, amounts computed by hand. */
class PlanChargesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    static PricePlan plan(String licence, String delivered, String inbound, String failed, String minimum) {
        return new PricePlan(LocalDate.of(2024, 1, 1), "P", "USD", new BigDecimal(licence), new BigDecimal(delivered),
                new BigDecimal(inbound), new BigDecimal(failed), new BigDecimal(minimum));
    }

    @Test
    void eachLineIsQuantityTimesFeeRoundedHalfUpOnce() {
        // 3 numbers x 10 = 30.00; 1001 x 0.0025 = 2.5025 -> 2.50; 7 x 0.0015 = 0.0105 -> 0.01; 2 x 0.005 = 0.01
        List<PlanLine> lines = PlanCharges.lines(plan("10", "0.0025", "0.0015", "0.005", "0"),
                new PlanUsage.Counts(3, 1001, 7, 2), new BigDecimal("5.00"), USD);

        assertThat(lines).containsExactly(
                new PlanLine(PlanLine.Kind.LICENCE, 3, new BigDecimal("10"), new BigDecimal("30.00")),
                new PlanLine(PlanLine.Kind.PLATFORM_DELIVERED, 1001, new BigDecimal("0.0025"), new BigDecimal("2.50")),
                new PlanLine(PlanLine.Kind.PLATFORM_INBOUND, 7, new BigDecimal("0.0015"), new BigDecimal("0.01")),
                new PlanLine(PlanLine.Kind.PLATFORM_FAILED, 2, new BigDecimal("0.005"), new BigDecimal("0.01")));
    }

    @Test
    void halfUpAtExactlyHalfACent() {
        // 5 x 0.001 = 0.005 -> 0.01 (HALF_UP; HALF_EVEN would give 0.00); 3 x 0.0015 = 0.0045 -> 0.00
        List<PlanLine> lines = PlanCharges.lines(plan("0", "0.001", "0.0015", "0", "0"), new PlanUsage.Counts(1, 5, 3, 0),
                BigDecimal.ZERO, USD);

        assertThat(lines).extracting(PlanLine::amount).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"));
    }

    @Test
    void minimumCommitmentIsTheDifferenceToTheNetTotal() {
        // Meta net 12.34 + licence 2 x 5 = 22.34; minimum 50 -> 27.66
        List<PlanLine> lines = PlanCharges.lines(plan("5", "0", "0", "0", "50"), new PlanUsage.Counts(2, 9, 0, 0),
                new BigDecimal("12.34"), USD);

        assertThat(lines).last().isEqualTo(new PlanLine(PlanLine.Kind.MINIMUM_COMMITMENT, 1, new BigDecimal("27.66"),
                new BigDecimal("27.66")));
    }

    @Test
    void minimumCommitmentExactlyMetMakesNoLine() {
        // 40.00 of Meta net + 2 x 5 = 50.00 = minimum: nothing to make up
        List<PlanLine> lines = PlanCharges.lines(plan("5", "0", "0", "0", "50"), new PlanUsage.Counts(2, 0, 0, 0),
                new BigDecimal("40.00"), USD);

        assertThat(lines).extracting(PlanLine::kind).containsExactly(PlanLine.Kind.LICENCE);
    }

    @Test
    void aMinimumExceededMakesNoLine() {
        assertThat(PlanCharges.lines(plan("0", "0", "0", "0", "50"), new PlanUsage.Counts(1, 0, 0, 0),
                new BigDecimal("50.01"), USD)).isEmpty();
    }

    @Test
    void linesWithoutQuantityOrFeeAreLeftOut() {
        assertThat(PlanCharges.lines(plan("0", "0.01", "0", "0.02", "0"), new PlanUsage.Counts(1, 0, 4, 0),
                BigDecimal.ZERO, USD)).isEmpty();
    }

    @Test
    void roundsToTheCurrencysDecimals() {
        // JPY has no decimals: 3 x 1.5 = 4.5 -> 5
        List<PlanLine> lines = PlanCharges.lines(new PricePlan(LocalDate.of(2024, 1, 1), "P", "JPY", BigDecimal.ZERO,
                new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), new PlanUsage.Counts(1, 3, 0, 0),
                BigDecimal.ZERO, JPY);

        assertThat(lines).extracting(PlanLine::amount).containsExactly(new BigDecimal("5"));
    }
}
