package com.wabilling.invoicing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.TaxReference;
import com.wabilling.invoicing.tax.Vat;
import com.wabilling.invoicing.tax.VatRates;
import com.wabilling.pricing.ReferenceFiles;

/**
 * The VAT of stored invoices (docs/invoice-documents.md 2) for the CSV books: recorded once for a finalized
 * invoice, at its invoice date, as soon as the account has a buyer country; computed on the fly for a
 * draft. Without seller.properties and vat-rates.csv, or without the buyer's country, there is none
 * and the books stay as before (documents are then refused, naming what is missing).
 */
public class InvoiceVat {

    private final Seller seller;
    private final Map<String, Buyer> buyers;
    private final VatRates rates;

    /** From {@code files}, a job's snapshot of the reference folder. */
    public InvoiceVat(ReferenceFiles files) {
        Path referenceDir = files.directory();
        boolean configured = Files.isRegularFile(referenceDir.resolve("seller.properties"))
                && Files.isRegularFile(referenceDir.resolve("vat-rates.csv"));
        TaxReference reference = new TaxReference(files);
        Seller s = null;
        Map<String, Buyer> b = Map.of();
        VatRates r = null;
        if (configured) {
            try {
                s = reference.seller();
                b = reference.buyers();
                r = reference.vatRates();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // a broken seller.properties, buyer cell or vat-rates.csv never holds up the books or their
                // finalization (docs/invoice-documents.md 1): no VAT yet; the documents step names the problem
                s = null;
                b = Map.of();
                r = null;
            }
        }
        this.seller = s;
        this.buyers = b;
        this.rates = r;
    }

    /** The VAT of an invoice at a date, when it can be computed without a refusal. */
    public Optional<Vat> of(InvoiceDao.SummaryRow invoice, LocalDate date) {
        Buyer buyer = buyers.get(invoice.wabaId());
        if (seller == null || buyer == null || !buyer.hasCountry()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Vat.of(invoice.net(), Currency.getInstance(invoice.currency()), seller.countryCode(),
                    buyer.countryCode(), buyer.vatId(), rates, date));
        } catch (Vat.RefusedException e) {
            return Optional.empty(); // the documents step names the reason
        }
    }

    /**
     * Records the VAT of the month's finalized invoices that have none yet; a credit note's is the negative of
     * what its invoice and adjustments recorded, once they all have theirs ({@link CreditNoteVat}).
     */
    public void freeze(InvoiceDao invoices, YearMonth month) {
        List<InvoiceDao.SummaryRow> rows = invoices.summary(month);
        for (InvoiceDao.SummaryRow r : rows) {
            if (r.finalized() && r.vat() == null && r.issueDate() != null) {
                if (r.kind().equals(StoredInvoice.Kind.CREDIT_NOTE.name())) {
                    creditNote(r, rows).ifPresent(v -> invoices.recordVat(r.invoiceId(), v));
                } else {
                    of(r, r.issueDate()).ifPresent(v -> invoices.recordVat(r.invoiceId(), stored(v)));
                }
            }
        }
    }

    /**
     * For summary.csv: the recorded VAT, or for a draft the VAT it would have today (a draft credit note: the
     * VAT it takes back). {@code month}: the month's rows, which hold what a credit note reverses.
     */
    public Optional<InvoiceDao.StoredVat> forBooks(InvoiceDao.SummaryRow invoice, List<InvoiceDao.SummaryRow> month,
            LocalDate today) {
        if (invoice.vat() != null) {
            return Optional.of(invoice.vat());
        }
        if (invoice.finalized()) {
            return Optional.empty();
        }
        if (invoice.kind().equals(StoredInvoice.Kind.CREDIT_NOTE.name())) {
            return creditNote(invoice, month);
        }
        return of(invoice, today).map(InvoiceVat::stored);
    }

    /** Empty when the credited documents lack VAT or differ in rate (the correction refuses the latter). */
    private static Optional<InvoiceDao.StoredVat> creditNote(InvoiceDao.SummaryRow creditNote,
            List<InvoiceDao.SummaryRow> month) {
        try {
            return CreditNoteVat.of(CreditNoteVat.credited(creditNote, month).stream().map(InvoiceDao.SummaryRow::vat)
                    .toList());
        } catch (IllegalStateException e) {
            return Optional.empty(); // the documents step names it
        }
    }

    public static InvoiceDao.StoredVat stored(Vat vat) {
        return new InvoiceDao.StoredVat(vat.category().code(), vat.ratePercent(), vat.amount(), vat.gross());
    }
}
