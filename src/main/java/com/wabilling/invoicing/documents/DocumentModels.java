package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import com.wabilling.invoicing.InvoiceDao;
import com.wabilling.invoicing.InvoiceLine;
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
    static InvoiceDocument of(InvoiceDao.SummaryRow invoice, List<InvoiceLine> lines, boolean perMessage, Seller seller,
            Buyer buyer, Vat vat, LocalDate issueDate, BigDecimal eurRate, String referencedNumber) {
        ZoneId zone = ZoneId.of(invoice.timeZone());
        LocalDate first = LocalDate.ofInstant(invoice.periodStart(), zone);
        LocalDate last = LocalDate.ofInstant(invoice.periodEnd(), zone).minusDays(1);
        List<InvoiceDocument.Line> documentLines = lines.stream().sorted(InvoiceLine.ORDER)
                .map(l -> new InvoiceDocument.Line(l.category(), l.market(), l.band(), l.conversations(), l.free(),
                        l.billable(), l.unitPrice(), l.amount()))
                .toList();
        return new InvoiceDocument(invoice.invoiceId(), invoice.finalized() ? invoice.invoiceNumber() : null,
                invoice.kind().equals("ADJUSTMENT"), referencedNumber, issueDate,
                issueDate.plusDays(seller.paymentTermsDays()), first, last, invoice.timeZone(), seller, buyer,
                Currency.getInstance(invoice.currency()), perMessage ? "messages" : "conversations", documentLines,
                invoice.subtotal(), invoice.markup(), invoice.markupPercent(), vat, eurRate);
    }

    /** The VAT as recorded with the finalized invoice. */
    static Vat recorded(InvoiceDao.SummaryRow invoice) {
        InvoiceDao.StoredVat v = invoice.vat();
        return new Vat(VatCategory.valueOf(v.category()), v.ratePercent(), invoice.net(), v.amount(), v.gross());
    }
}
