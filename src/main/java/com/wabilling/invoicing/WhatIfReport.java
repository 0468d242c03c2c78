package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.Regime;
import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.csv.CsvOutput;

/**
 * {@code invoice month=M regime=R}: each account's month priced under R next to how its
 * own regime prices it, into {@code out/what-if/<M>-<R>/}: a summary and one lines file per account.
 * Nothing is stored, so nothing can be finalized; a re-run writes the same files.
 */
public class WhatIfReport implements Tasklet {

    private static final String[] SUMMARY_HEADER = {"waba_id", "account_name", "currency", "regime", "messages",
        "billable", "subtotal", "markup", "total", "billed_regime", "billed_total", "difference"};
    private final PerMessageMonth perMessage;
    private final List<BillingAccount> accounts;
    private final Path outputDir;
    private final YearMonth month;
    private final Regime regime;

    public WhatIfReport(PerMessageMonth perMessage, List<BillingAccount> accounts, Path outputDir, InvoiceRun run) {
        this.perMessage = perMessage;
        this.accounts = List.copyOf(accounts);
        this.outputDir = outputDir;
        this.month = run.month();
        this.regime = run.whatIf();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Regime billedRegime = BillingMonth.regime(month);
        Path dir = outputDir.resolve("what-if").resolve(month + "-" + regime.name());
        TextTable table = new TextTable("account", "currency", "billed (" + billedRegime + ")", "under " + regime,
                "difference");
        CsvOutput.write(dir.resolve("summary.csv"), SUMMARY_HEADER, out -> {
            for (BillingAccount account : accounts) {
                ComputedInvoice billed = perMessage.compute(account, month, null, p -> {
                });
                ComputedInvoice whatIf = perMessage.compute(account, month, regime, p -> {
                });
                if (whatIf.quantity() == 0) {
                    continue;
                }
                BigDecimal difference = whatIf.total().subtract(billed.total());
                out.row(account.wabaId(), CsvOutput.text(account.name()), account.currency().getCurrencyCode(),
                        regime.name(), Long.toString(whatIf.quantity()), Long.toString(whatIf.billable()),
                        whatIf.subtotal().toPlainString(), whatIf.markup().toPlainString(),
                        whatIf.total().toPlainString(), billedRegime.name(), billed.total().toPlainString(),
                        difference.toPlainString());
                table.row(account.name(), account.currency().getCurrencyCode(), billed.total().toPlainString(),
                        whatIf.total().toPlainString(), (difference.signum() > 0 ? "+" : "") + difference.toPlainString());
                InvoiceLinesFile.write(dir.resolve(account.wabaId() + ".csv"), whatIf.lines(), account.currency(), true);
            }
        });
        JobSummary.put(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                "What-if: " + month + " priced under " + regime + " instead of " + billedRegime
                        + " (nothing stored, nothing to finalize; totals include markup)\n" + table.render("  ")
                        + "  files: " + dir.resolve("summary.csv") + " and one <waba_id>.csv of lines per account\n");
        return RepeatStatus.FINISHED;
    }
}
