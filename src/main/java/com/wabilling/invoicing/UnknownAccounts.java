package com.wabilling.invoicing;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.Timestamps;

/**
 * WABAs whose conversations nobody would bill: reconstructed, but with no row in
 * accounts.csv. Invoicing refuses until each one is added to accounts.csv or deliberately left out
 * with {@code leave-out=}; an account of accounts.csv is never left out.
 */
public final class UnknownAccounts {

    /**
     * An unknown WABA has no time zone, so "in the month" is taken conservatively: the tz database's
     * offsets lie between -12:00 and +14:00, so the UTC month widened by 14 h on each side contains
     * the local month of every zone.
     */
    static final Duration MAX_OFFSET = Duration.ofHours(14);

    /** A WABA's conversations (phone-number scope) and the business messages they covered, in a range. */
    public record Activity(String wabaId, long conversations, long messages) {

        /** The same WABA's activity counted from another table. */
        Activity plus(Activity other) {
            return new Activity(wabaId, conversations + other.conversations, messages + other.messages);
        }
    }

    private UnknownAccounts() {
    }

    /** The widened month: [first day 00:00 UTC - 14 h, first day of next month 00:00 UTC + 14 h). */
    public static PeriodCoverage.Range range(YearMonth month) {
        return new PeriodCoverage.Range(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(MAX_OFFSET),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(MAX_OFFSET));
    }

    /** The refusals, each a paragraph naming the commands that resolve it; empty when there are none. */
    public static List<String> problems(InvoiceRun run, List<BillingAccount> accounts, List<Activity> activity,
            String accountsFile) {
        Map<String, BillingAccount> known = accounts.stream()
                .collect(Collectors.toMap(BillingAccount::wabaId, Function.identity()));
        List<String> problems = new ArrayList<>();
        List<String> knownLeftOut = run.leaveOut().stream().filter(known::containsKey).toList();
        if (!knownLeftOut.isEmpty()) {
            TreeSet<String> rest = new TreeSet<>(run.leaveOut());
            rest.removeAll(knownLeftOut);
            problems.add("cannot invoice " + run.month() + ": leave-out= names " + knownLeftOut.stream()
                    .map(id -> id + " (" + known.get(id).name() + ")").collect(Collectors.joining(", "))
                    + ", which " + (knownLeftOut.size() == 1 ? "has" : "have") + " a billing account in " + accountsFile
                    + "; an account is never left out. Run: "
                    + new InvoiceRun(run.month(), run.finalizing(), rest, run.rerun(), run.whatIf(), run.invoiceDate(),
                            run.correct()).command());
        }
        List<Activity> unknown = activity.stream()
                .filter(a -> !known.containsKey(a.wabaId()) && !run.leaveOut().contains(a.wabaId())).toList();
        if (!unknown.isEmpty()) {
            PeriodCoverage.Range range = range(run.month());
            problems.add("cannot invoice " + run.month() + ": " + unknown.size() + " WABA"
                    + (unknown.size() == 1 ? " has" : "s have") + " conversations in the month but no billing account in "
                    + accountsFile + ", so nobody would bill them (the month is taken as " + Timestamps.format(range.from())
                    + " to " + Timestamps.format(range.to()) + ": the UTC month widened by 14 h on each side, since"
                    + " their time zone is unknown):\n    "
                    + unknown.stream().map(a -> a.wabaId() + ": " + a.conversations() + " conversation"
                            + (a.conversations() == 1 ? "" : "s") + ", " + a.messages() + " message"
                            + (a.messages() == 1 ? "" : "s")).collect(Collectors.joining("\n    "))
                    + "\n  either add each to " + accountsFile + " (waba_id, account_name, timezone, currency,"
                    + " markup_percent) and run the same command again: " + run.command()
                    + "\n  or leave them out of this run deliberately: "
                    + run.commandLeavingOut(unknown.stream().map(Activity::wabaId).toList()));
        }
        return problems;
    }
}
