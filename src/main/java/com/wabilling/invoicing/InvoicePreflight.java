package com.wabilling.invoicing;

import com.wabilling.pricing.Regime;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.RateCard;
import com.wabilling.support.Timestamps;

/**
 * The refusals that protect the money (docs/billing-rules.md 4.1, 4.2), checked for every account before any
 * invoice is written: every account's month covered by reconstructed periods, none of them stale
 *, no WABA with conversations but no billing account, and a rate for every
 * (market, category, currency, date) the month's conversations need. Each problem is listed in full.
 */
public class InvoicePreflight {

    private final InvoiceDao invoices;
    private final PeriodRegistry ledger;

    public InvoicePreflight(InvoiceDao invoices, PeriodRegistry ledger) {
        this.invoices = invoices;
        this.ledger = ledger;
    }

    /** Throws, naming every problem and the command that fixes it, unless the month can be invoiced. */
    public void check(List<BillingAccount> accounts, RateCard rates, InvoiceRun run, String accountsFile) {
        check(accounts, rates, com.wabilling.pricing.AuthInternational.NONE, run, accountsFile);
    }

    /** @param international auth-international.csv: which authentication messages need the international rate */
    public void check(List<BillingAccount> accounts, RateCard rates, com.wabilling.pricing.AuthInternational international,
            InvoiceRun run, String accountsFile) {
        YearMonth month = run.month();
        checkRegimes(run);
        List<String> refusals = new ArrayList<>();
        String coverage = coverage(accounts, month);
        if (coverage != null) {
            refusals.add(coverage);
        }
        // a period whose rebuild has not finished is named by the coverage check with the command that finishes it
        List<UnfinishedRebuild> rebuilds = unfinishedRebuilds();
        List<PeriodRegistry.Recorded> stale = StalePeriods.of(ledger, invoices, accounts, month).stream()
                .filter(r -> rebuilds.stream().noneMatch(b -> b.range().equals(StalePeriods.range(r)))).toList();
        if (!stale.isEmpty()) {
            refusals.add(StalePeriods.refusal(month, stale));
        }
        PeriodCoverage.Range widened = UnknownAccounts.range(month);
        refusals.addAll(UnknownAccounts.problems(run, accounts,
                invoices.activityByWaba(widened.from(), widened.to()), accountsFile));
        if (!refusals.isEmpty()) {
            throw new com.wabilling.support.Refusal(String.join("\n", refusals), nextStep(month, coverage != null
                    || !stale.isEmpty(), refusals.size() > (coverage == null ? 0 : 1) + (stale.isEmpty() ? 0 : 1)));
        }
        checkRates(accounts, rates, international, month);
        CorrectionRequest.check(invoices, run, accounts, accountsFile);
    }

    /** docs/per-message-pricing.md: no regime before 2023-06-01; a what-if re-prices pricing records only. */
    private static void checkRegimes(InvoiceRun run) {
        Regime billed;
        try {
            billed = BillingMonth.regime(run.month());
        } catch (IllegalArgumentException e) {
            throw new com.wabilling.support.Refusal("cannot invoice " + run.month() + ": " + e.getMessage(),
                    "invoice a month from " + com.wabilling.pricing.Regimes.META.earliest().toString().substring(0, 7)
                            + " on: months before it have no pricing regime");
        }
        if (run.isWhatIf() && (!billed.perMessage() || !run.whatIf().perMessage())) {
            throw new com.wabilling.support.Refusal("cannot price " + run.month() + " under " + run.whatIf() + ": a what-if"
                    + " prices a month's per-message pricing records again, so both the month's own regime ("
                    + billed + ") and the one asked for must be per-message regimes (from "
                    + Regime.PMP_2025.from() + " on: " + Regime.PMP_2025 + ", " + Regime.PMP_2026_10 + ")",
                    "choose a month from " + Regime.PMP_2025.from().toString().substring(0, 7) + " on and regime=PMP-2025 or PMP-2026-10");
        }
    }

    /** What fixes the refusals: periods to reconstruct (the monthly run does it), accounts to name. */
    private static String nextStep(YearMonth month, boolean periods, boolean accounts) {
        List<String> steps = new ArrayList<>();
        if (periods) {
            steps.add("run the reconstruct commands named above, in order (jobs/schedule/monthly-run " + month
                    + " does this by itself)");
        }
        if (accounts) {
            steps.add("add each WABA named above to accounts.csv, or leave it out deliberately with leave-out=");
        }
        return String.join("; ", steps) + "; then run the same invoice command again";
    }

    private String coverage(List<BillingAccount> accounts, YearMonth month) {
        List<String> uncovered = new ArrayList<>();
        // the recorded periods, asked of the period registry that owns them
        List<PeriodCoverage.Range> periods = ledger.recorded(ScopeMode.PHONE_NUMBER).stream()
                .map(StalePeriods::range).toList();
        List<UnfinishedRebuild> rebuilds = unfinishedRebuilds();
        for (BillingAccount account : accounts) {
            PeriodCoverage.Range needed = new PeriodCoverage.Range(account.monthStart(month), account.monthEnd(month));
            for (UnfinishedRebuild rebuild : rebuilds) {
                if (PeriodCoverage.overlap(needed, rebuild.range())) {
                    uncovered.add(account.wabaId() + " (" + account.name() + ", " + account.zone() + "): "
                            + Timestamps.format(rebuild.range().from()) + " to " + Timestamps.format(rebuild.range().to())
                            + " is being rebuilt by a reconstruct that has not finished (running now, failed or"
                            + " killed); wait for it or finish it with: " + rebuild.command());
                }
            }
            for (PeriodCoverage.Range gap : PeriodCoverage.missing(needed, periods)) {
                LocalDate to = LocalDate.ofInstant(gap.to().minusMillis(1), ZoneOffset.UTC).plusDays(1);
                // A start where the state is known, so the hint never bills a free entry point
                LocalDate gapStart = LocalDate.ofInstant(gap.from(), ZoneOffset.UTC);
                LocalDate from = ledger.exactStartInstead(new Period(gapStart, to, ScopeMode.PHONE_NUMBER))
                        .orElse(gapStart);
                uncovered.add(account.wabaId() + " (" + account.name() + ", " + account.zone() + "): "
                        + Timestamps.format(gap.from()) + " to " + Timestamps.format(gap.to())
                        + " is not reconstructed; run: jobs/wa-billing reconstruct from=" + from + " to=" + to);
            }
        }
        return uncovered.isEmpty() ? null : "cannot invoice " + month + ": conversations are missing for "
                + uncovered.size() + " range" + (uncovered.size() == 1 ? "" : "s") + ":\n    "
                + String.join("\n    ", uncovered);
    }

    /** A reconstruct that cleared a period's conversations and has not finished rebuilding them. */
    private record UnfinishedRebuild(PeriodCoverage.Range range, String command) {
    }

    /**
     * The unfinished rebuilds of the phone-number scope (the one invoiced), asked of their owner, the period
     * ledger (docs/architecture.md, "Who owns which table").
     */
    private List<UnfinishedRebuild> unfinishedRebuilds() {
        return ledger.unfinishedRebuilds(ScopeMode.PHONE_NUMBER).stream()
                .map(r -> new UnfinishedRebuild(new PeriodCoverage.Range(r.from().atStartOfDay(ZoneOffset.UTC)
                        .toInstant(), r.to().atStartOfDay(ZoneOffset.UTC).toInstant()), r.command()))
                .toList();
    }

    private void checkRates(List<BillingAccount> accounts, RateCard rates,
            com.wabilling.pricing.AuthInternational international, YearMonth month) {
        TreeSet<String> seen = new TreeSet<>();
        List<MissingRatesException.MissingRate> missing = new ArrayList<>();
        for (BillingAccount account : accounts) {
            String currency = account.currency().getCurrencyCode();
            for (InvoiceDao.PricePoint p : invoices.pricePoints(account, month, international)) {
                LocalDate date = LocalDate.ofInstant(p.at(), account.zone());
                if (rates.rate(p.market(), p.category(), currency, date).isEmpty()
                        && seen.add(p.market() + '|' + p.category() + '|' + currency + '|' + date)) {
                    missing.add(new MissingRatesException.MissingRate(p.market(), p.category(), currency, date));
                }
            }
        }
        if (!missing.isEmpty()) {
            missing.sort((a, b) -> a.toString().compareTo(b.toString()));
            throw new MissingRatesException(missing);
        }
    }
}
