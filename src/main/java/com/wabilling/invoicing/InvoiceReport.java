package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * Writes invoices/<month>/summary.csv, one lines file per invoice (docs/formats.md) and, for each invoice
 * this run computed, its conversations file; and the console table.
 */
public class InvoiceReport implements Tasklet {

    private static final String[] SUMMARY_HEADER = {"invoice_id", "invoice_number", "kind", "status", "waba_id",
        "account_name", "period", "currency", "conversations", "billable", "subtotal", "markup", "total",
        // docs/invoice-documents.md 2 (empty when the account has no buyer country yet)
        "vat", "gross",
        // added after docs/formats.md's columns: the account's local month and terms as invoiced
        "period_start", "period_end", "time_zone", "markup_percent",
        // The date a finalized invoice carries, and its VAT category and rate
        "invoice_date", "vat_category", "vat_rate",
        // what an adjustment corrects, a credit note reverses or a new invoice replaces (docs/billing-rules.md 4.5)
        "references_invoice_id"};
    private final InvoiceDao invoices;
    private final Path outputDir;
    private final YearMonth month;
    private final ConversationsExplanationFile conversations;
    private final MessagesExplanationFile messages;
    private final Set<String> leaveOut;
    private final InvoiceRun run;
    private final InvoiceVat vat;
    private final java.time.LocalDate today;
    private final com.wabilling.support.batch.LongPhases phases;

    public InvoiceReport(InvoiceDao invoices, Path outputDir, ConversationsExplanationFile conversations,
            MessagesExplanationFile messages, InvoiceRun run, InvoiceVat vat,
            java.time.LocalDate today, com.wabilling.support.batch.LongPhases phases) {
        this.phases = phases;
        this.vat = vat;
        this.today = today;
        this.invoices = invoices;
        this.outputDir = outputDir;
        this.month = run.month();
        this.conversations = conversations;
        this.messages = messages;
        this.leaveOut = run.leaveOut();
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Path dir = outputDir.resolve("invoices").resolve(month.toString());
        vat.freeze(invoices, month); // a finalized invoice whose buyer country is known by now gets its VAT recorded
        List<InvoiceDao.SummaryRow> rows = invoices.summary(month);
        var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long runId = execution.getJobInstanceId();
        // writing the books of many invoices takes a while at scale, so it reports progress
        com.wabilling.support.batch.LongPhase phase = phases.start("invoice (writing the books)", "invoices",
                rows.size(), execution);
        // what the client reads at the bottom of the PDF is the gross: the console shows net, VAT and gross too
        TextTable table = new TextTable("invoice", "number", "kind", "status", "account", "currency",
                BillingMonth.regime(month).perMessage() ? "messages" : "conversations", "billable", "subtotal",
                "markup", "net", "vat", "gross");
        CsvOutput.write(dir.resolve("summary.csv"), SUMMARY_HEADER, out -> {
            for (InvoiceDao.SummaryRow r : rows) {
                java.util.Optional<InvoiceDao.StoredVat> v = vat.forBooks(r, rows, today);
                out.row(r.invoiceId(), nz(r.invoiceNumber()), r.kind(), r.status(), r.wabaId(),
                        CsvOutput.text(r.accountName()), r.period(), r.currency(), Long.toString(r.quantity()),
                        Long.toString(r.billable()), money(r.subtotal(), r), money(r.markup(), r), money(r.total(), r),
                        v.map(x -> money(x.amount(), r)).orElse(""), v.map(x -> money(x.gross(), r)).orElse(""),
                        r.periodStart() == null ? "" : Timestamps.format(r.periodStart()),
                        r.periodEnd() == null ? "" : Timestamps.format(r.periodEnd()), nz(r.timeZone()),
                        r.markupPercent() == null ? "" : r.markupPercent().stripTrailingZeros().toPlainString(),
                        r.issueDate() == null ? "" : r.issueDate().toString(), v.map(x -> x.category()).orElse(""),
                        v.map(x -> x.ratePercent().stripTrailingZeros().toPlainString()).orElse(""),
                        nz(r.referencesInvoiceId()));
                table.row(r.invoiceId(), nz(r.invoiceNumber()), r.kind(), r.status(), r.accountName(), r.currency(),
                        r.quantity(), r.billable(), money(r.subtotal(), r), money(r.markup(), r),
                        money(r.total(), r), v.map(x -> money(x.amount(), r)).orElse("-"),
                        v.map(x -> money(x.gross(), r)).orElse("-"));
                phase.advance(1);
                writeLines(dir, r);
                // written by the run that computes the invoice, from the same conversations; a later run
                // never rewrites it, so a finalized invoice's explanation stays as it was billed
                if (r.kind().equals(StoredInvoice.Kind.CREDIT_NOTE.name())) {
                    continue; // a credit note's lines file is its explanation: it reverses lines as they were billed
                }
                if (r.runId() == runId && BillingMonth.perMessage(r)) {
                    // staged when the month was priced for the invoice, never priced again here
                    // (docs/billing-rules.md 4.4, "An explanation is priced once")
                    messages.write(dir, r, run);
                } else if (r.runId() == runId) {
                    conversations.write(dir.resolve(r.invoiceId() + "-conversations.csv"), r, month);
                }
            }
        });
        messages.dropStaged(dir, rows, runId); // explanations staged for nothing drafted, or by rolled-back chunks
        String summary = "Invoices for " + month + " (each account's month in its own time zone)\n"
                + (rows.isEmpty() ? "  no invoices: no account had conversations\n" : table.render("  ")
                        + "  net = subtotal + markup (summary.csv's total); gross = net + VAT, the amount due"
                        + (rows.stream().anyMatch(r -> vat.forBooks(r, rows, today).isEmpty())
                                ? " (- : VAT not known yet, the buyer's country is missing)" : "") + "\n")
                + "  files: " + dir.resolve("summary.csv") + ", one <invoice_id>.csv per invoice (its lines) and"
                + (BillingMonth.regime(month).perMessage()
                        ? " <invoice_id>-messages.csv (every message as billed; a band marks a rate from volume tiers"
                                + " computed from this BSP's traffic, an estimate of Meta's)"
                        : " <invoice_id>-conversations.csv (every conversation as billed)") + "\n" + leftOut();
        JobSummary.put(chunkContext.getStepContext().getStepExecution().getJobExecution(), summary);
        return RepeatStatus.FINISHED;
    }

    /** The WABAs this run was told not to invoice, with what they had: never a silent omission. */
    private String leftOut() {
        if (leaveOut.isEmpty()) {
            return "";
        }
        PeriodCoverage.Range range = UnknownAccounts.range(month);
        Map<String, UnknownAccounts.Activity> activity = invoices.activityByWaba(range.from(), range.to()).stream()
                .collect(Collectors.toMap(UnknownAccounts.Activity::wabaId, a -> a));
        return "  left out (leave-out=, no billing account): " + leaveOut.stream().map(id -> {
            UnknownAccounts.Activity a = activity.get(id);
            return id + " (" + (a == null ? 0 : a.conversations()) + " conversations, "
                    + (a == null ? 0 : a.messages()) + " messages)";
        }).collect(Collectors.joining(", ")) + "\n";
    }

    private void writeLines(Path dir, InvoiceDao.SummaryRow invoice) {
        InvoiceLinesFile.write(dir.resolve(invoice.invoiceId() + ".csv"), invoices.lines(invoice.invoiceId()),
                java.util.Currency.getInstance(invoice.currency()), BillingMonth.perMessage(invoice));
    }

    private static String money(BigDecimal amount, InvoiceDao.SummaryRow invoice) {
        return amount.setScale(java.util.Currency.getInstance(invoice.currency()).getDefaultFractionDigits())
                .toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
