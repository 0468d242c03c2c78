package com.wabilling.invoicing;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import com.wabilling.conversations.Period;
import com.wabilling.conversations.PeriodLedger;
import com.wabilling.conversations.ScopeMode;
import com.wabilling.pricing.BillingAccount;

/**
 * Invoicing never bills conversations that a late import has made out of date (issue 9.4, domain.md
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
    public static boolean usedBy(PeriodLedger.Recorded recorded, List<BillingAccount> accounts, YearMonth month) {
        Period period = new Period(recorded.from(), recorded.to(), ScopeMode.PHONE_NUMBER);
        PeriodCoverage.Range reach = new PeriodCoverage.Range(period.from(), period.readTo());
        return accounts.stream().anyMatch(a -> PeriodCoverage.overlap(reach,
                new PeriodCoverage.Range(a.monthStart(month), a.monthEnd(month))));
    }

    public static PeriodCoverage.Range range(PeriodLedger.Recorded r) {
        Period period = new Period(r.from(), r.to(), ScopeMode.PHONE_NUMBER);
        return new PeriodCoverage.Range(period.from(), period.to());
    }

    /** The periods of the phone-number scope (what invoices are computed from) used by the month and stale. */
    public static List<PeriodLedger.Recorded> of(PeriodLedger ledger, List<BillingAccount> accounts, YearMonth month) {
        return ledger.recorded(ScopeMode.PHONE_NUMBER).stream().filter(r -> usedBy(r, accounts, month))
                .filter(r -> ledger.isStale(ScopeMode.PHONE_NUMBER, r)).toList();
    }

    /** The refusal naming each stale period and the reconstruct command that re-runs it. */
    public static String refusal(YearMonth month, List<PeriodLedger.Recorded> stale) {
        return "cannot invoice " + month + ": " + stale.size() + " reconstructed period" + (stale.size() == 1
                ? " it uses was" : "s it uses were") + " built on messages or conversations that have changed since"
                + " (messages imported late, or an earlier period re-run); re-run "
                + (stale.size() == 1 ? "it" : "them, in this order,") + " first:\n    "
                + stale.stream().map(r -> r.from() + " to " + r.to() + ": " + command(r))
                        .collect(Collectors.joining("\n    "));
    }

    public static String command(PeriodLedger.Recorded r) {
        return "jobs/wa-billing reconstruct from=" + r.from() + " to=" + r.to() + " rerun=<new value>";
    }
}
