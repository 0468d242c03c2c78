package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.Vat;

/**
 * Everything a client's document shows of one invoice (invoice-documents.md 3), the same numbers as the
 * CSV books: the PDF and the UBL file are both rendered from it.
 *
 * @param number null for a draft (drafts are unnumbered, marked DRAFT, and get no UBL file)
 * @param referencedNumber the number of the invoice an adjustment corrects, else null
 * @param periodFirstDay the first local day of the billing month, {@code periodLastDay} its last
 * @param quantityLabel "conversations" or "messages"
 * @param subtotal the lines' total (Meta's cost); {@code markup} the BSP's service fee on it
 * @param eurRate euros per unit of the currency on the issue date (1 for EUR); null for a draft
 */
public record InvoiceDocument(String invoiceId, String number, boolean adjustment, String referencedNumber,
        LocalDate issueDate, LocalDate dueDate, LocalDate periodFirstDay, LocalDate periodLastDay, String timeZone,
        Seller seller, Buyer buyer, Currency currency, String quantityLabel, List<Line> lines, BigDecimal subtotal,
        BigDecimal markup, BigDecimal markupPercent, Vat vat, BigDecimal eurRate) {

    /** One invoice line as the books have it ({@code pricingBand}: "band" is an OGNL operator). */
    public record Line(String category, String market, String pricingBand, long quantity, long free, long billable,
            BigDecimal unitPrice, BigDecimal amount) {
    }

    public boolean draft() {
        return number == null;
    }

    /** A negative gross (an adjustment that gives money back) is a credit note (invoice-documents.md 3). */
    public boolean creditNote() {
        return vat.gross().signum() < 0;
    }

    public BigDecimal net() {
        return vat.net();
    }

    public BigDecimal gross() {
        return vat.gross();
    }
}
