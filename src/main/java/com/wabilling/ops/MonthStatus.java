package com.wabilling.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.invoicing.InvoiceDao;
import com.wabilling.messages.ExportFolder;
import com.wabilling.messages.ImportedFiles;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.TextTable;

/**
 * {@code status month=YYYY-MM} (docs/operations.md, "A month at a glance"): what the operator opens
 * every morning of the month's first week. Reads only: which exports are imported, which periods the
 * month needs are reconstructed, stale, being rebuilt or missing, each account's invoices, and the
 * one command to run next.
 */
class MonthStatus {

    private final PeriodRegistry ledger;
    private final ImportedFiles importedFiles;
    private final InvoiceDao invoices;
    private final Path referenceDir;
    private final Path outputDir;
    private final PrintStream out;

    MonthStatus(PeriodRegistry ledger, ImportedFiles importedFiles, InvoiceDao invoices, Path referenceDir,
            Path outputDir, PrintStream out) {
        this.outputDir = outputDir;
        this.ledger = ledger;
        this.importedFiles = importedFiles;
        this.invoices = invoices;
        this.referenceDir = referenceDir;
        this.out = out;
    }

    int print(YearMonth month, Path exports) {
        out.println("Status of " + month);
        boolean pendingWork = exports(month, exports);
        pendingWork |= periods(month);
        Invoices state = invoices(month);
        out.println("Next: " + next(month, pendingWork, state));
        return ExitCodes.OK;
    }

    /** Prints the export files of the month's folder and the next month's; true when one is not imported. */
    private boolean exports(YearMonth month, Path exports) {
        if (exports == null) {
            out.println("Exports: WA_BILLING_EXPORTS_DIR is not set (or give exports=<folder>): not checked");
            return false;
        }
        boolean pending = false;
        for (YearMonth m : List.of(month, month.plusMonths(1))) {
            Path folder = exports.resolve(m.toString());
            if (!Files.isDirectory(folder) || !MonthlyRun.holdsExports(folder)) {
                out.println("Exports in " + folder + ": none" + (m.equals(month) ? " (the month's exports go here)" : ""));
                pending |= m.equals(month);
                continue;
            }
            ExportFolder files = ExportFolder.of(folder.toString(), importedFiles);
            out.println("Exports in " + folder + ":");
            files.imported().forEach(f -> out.println("  " + f));
            files.fresh().forEach(f -> out.println("  " + f.getFileName() + ": NOT IMPORTED"));
            pending |= files.hasNewFiles();
        }
        return pending;
    }

    /** Prints the periods the month needs; true when one is stale, being rebuilt or missing. */
    private boolean periods(YearMonth month) {
        MonthlyRunPlan.Days needed = MonthlyRunPlan.needed(month);
        out.println("Periods the month needs (UTC days " + needed + "):");
        Map<LocalDate, String> lines = new TreeMap<>();
        boolean pending = false;
        List<PeriodRegistry.Recorded> recorded = ledger.recorded(ScopeMode.PHONE_NUMBER);
        for (PeriodRegistry.Recorded r : recorded) {
            if (r.to().isAfter(needed.from()) && r.from().isBefore(needed.to())) {
                Period period = new Period(r.from(), r.to(), ScopeMode.PHONE_NUMBER);
                PeriodRegistry.Fingerprint now = ledger.fingerprint(ScopeMode.PHONE_NUMBER, period.from(), period.to());
                boolean fresh = now.equals(r.fingerprint());
                pending |= !fresh;
                lines.put(r.from(), r.from() + ".." + r.to() + ": " + (fresh ? "reconstructed, up to date"
                        : "STALE: " + MonthlyRunPlan.whyStale(r, now, new MonthlyRunPlan.Days(
                                LocalDate.ofInstant(period.readFrom(), java.time.ZoneOffset.UTC),
                                LocalDate.ofInstant(period.readTo(), java.time.ZoneOffset.UTC)))));
            }
        }
        for (PeriodRegistry.Rebuild r : ledger.unfinishedRebuilds(ScopeMode.PHONE_NUMBER)) {
            if (r.to().isAfter(needed.from()) && r.from().isBefore(needed.to())) {
                pending = true;
                lines.merge(r.from(), r.from() + ".." + r.to() + ": BEING REBUILT (running, failed or killed): "
                        + r.command(), (a, b) -> a + "; " + b);
            }
        }
        for (MonthlyRunPlan.Days gap : MonthlyRunPlan.gaps(needed, recorded)) {
            pending = true;
            lines.putIfAbsent(gap.from(), gap + ": MISSING (not reconstructed)");
        }
        lines.values().forEach(l -> out.println("  " + l));
        return pending;
    }

    /** What the month's invoices are: none, drafts, all final, or adjustments waiting. */
    private record Invoices(int drafts, int finalized, int accountsWithout) {
    }

    private Invoices invoices(YearMonth month) {
        List<InvoiceDao.SummaryRow> rows = invoices.summary(month);
        TextTable table = new TextTable("invoice", "kind", "status", "number", "date", "account", "net", "currency");
        int drafts = 0;
        int finalized = 0;
        for (InvoiceDao.SummaryRow r : rows) {
            table.row(r.invoiceId(), r.kind(), r.status(), r.invoiceNumber() == null ? "" : r.invoiceNumber(),
                    r.issueDate() == null ? "" : r.issueDate().toString(), r.accountName(),
                    r.total().setScale(java.util.Currency.getInstance(r.currency()).getDefaultFractionDigits(),
                            java.math.RoundingMode.HALF_UP).toPlainString(), r.currency());
            drafts += r.finalized() ? 0 : 1;
            finalized += r.finalized() ? 1 : 0;
        }
        out.println("Invoices:" + (rows.isEmpty() ? " none yet" : ""));
        if (!rows.isEmpty()) {
            out.print(table.render("  "));
        }
        int without = 0;
        try {
            List<String> invoiced = rows.stream().map(InvoiceDao.SummaryRow::wabaId).toList();
            List<BillingAccount> accounts = new ReferenceFiles(referenceDir).accounts();
            List<String> missing = new ArrayList<>();
            for (BillingAccount a : accounts) {
                if (!invoiced.contains(a.wabaId())) {
                    missing.add(a.name() + " (" + a.wabaId() + ")");
                }
            }
            without = missing.size();
            if (!missing.isEmpty() && !rows.isEmpty()) {
                out.println("  no invoice (no conversations or messages in the month, or not invoiced yet): "
                        + String.join(", ", missing));
            }
        } catch (RuntimeException e) {
            out.println("  accounts.csv in " + referenceDir + " cannot be read: " + e.getMessage());
        }
        return new Invoices(drafts, finalized, without);
    }

    private String next(YearMonth month, boolean pendingWork, Invoices state) {
        if (pendingWork || state.drafts() + state.finalized() == 0) {
            return "jobs/schedule/monthly-run " + month + " (imports what is new, rebuilds what is stale or missing,"
                    + " writes the drafts)";
        }
        if (state.drafts() > 0) {
            return "check the drafts in " + outputDir.resolve("invoices").resolve(month.toString())
                    + ", then: jobs/wa-billing invoice month=" + month
                    + " finalize=true";
        }
        return "nothing: every invoice of " + month + " is finalized and its inputs are unchanged";
    }
}
