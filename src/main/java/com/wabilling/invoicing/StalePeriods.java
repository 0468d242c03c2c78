package com.wabilling.invoicing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.BillingAccount;

/**
 * Invoicing never bills conversations that a late import has made out of date (docs/billing-rules.md
 * 3.4): a recorded period whose fingerprint changed since it was built must be re-run before any
 * month that uses it is invoiced.
 */
public final class StalePeriods {

    private StalePeriods() {
    }

    /**
     * Whether some account's month uses the period: its conversations are billed in the month, or are
     * still open at the month start and so decide which conversations the month opens. A period's
     * conversations reach at most 72 h past its end (a free entry point), the end of its read window.
     */
    public static boolean usedBy(PeriodRegistry.Recorded recorded, List<BillingAccount> accounts, YearMonth month) {
        Period period = new Period(recorded.from(), recorded.to(), ScopeMode.PHONE_NUMBER);
        PeriodCoverage.Range reach = new PeriodCoverage.Range(period.from(), period.readTo());
        return accounts.stream().anyMatch(a -> PeriodCoverage.overlap(reach,
                new PeriodCoverage.Range(a.monthStart(month), a.monthEnd(month))));
    }

    public static PeriodCoverage.Range range(PeriodRegistry.Recorded r) {
        Period period = new Period(r.from(), r.to(), ScopeMode.PHONE_NUMBER);
        return new PeriodCoverage.Range(period.from(), period.to());
    }

    /**
     * The periods of the phone-number scope (what invoices are computed from) used by the month and
     * stale for billing. The ledger's fingerprint counts messages up to 72 h past a period's end, but
     * those change only the message counts of its conversations, never which conversations it opened
     * or carries on; so the first invoice run that finds a period fresh notes the messages before its
     * end, and a changed fingerprint refuses only when those or the carried conversations changed
     * (or nothing was noted). Without this, importing a month would refuse the next month's invoices
     * every time, for the 72 h that the previous month's period reads ahead.
     */
    public static List<PeriodRegistry.Recorded> of(PeriodRegistry ledger, InvoiceDao invoices,
            List<BillingAccount> accounts, YearMonth month) {
        List<PeriodRegistry.Recorded> stale = new ArrayList<>();
        for (PeriodRegistry.Recorded r : ledger.recorded(ScopeMode.PHONE_NUMBER)) {
            if (!usedBy(r, accounts, month)) {
                continue;
            }
            Period period = new Period(r.from(), r.to(), ScopeMode.PHONE_NUMBER);
            PeriodRegistry.Fingerprint now = ledger.fingerprint(ScopeMode.PHONE_NUMBER, period.from(), period.to());
            long billed = ledger.messagesBetween(period.readFrom(), period.to());
            Optional<Long> basis = invoices.periodBasis(r, period);
            if (now.equals(r.fingerprint())) {
                if (basis.isEmpty()) {
                    invoices.notePeriodBasis(r, period, billed);
                }
            } else if (basis.isEmpty() || basis.get() != billed
                    || !now.carriedHash().equals(r.fingerprint().carriedHash())) {
                stale.add(r);
            }
        }
        return stale;
    }

    /** The refusal naming each stale period and the reconstruct command that re-runs it. */
    public static String refusal(YearMonth month, List<PeriodRegistry.Recorded> stale) {
        return "cannot invoice " + month + ": " + stale.size() + " reconstructed period" + (stale.size() == 1
                ? " it uses was" : "s it uses were") + " built on messages or conversations that have changed since"
                + " (messages imported late, or an earlier period re-run); re-run "
                + (stale.size() == 1 ? "it" : "them, in this order,") + " first:\n    "
                + stale.stream().map(r -> r.from() + " to " + r.to() + ": " + command(r))
                        .collect(Collectors.joining("\n    "));
    }

    public static String command(PeriodRegistry.Recorded r) {
        return "jobs/wa-billing reconstruct from=" + r.from() + " to=" + r.to() + " rerun=<new value>";
    }
}
