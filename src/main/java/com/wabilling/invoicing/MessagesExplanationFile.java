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
public class MessagesExplanationFile {

    static final String[] HEADER = {"message_id", "delivered_at", "delivered_at_local", "category", "pricing_type",
        "market", "band", "unit_price", "amount"};

    private final InvoiceDao invoices;
    private final PerMessageMonth perMessage;

    public MessagesExplanationFile(InvoiceDao invoices, PerMessageMonth perMessage) {
        this.invoices = invoices;
        this.perMessage = perMessage;
    }

    /**
     * As {@link ConversationsExplanationFile#write}: refuses when the records no longer give the stored lines. An
     * explanation staged by this job execution's own computation of the lines ({@link #stage}) is moved into
     * place instead of pricing the month a second time; one staged by a failed execution is not trusted
     * (records or reference files may have changed before the resume), so the month is priced again and
     * checked.
     */
    public void write(Path file, InvoiceDao.SummaryRow invoice, YearMonth month, BillingAccount current,
            long executionId) {
        Path staged = staged(file.getParent(), invoice.wabaId(), executionId);
        if (java.nio.file.Files.isRegularFile(staged)) {
            try {
                java.nio.file.Files.move(staged, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot move " + staged + " to " + file, e);
            }
        }
        BillingAccount account = new BillingAccount(invoice.wabaId(), invoice.accountName(),
                ZoneId.of(invoice.timeZone()), Currency.getInstance(invoice.currency()), invoice.markupPercent(),
                current.portfolioId());
        ComputedInvoice[] computed = new ComputedInvoice[1];
        CsvOutput.write(file, HEADER, out -> computed[0] = perMessage.compute(account, month, null, row(out, account)));
        ConversationsExplanationFile.refuseWhenChanged(invoices, account, month, computed[0], invoice.invoiceId(),
                "pricing records");
    }

    /**
     * Prices the account's month once, for the invoice and its explanation together: the rows go to a
     * staged file beside the books, which the books step moves into place for the invoice this run
     * computed (a rolled-back chunk prices the account again and stages it again).
     */
    public ComputedInvoice stage(Path dir, BillingAccount account, YearMonth month, long executionId) {
        ComputedInvoice[] computed = new ComputedInvoice[1];
        CsvOutput.write(staged(dir, account.wabaId(), executionId), HEADER,
                out -> computed[0] = perMessage.compute(account, month, null, row(out, account)));
        return computed[0];
    }

    /** Deletes what is left staged in the month's folder: explanations of invoices a run left as they were. */
    static void dropStaged(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("\\.messages-\\d+-\\d+\\.staged\\.csv"))
                    .toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no books written for the month: nothing staged either
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the staged explanations in " + dir, e);
        }
    }

    /** Hidden, so that nobody takes it for a book; one per account, month folder and job execution. */
    static Path staged(Path dir, String wabaId, long executionId) {
        return dir.resolve(".messages-" + wabaId + "-" + executionId + ".staged.csv");
    }

    private static java.util.function.Consumer<PerMessageInvoiceCalculator.Priced> row(CsvOutput out,
            BillingAccount account) {
        int digits = account.currency().getDefaultFractionDigits();
        return p -> out.row(p.message().messageId(), Timestamps.format(p.message().deliveredAt()),
                ConversationsExplanationFile.local(p.message().deliveredAt(), account.zone()), p.message().category().name(),
                p.type().metaName(), CsvOutput.text(p.message().market()), p.band(),
                Money.displayPrice(p.unitPrice(), digits).toPlainString(),
                Money.displayPrice(p.charge(), digits).toPlainString());
    }

}
