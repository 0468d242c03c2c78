package com.wabilling.invoicing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.RateCard;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * {@code <invoice_id>-conversations.csv}: the invoice explains itself, one row per
 * conversation of the account's month as priced (docs/billing-rules.md 4), in free-tier order (opened_at, then
 * conversation_id). For an adjustment it lists the whole recomputed month: what the invoice and all
 * its adjustments add up to, since the conversations of the original invoice are not stored.
 */
public class ConversationsExplanationFile {

    static final String[] HEADER = {"conversation_id", "opened_at", "opened_at_local", "category", "market",
        "unit_price", "amount", "free_reason"};

    private final InvoiceDao invoices;
    private final RateCard rates;

    public ConversationsExplanationFile(InvoiceDao invoices, RateCard rates) {
        this.invoices = invoices;
        this.rates = rates;
    }

    /**
     * Writes the file from the conversations as they are now, and refuses when they no longer give
     * the stored lines (the invoice plus its adjustments): a file that explains something else than
     * what was billed is worse than none.
     */
    public void write(Path file, InvoiceDao.SummaryRow invoice, YearMonth month) {
        BillingAccount account = new BillingAccount(invoice.wabaId(), invoice.accountName(),
                ZoneId.of(invoice.timeZone()), Currency.getInstance(invoice.currency()), invoice.markupPercent());
        InvoiceCalculator calculator = new InvoiceCalculator(account, rates);
        int digits = account.currency().getDefaultFractionDigits();
        CsvOutput.write(file, HEADER, out -> invoices.forEachConversation(account, month, c -> {
            InvoiceCalculator.Priced p = calculator.accept(c);
            out.row(c.id(), Timestamps.format(c.openedAt()), local(c.openedAt(), account.zone()), c.category().name(),
                    CsvOutput.text(c.market()), Money.displayPrice(p.unitPrice(), digits).toPlainString(),
                    Money.displayPrice(p.charge(), digits).toPlainString(),
                    p.free().label());
        }));
        refuseWhenChanged(invoices, account, month, calculator.result(), invoice.invoiceId(), "conversations");
    }

    /**
     * A file that explains something else than what was billed is worse than none: the recomputed
     * month must give the stored lines (the invoice plus its adjustments).
     */
    private static void refuseWhenChanged(InvoiceDao invoices, BillingAccount account, YearMonth month,
            ComputedInvoice recomputed, String invoiceId, String what) {
        // a price plan's lines are not explained by the file (docs/billing-rules.md 4.6): Meta's lines are compared
        List<List<InvoiceLine>> stored = invoices.invoices(account.wabaId(), month).stream()
                .map(i -> i.lines().stream().filter(l -> !l.isPlanLine()).toList()).toList();
        ComputedInvoice billed = InvoiceCalculator.totals(Adjustments.sum(stored), account);
        if (!Adjustments.difference(billed, recomputed).isEmpty()) {
            throw new IllegalStateException("the " + what + " of " + account.wabaId() + " in " + month
                    + " changed since " + invoiceId + " was computed (a reconstruct ran between a failure"
                    + " and this resume); start a new run of the invoice command with rerun=<new value>");
        }
    }

    /** The account's wall-clock time with its offset, no fractions: 2023-06-01T09:15:30-03:00. */
    static String local(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

}
