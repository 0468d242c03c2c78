package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import com.wabilling.invoicing.Adjustments;
import com.wabilling.invoicing.InvoiceDao;
import com.wabilling.invoicing.InvoiceLine;
import com.wabilling.invoicing.StoredInvoice;
import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.Vat;
import com.wabilling.invoicing.tax.VatCategory;

/** Builds the document of a stored invoice from the CSV books' own numbers (summary row and lines). */
final class DocumentModels {

    private DocumentModels() {
    }

    /**
     * @param issueDate the recorded invoice date, or for a draft the day it is printed
     * @param eurRate euros per unit on the issue date, null when not needed (a draft)
     */
    /**
     * @param billed for an adjustment, the lines billed before it ({@link #billedBefore}); empty for an invoice
     * @param issueDate the recorded invoice date, or for a draft the day it is printed
     * @param eurRate euros per unit on the issue date, null when not needed (a draft)
     */
    static InvoiceDocument of(InvoiceDao.SummaryRow invoice, List<InvoiceLine> lines, List<InvoiceLine> billed,
            boolean perMessage, Seller seller, Buyer buyer, Vat vat, LocalDate issueDate, BigDecimal eurRate,
            String referencedNumber) {
        ZoneId zone = ZoneId.of(invoice.timeZone());
        LocalDate first = LocalDate.ofInstant(invoice.periodStart(), zone);
        LocalDate last = LocalDate.ofInstant(invoice.periodEnd(), zone).minusDays(1);
        return new InvoiceDocument(invoice.invoiceId(), invoice.finalized() ? invoice.invoiceNumber() : null,
                invoice.kind().equals("ADJUSTMENT"), referencedNumber, issueDate,
                issueDate.plusDays(seller.paymentTermsDays()), first, last, invoice.timeZone(), seller, buyer,
                Currency.getInstance(invoice.currency()), perMessage ? "messages" : "conversations", lines(lines),
                invoice.subtotal(), invoice.markup(), invoice.markupPercent(), vat, eurRate, lines(billed));
    }

    private static List<InvoiceDocument.Line> lines(List<InvoiceLine> lines) {
        return lines.stream().sorted(InvoiceLine.ORDER)
                .map(l -> new InvoiceDocument.Line(l.category(), l.market(), l.band(), l.conversations(), l.free(),
                        l.billable(), l.unitPrice(), l.amount()))
                .toList();
    }

    /**
     * What was billed before an adjustment (docs/billing-rules.md 4.5): the finalized invoice and the adjustments
     * finalized before it, added up. Adjustments are numbered in the order they are made
     * (ADJ-waba-month-n, InvoicePlan), so those before it have a lower n; a draft adjustment comes after
     * every finalized one. The stored lines hold only the signed differences, so this is how a document
     * shows each changed line before and after without storing more.
     */
    static List<InvoiceLine> billedBefore(String adjustmentId, List<StoredInvoice> month) {
        long n = sequence(adjustmentId);
        return Adjustments.sum(month.stream().filter(StoredInvoice::isFinalized)
                .filter(i -> i.kind() == StoredInvoice.Kind.INVOICE || sequence(i.invoiceId()) < n)
                .map(StoredInvoice::lines).toList());
    }

    private static long sequence(String adjustmentId) {
        return Long.parseLong(adjustmentId.substring(adjustmentId.lastIndexOf('-') + 1));
    }

    /** The VAT as recorded with the finalized invoice. */
    static Vat recorded(InvoiceDao.SummaryRow invoice) {
        InvoiceDao.StoredVat v = invoice.vat();
        return new Vat(VatCategory.valueOf(v.category()), v.ratePercent(), invoice.net(), v.amount(), v.gross());
    }
}
