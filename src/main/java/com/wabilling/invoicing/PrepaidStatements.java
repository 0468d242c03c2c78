package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.wabilling.prepaid.PrepaidTerms;
import com.wabilling.prepaid.Statement;
import com.wabilling.prepaid.StatementDao;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.csv.CsvOutput;

/**
 * Prepaid accounts' statements (docs/billing-rules.md 4.7): written once per account and month when the month is
 * finalized, never changed; each settles every finalized invoice, adjustment and credit note of the account (of
 * that month or before) that no earlier statement settled, at its gross, or its total while it has no VAT.
 */
final class PrepaidStatements {

    static final String[] HEADER = {"waba_id", "currency", "opening_balance", "top_ups", "usage", "closing_balance",
        "status"};

    private final InvoiceDao invoices;
    private final StatementDao statements;
    private final PrepaidTerms terms;

    PrepaidStatements(InvoiceDao invoices, StatementDao statements, PrepaidTerms terms) {
        this.invoices = invoices;
        this.statements = statements;
        this.terms = terms;
    }

    /** Writes the month's statement of every prepaid account that has none yet and whose balance moved in it. */
    void record(YearMonth month, List<BillingAccount> accounts, Instant now) {
        for (BillingAccount account : accounts) {
            if (!terms.isPrepaid(account.wabaId()) || statements.find(account.wabaId(), month).isPresent()) {
                continue; // postpaid, or written before: a statement never changes
            }
            BigDecimal opening = statements.previous(account.wabaId(), month)
                    .map(s -> s.statement().closingBalance()).orElse(BigDecimal.ZERO);
            Set<String> counted = statements.counted(account.wabaId());
            BigDecimal usage = BigDecimal.ZERO;
            List<String> settled = new ArrayList<>();
            for (InvoiceDao.Settled i : invoices.finalizedOf(account.wabaId())) {
                if (!counted.contains(i.invoiceId()) && !i.month().isAfter(month)) {
                    usage = usage.add(i.amount());
                    settled.add(i.invoiceId());
                }
            }
            BigDecimal topUps = terms.topUps(account.wabaId(), account.zone(), month);
            if (settled.isEmpty() && topUps.signum() == 0) {
                // nothing moved the balance (docs/billing-rules.md 4.7): no statement, so that a month finalized
                // out of order (an account without traffic in a later month) never fixes a stale opening balance
                continue;
            }
            statements.insert(Statement.of(account.wabaId(), month, account.currency().getCurrencyCode(),
                    Money.round(opening, account.currency()), Money.round(topUps, account.currency()),
                    Money.round(usage, account.currency())), settled, now);
        }
    }

    /** The books' tasklet, then the month's statements as stored: their file and their lines in the job summary. */
    org.springframework.batch.core.step.tasklet.Tasklet after(org.springframework.batch.core.step.tasklet.Tasklet books,
            Path monthDir, YearMonth month) {
        return (contribution, chunkContext) -> {
            var status = books.execute(contribution, chunkContext);
            String printed = write(monthDir, month);
            if (!printed.isEmpty()) {
                com.wabilling.support.JobSummary.append(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                        printed);
            }
            return status;
        };
    }

    /**
     * invoices/YYYY-MM/statements.csv, from the stored statements; none when the month has none. Returns the lines
     * the job summary prints (empty without statements).
     */
    String write(Path monthDir, YearMonth month) {
        List<Statement> rows = statements.ofMonth(month);
        if (rows.isEmpty()) {
            return "";
        }
        CsvOutput.write(monthDir.resolve("statements.csv"), HEADER, out -> rows.forEach(s -> {
            java.util.Currency currency = java.util.Currency.getInstance(s.currency());
            out.row(s.wabaId(), s.currency(), Money.round(s.openingBalance(), currency).toPlainString(),
                    Money.round(s.topUps(), currency).toPlainString(), Money.round(s.usage(), currency).toPlainString(),
                    Money.round(s.closingBalance(), currency).toPlainString(), s.status().label());
        }));
        StringBuilder text = new StringBuilder("  prepaid statements (" + monthDir.resolve("statements.csv") + "):\n");
        text.append(String.format("    %-16s %-8s %12s %10s %10s %12s  %s%n", "waba_id", "currency", "opening", "top-ups",
                "usage", "closing", "status"));
        for (Statement s : rows) {
            java.util.Currency c = java.util.Currency.getInstance(s.currency());
            text.append(String.format("    %-16s %-8s %12s %10s %10s %12s  %s%n", s.wabaId(), s.currency(),
                    Money.round(s.openingBalance(), c).toPlainString(), Money.round(s.topUps(), c).toPlainString(),
                    Money.round(s.usage(), c).toPlainString(), Money.round(s.closingBalance(), c).toPlainString(),
                    s.status().label()));
        }
        return text.toString();
    }
}
