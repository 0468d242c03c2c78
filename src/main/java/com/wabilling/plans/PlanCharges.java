package com.wabilling.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Where a plan's fees are computed (docs/billing-rules.md 4.6): the licence per business phone number, the platform
 * fees per delivered, inbound and failed message, and the minimum commitment. Each amount is quantity × fee rounded
 * HALF_UP once to the currency's decimals; a line whose quantity or fee is 0 is left out. The account's markup is
 * no business of these lines: it applies to Meta's fees only.
 */
public final class PlanCharges {

    private PlanCharges() {
    }

    /**
     * @param metaNet Meta's fees of the month with the markup on them (the invoice's total before the plan)
     * @return the plan's lines in invoice order; MINIMUM_COMMITMENT is the difference when metaNet and the other
     *         lines stay below minimum_monthly
     */
    public static List<PlanLine> lines(PricePlan plan, PlanUsage.Counts usage, BigDecimal metaNet, Currency currency) {
        List<PlanLine> lines = new ArrayList<>();
        add(lines, PlanLine.Kind.LICENCE, usage.phoneNumbers(), plan.licencePerPhoneNumber(), currency);
        add(lines, PlanLine.Kind.PLATFORM_DELIVERED, usage.delivered(), plan.feePerDelivered(), currency);
        add(lines, PlanLine.Kind.PLATFORM_INBOUND, usage.inbound(), plan.feePerInbound(), currency);
        add(lines, PlanLine.Kind.PLATFORM_FAILED, usage.failed(), plan.feePerFailed(), currency);
        BigDecimal net = metaNet;
        for (PlanLine line : lines) {
            net = net.add(line.amount());
        }
        BigDecimal minimum = round(plan.minimumMonthly(), currency);
        if (net.compareTo(minimum) < 0) {
            BigDecimal difference = round(minimum.subtract(net), currency);
            lines.add(new PlanLine(PlanLine.Kind.MINIMUM_COMMITMENT, 1, difference, difference));
        }
        return lines;
    }

    private static void add(List<PlanLine> lines, PlanLine.Kind kind, long quantity, BigDecimal fee, Currency currency) {
        if (quantity == 0 || fee.signum() == 0) {
            return;
        }
        lines.add(new PlanLine(kind, quantity, fee, round(fee.multiply(BigDecimal.valueOf(quantity)), currency)));
    }

    private static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
