package com.wabilling.invoicing;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * {@code <invoice_id>-messages.csv}: a per-message invoice explains itself as a conversation invoice
 * does, one row per message of the account's month as priced (docs/per-message-pricing.md 4), by
 * delivery time then message_id; the band says which rates came from computed volume tiers.
 */
public class InvoiceMessages {

    static final String[] HEADER = {"message_id", "delivered_at", "delivered_at_local", "category", "pricing_type",
        "market", "band", "unit_price", "amount"};

    private final InvoiceDao invoices;
    private final PerMessageMonth perMessage;

    public InvoiceMessages(InvoiceDao invoices, PerMessageMonth perMessage) {
        this.invoices = invoices;
        this.perMessage = perMessage;
    }

    /** As {@link InvoiceConversations#write}: refuses when the records no longer give the stored lines. */
    public void write(Path file, InvoiceDao.SummaryRow invoice, YearMonth month, BillingAccount current) {
        BillingAccount account = new BillingAccount(invoice.wabaId(), invoice.accountName(),
                ZoneId.of(invoice.timeZone()), Currency.getInstance(invoice.currency()), invoice.markupPercent(),
                current.portfolioId());
        int digits = account.currency().getDefaultFractionDigits();
        ComputedInvoice[] computed = new ComputedInvoice[1];
        CsvOutput.write(file, HEADER, out -> computed[0] = perMessage.compute(account, month, null, p -> out.row(
                p.message().messageId(), Timestamps.format(p.message().deliveredAt()),
                InvoiceConversations.local(p.message().deliveredAt(), account.zone()), p.message().category().name(),
                p.type().metaName(), CsvOutput.text(p.message().market()), p.band(),
                Money.displayPrice(p.unitPrice(), digits).toPlainString(),
                Money.displayPrice(p.charge(), digits).toPlainString())));
        InvoiceConversations.refuseWhenChanged(invoices, account, month, computed[0], invoice.invoiceId(),
                "pricing records");
    }

}
