package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.csv.CsvOutput;

/** Writes invoices/<month>/summary.csv and one lines file per invoice (formats.md), and the console table. */
public class InvoiceReport implements Tasklet {

    private static final String[] SUMMARY_HEADER = {"invoice_id", "invoice_number", "kind", "status", "waba_id",
        "account_name", "period", "currency", "conversations", "billable", "subtotal", "markup", "total"};
    private static final String[] LINE_HEADER = {"category", "market", "unit_price", "conversations", "free",
        "billable", "amount"};

    private final InvoiceDao invoices;
    private final Path outputDir;
    private final YearMonth month;

    public InvoiceReport(InvoiceDao invoices, Path outputDir, YearMonth month) {
        this.invoices = invoices;
        this.outputDir = outputDir;
        this.month = month;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Path dir = outputDir.resolve("invoices").resolve(month.toString());
        List<InvoiceDao.SummaryRow> rows = invoices.summary(month);
        TextTable table = new TextTable("invoice", "number", "kind", "status", "account", "currency",
                "conversations", "billable", "subtotal", "markup", "total");
        CsvOutput.write(dir.resolve("summary.csv"), SUMMARY_HEADER, out -> {
            for (InvoiceDao.SummaryRow r : rows) {
                out.row(r.invoiceId(), nz(r.invoiceNumber()), r.kind(), r.status(), r.wabaId(),
                        CsvOutput.text(r.accountName()), r.period(), r.currency(), Long.toString(r.conversations()),
                        Long.toString(r.billable()), money(r.subtotal(), r), money(r.markup(), r), money(r.total(), r));
                table.row(r.invoiceId(), nz(r.invoiceNumber()), r.kind(), r.status(), r.accountName(), r.currency(),
                        r.conversations(), r.billable(), money(r.subtotal(), r), money(r.markup(), r),
                        money(r.total(), r));
                writeLines(dir, r);
            }
        });
        String summary = "Invoices for " + month + " (each account's month in its own time zone)\n"
                + (rows.isEmpty() ? "  no invoices: no account had conversations\n" : table.render("  "))
                + "  files: " + dir.resolve("summary.csv") + " and one <invoice_id>.csv per invoice\n";
        JobSummary.put(chunkContext.getStepContext().getStepExecution().getJobExecution(), summary);
        return RepeatStatus.FINISHED;
    }

    private void writeLines(Path dir, InvoiceDao.SummaryRow invoice) {
        CsvOutput.write(dir.resolve(invoice.invoiceId() + ".csv"), LINE_HEADER, out -> {
            List<InvoiceLine> lines = invoices.lines(invoice.invoiceId()).stream().sorted(InvoiceLine.ORDER).toList();
            for (InvoiceLine l : lines) {
                out.row(l.category().name(), CsvOutput.text(l.market()), price(l.unitPrice(), invoice),
                        Long.toString(l.conversations()), Long.toString(l.free()), Long.toString(l.billable()),
                        money(l.amount(), invoice));
            }
        });
    }

    private static String money(BigDecimal amount, InvoiceDao.SummaryRow invoice) {
        return amount.setScale(java.util.Currency.getInstance(invoice.currency()).getDefaultFractionDigits())
                .toPlainString();
    }

    /** Unit prices keep their own decimals (rates have up to 6), at least the currency's. */
    private static String price(BigDecimal price, InvoiceDao.SummaryRow invoice) {
        BigDecimal stripped = price.stripTrailingZeros();
        int digits = java.util.Currency.getInstance(invoice.currency()).getDefaultFractionDigits();
        return stripped.setScale(Math.max(stripped.scale(), digits)).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
