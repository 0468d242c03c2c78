package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.Vat;
import com.wabilling.invoicing.tax.VatCategory;
import com.wabilling.invoicing.tax.VatRates;

/** Invoice documents for the document tests, worked by hand. */
final class DocumentSamples {

    static final Seller SELLER = new Seller("Voorbeeld Messaging B.V.", "Keizersgracht 100", "Amsterdam", "1015 CV", "NL",
            "NL123456782B01", "12345678", "NL91ABNA0417164300", "ABNANL2A", "0106:12345678", 30);
    static final Buyer DUTCH_BUYER = new Buyer("102938475610002", "Kaashandel De Molen B.V.", "Damstraat 12", "Amsterdam",
            "1012 JL", "NL", "NL000099998B57", "0106:87654321", "MOLEN-2023");
    static final Buyer BRAZILIAN_BUYER = new Buyer("102938475610001", "Loja Aurora Comércio Ltda", "Rua Augusta 1500",
            "São Paulo", "01304-001", "BR", "", "0060:123456789", "");
    static final VatRates NL_21 = new VatRates(List.of(new VatRates.Row("NL", LocalDate.of(2012, 10, 1),
            new BigDecimal("21"))));

    private DocumentSamples() {
    }

    /**
     * 45 x 0.0625 = 2.8125 -> 2.81 and 3 x 0.0350 = 0.105 -> 0.11: subtotal 2.92; fee 10 % = 0.292 -> 0.29;
     * net 3.21; VAT 21 % = 0.6741 -> 0.67; gross 3.88.
     */
    static InvoiceDocument dutchInvoice(String number) {
        Currency eur = Currency.getInstance("EUR");
        Vat vat = Vat.of(new BigDecimal("3.21"), eur, "NL", "NL", DUTCH_BUYER.vatId(), NL_21, LocalDate.of(2023, 7, 3));
        return new InvoiceDocument("INV-102938475610002-2023-06", number, false, null, LocalDate.of(2023, 7, 3),
                LocalDate.of(2023, 8, 2), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), "Europe/Amsterdam",
                SELLER, DUTCH_BUYER, eur, "conversations",
                List.of(new InvoiceDocument.Line("MARKETING", "Germany", "", 45, 0, 45, new BigDecimal("0.0625"),
                                new BigDecimal("2.81")),
                        new InvoiceDocument.Line("SERVICE", "Germany", "", 10, 10, 0, new BigDecimal("0.0819"),
                                new BigDecimal("0.00")),
                        new InvoiceDocument.Line("UTILITY", "France", "", 3, 0, 3, new BigDecimal("0.0350"),
                                new BigDecimal("0.11"))),
                new BigDecimal("2.92"), new BigDecimal("0.29"), new BigDecimal("10"), vat, BigDecimal.ONE);
    }

    /**
     * The lines of {@link #dutchInvoice} for another buyer, not subject to VAT (the tests that use it
     * look at how names and addresses print, not at VAT).
     */
    static InvoiceDocument invoiceFor(Buyer buyer, String number) {
        InvoiceDocument d = dutchInvoice(number);
        Vat vat = new Vat(VatCategory.O, BigDecimal.ZERO, d.net(), new BigDecimal("0.00"), d.net());
        return new InvoiceDocument(d.invoiceId().replace(DUTCH_BUYER.wabaId(), buyer.wabaId()), number, false, null,
                d.issueDate(), d.dueDate(), d.periodFirstDay(), d.periodLastDay(), d.timeZone(), SELLER, buyer,
                d.currency(), d.quantityLabel(), d.lines(), d.subtotal(), d.markup(), d.markupPercent(), vat,
                BigDecimal.ONE);
    }

    /** A USD adjustment that gives 0.07 + fee 0.01 back to a Brazilian buyer: a credit note, not subject to VAT. */
    static InvoiceDocument brazilianCreditNote() {
        Currency usd = Currency.getInstance("USD");
        Vat vat = Vat.of(new BigDecimal("-0.08"), usd, "NL", "BR", "", NL_21, LocalDate.of(2023, 8, 1));
        return new InvoiceDocument("ADJ-102938475610001-2023-06-1", "INV-000007", true, "INV-000001",
                LocalDate.of(2023, 8, 1), LocalDate.of(2023, 8, 31), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30),
                "America/Sao_Paulo", SELLER, BRAZILIAN_BUYER, usd, "conversations",
                List.of(new InvoiceDocument.Line("MARKETING", "Brazil", "", -1, 0, -1, new BigDecimal("0.0625"),
                        new BigDecimal("-0.07"))),
                new BigDecimal("-0.07"), new BigDecimal("-0.01"), new BigDecimal("15"), vat, new BigDecimal("0.9167"));
    }
}
