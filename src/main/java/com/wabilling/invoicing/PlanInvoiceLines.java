package com.wabilling.invoicing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.wabilling.plans.PlanCharges;
import com.wabilling.plans.PlanLine;
import com.wabilling.plans.PlanTerms;
import com.wabilling.plans.PlanUsage;
import com.wabilling.plans.PlanUsageReader;
import com.wabilling.plans.PricePlan;
import com.wabilling.pricing.BillingAccount;

/**
 * Adds a price plan's lines to an account's month (docs/billing-rules.md 4.6): after Meta's fees, with an empty
 * market and band, outside the markup. The month's counts of every account on a plan are read once, when the first
 * one is invoiced. A month without any message of the account has no invoice, and no plan line either.
 */
final class PlanInvoiceLines {

    private final PlanTerms terms;
    private final PlanUsageReader reader;
    private final List<BillingAccount> accounts;
    private final YearMonth month;
    private Map<String, PlanUsage.Counts> usage;

    PlanInvoiceLines(PlanTerms terms, PlanUsageReader reader, List<BillingAccount> accounts, YearMonth month) {
        this.terms = terms;
        this.reader = reader;
        this.accounts = List.copyOf(accounts);
        this.month = month;
    }

    ComputedInvoice add(BillingAccount account, ComputedInvoice meta) {
        PricePlan plan = terms.planFor(account, month).orElse(null);
        if (plan == null) {
            return meta; // no plan (or none in force yet): the invoice is Meta's fees and the markup, as ever
        }
        if (usage == null) {
            usage = reader.count(accounts.stream().filter(a -> terms.planFor(a, month).isPresent()).toList(), month);
        }
        PlanUsage.Counts counts = usage.getOrDefault(account.wabaId(), new PlanUsage.Counts(0, 0, 0, 0));
        return with(account, meta, plan, counts);
    }

    /** Meta's lines and the plan's, totalled (the markup stays on Meta's fees). */
    static ComputedInvoice with(BillingAccount account, ComputedInvoice meta, PricePlan plan, PlanUsage.Counts counts) {
        if (meta.lines().isEmpty() && counts.phoneNumbers() == 0) {
            return meta;
        }
        List<InvoiceLine> lines = new ArrayList<>(meta.lines());
        for (PlanLine p : PlanCharges.lines(plan, counts, meta.total(), account.currency())) {
            lines.add(new InvoiceLine(p.kind().name(), "", "", p.unitPrice(), p.quantity(), 0, p.quantity(),
                    p.amount()));
        }
        lines.sort(InvoiceLine.ORDER);
        return InvoiceCalculator.totals(lines, account);
    }
}
