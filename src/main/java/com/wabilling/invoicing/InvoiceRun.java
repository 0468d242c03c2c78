package com.wabilling.invoicing;

import java.time.LocalDate;

import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import com.wabilling.support.batch.JobParameterSpec;

/**
 * The invoice command as the operator gave it (docs/operations.md): what a refusal names, so that the command
 * it prints is the one to run. {@code leave-out} lists WABAs without a billing account that this
 * run deliberately does not invoice. {@code correct} names the finalized invoice whose credit note and new
 * invoice this run drafts (docs/billing-rules.md 4.5), or is null.
 */
public record InvoiceRun(YearMonth month, boolean finalizing, SortedSet<String> leaveOut, String rerun,
        Regime whatIf, LocalDate invoiceDate, String correct) {

    public static final String LEAVE_OUT = "leave-out";
    /** Price the month under another regime into out/what-if/, never stored. */
    public static final String REGIME = "regime";
    /** The date finalized invoices carry (default: the day they are finalized, UTC). */
    public static final String INVOICE_DATE = "invoice-date";
    /** The number of a finalized invoice to credit in full and invoice again (docs/billing-rules.md 4.5). */
    public static final String CORRECT = "correct";

    public InvoiceRun(YearMonth month, boolean finalizing, SortedSet<String> leaveOut, String rerun) {
        this(month, finalizing, leaveOut, rerun, null, null, null);
    }

    public InvoiceRun {
        leaveOut = new TreeSet<>(leaveOut);
    }

    /** From the job parameters; absent optional parameters take their defaults. */
    public static InvoiceRun of(Map<String, ?> parameters) {
        JobParameterSpec spec = InvoiceJobConfiguration.PARAMETERS;
        Object rerun = parameters.get(JobParameterSpec.RERUN);
        String regime = spec.value(parameters, REGIME);
        String invoiceDate = spec.value(parameters, INVOICE_DATE);
        String correct = spec.value(parameters, CORRECT);
        return new InvoiceRun(YearMonth.parse(spec.value(parameters, "month")),
                Boolean.parseBoolean(spec.value(parameters, "finalize")), parseIds(spec.value(parameters, LEAVE_OUT)),
                rerun == null ? null : rerun.toString(), regime.isEmpty() ? null : Regimes.META.named(regime),
                invoiceDate.isEmpty() ? null : LocalDate.parse(invoiceDate), correct.isEmpty() ? null : correct);
    }

    public boolean isWhatIf() {
        return whatIf != null;
    }

    /** {@code "1,2"} → {1, 2}; blanks around ids and an empty value are allowed. */
    public static SortedSet<String> parseIds(String value) {
        TreeSet<String> ids = new TreeSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        return ids;
    }

    /** This run's command: run again after a refusal that a fix outside the job resolves. */
    public String command() {
        return command(leaveOut);
    }

    /** A new run of this command (rerun=): it computes every draft of the month again. */
    public String newRunCommand() {
        return new InvoiceRun(month, finalizing, leaveOut, null, whatIf, invoiceDate, correct).command()
                + " rerun=<new value>";
    }

    /** The same run, leaving out these WABAs as well. */
    public String commandLeavingOut(Collection<String> more) {
        TreeSet<String> all = new TreeSet<>(leaveOut);
        all.addAll(more);
        return command(all);
    }

    private String command(SortedSet<String> ids) {
        return "jobs/wa-billing invoice month=" + month + (finalizing ? " finalize=true" : "")
                + (whatIf == null ? "" : " " + REGIME + "=" + whatIf.name())
                + (invoiceDate == null ? "" : " " + INVOICE_DATE + "=" + invoiceDate)
                + (correct == null ? "" : " " + CORRECT + "=" + correct)
                + (ids.isEmpty() ? "" : " " + LEAVE_OUT + "=" + String.join(",", ids))
                + (rerun == null ? "" : " rerun=" + rerun);
    }
}
