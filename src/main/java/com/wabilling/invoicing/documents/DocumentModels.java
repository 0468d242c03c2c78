package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import com.wabilling.invoicing.Adjustments;
import com.wabilling.invoicing.CreditNoteVat;
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
     * @param billed for an adjustment, the lines billed before it ({@link #billedBefore}); empty for an invoice
     * @param issueDate the recorded invoice date, or for a draft the day it is printed
     * @param eurRate euros per unit on the issue date, null when not needed (a draft)
     * @param statedVatEur for a credit note, the VAT in euros it takes back ({@link #vatEurTakenBack}), else null
     */
    static InvoiceDocument of(InvoiceDao.SummaryRow invoice, List<InvoiceLine> lines, List<InvoiceLine> billed,
            boolean perMessage, Seller seller, Buyer buyer, Vat vat, LocalDate issueDate, BigDecimal eurRate,
            String referencedNumber, BigDecimal statedVatEur) {
        ZoneId zone = ZoneId.of(invoice.timeZone());
        LocalDate first = LocalDate.ofInstant(invoice.periodStart(), zone);
        LocalDate last = LocalDate.ofInstant(invoice.periodEnd(), zone).minusDays(1);
        return new InvoiceDocument(invoice.invoiceId(), invoice.finalized() ? invoice.invoiceNumber() : null,
                invoice.kind().equals("ADJUSTMENT"), referencedNumber, issueDate,
                issueDate.plusDays(seller.paymentTermsDays()), first, last, invoice.timeZone(), seller, buyer,
                Currency.getInstance(invoice.currency()), perMessage ? "messages" : "conversations", lines(lines),
                invoice.subtotal(), invoice.markup(), invoice.markupPercent(), vat, eurRate, lines(billed),
                correction(invoice), statedVatEur);
    }

    /** docs/billing-rules.md 4.5: a credit note, or the invoice that replaces a credited one (it references it). */
    static InvoiceDocument.Correction correction(InvoiceDao.SummaryRow invoice) {
        if (invoice.kind().equals(StoredInvoice.Kind.CREDIT_NOTE.name())) {
            return InvoiceDocument.Correction.CREDIT_NOTE;
        }
        return invoice.kind().equals(StoredInvoice.Kind.INVOICE.name()) && invoice.referencesInvoiceId() != null
                ? InvoiceDocument.Correction.REPLACEMENT : InvoiceDocument.Correction.NONE;
    }

    private static List<InvoiceDocument.Line> lines(List<InvoiceLine> lines) {
        return lines.stream().sorted(InvoiceLine.ORDER)
                .map(l -> new InvoiceDocument.Line(l.category(), l.market(), l.band(), l.quantity(), l.free(),
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
        String invoiceId = month.stream().filter(i -> i.invoiceId().equals(adjustmentId)).findFirst()
                .map(StoredInvoice::referencesInvoiceId).orElseThrow();
        // the invoice it adjusts and that invoice's adjustments before it: after a correction, the replacement's
        // (docs/billing-rules.md 4.5)
        return Adjustments.sum(month.stream().filter(StoredInvoice::isFinalized)
                .filter(i -> i.invoiceId().equals(invoiceId) || i.kind() == StoredInvoice.Kind.ADJUSTMENT
                        && invoiceId.equals(i.referencesInvoiceId()) && sequence(i.invoiceId()) < n)
                .map(StoredInvoice::lines).toList());
    }

    private static long sequence(String adjustmentId) {
        return Long.parseLong(adjustmentId.substring(adjustmentId.lastIndexOf('-') + 1));
    }

    /**
     * The VAT a credit note takes back (docs/billing-rules.md 4.5): recorded with it once finalized, else (a draft,
     * or credited documents whose VAT was recorded later) the negative of theirs.
     */
    static Vat creditNoteVat(InvoiceDao.SummaryRow creditNote, List<InvoiceDao.SummaryRow> month) {
        if (creditNote.vat() != null) {
            return recorded(creditNote);
        }
        List<InvoiceDao.SummaryRow> credited = CreditNoteVat.credited(creditNote, month);
        InvoiceDao.StoredVat v = CreditNoteVat.of(credited.stream().map(InvoiceDao.SummaryRow::vat).toList())
                .orElseThrow(() -> new IllegalStateException("the VAT of what it reverses ("
                        + credited.stream().map(InvoiceDao.SummaryRow::invoiceId).toList() + ") is not recorded yet"
                        + " (the buyer's country was missing when they were finalized)"));
        return new Vat(VatCategory.valueOf(v.category()), v.ratePercent(), creditNote.net(), v.amount(), v.gross());
    }

    /**
     * The VAT in euros a credit note takes back: the negative of what the Peppol files it reverses stated, as
     * recorded when they were written or read back from the file (so after exchange-rates.csv was corrected
     * too); only for a file that is gone, its VAT at the exchange rate of its invoice date.
     */
    static BigDecimal vatEurTakenBack(InvoiceDao.SummaryRow creditNote, List<InvoiceDao.SummaryRow> month,
            java.nio.file.Path dir, java.util.function.BiFunction<String, LocalDate, BigDecimal> eurRate) {
        return CreditNoteVat.credited(creditNote, month).stream()
                .map(r -> r.vatEur() != null ? r.vatEur() : StatedVatEur.read(dir.resolve(r.invoiceId() + ".xml"))
                        .orElseGet(() -> r.vat().amount().multiply(eurRate.apply(r.currency(), r.issueDate()))
                                .setScale(2, java.math.RoundingMode.HALF_UP)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
    }

    /** The VAT as recorded with the finalized invoice. */
    static Vat recorded(InvoiceDao.SummaryRow invoice) {
        InvoiceDao.StoredVat v = invoice.vat();
        return new Vat(VatCategory.valueOf(v.category()), v.ratePercent(), invoice.net(), v.amount(), v.gross());
    }
}
