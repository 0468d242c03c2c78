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
    static final Buyer POLISH_BUYER = new Buyer("102938475610006", "Kwiaciarnia Łąka Sp. z o.o.",
            "ul. Żółkiewskiego 12", "Łódź", "90-001", "PL", "PL7251801126", "9945:PL7251801126", "ŁĄKA-WA");
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
                new BigDecimal("-0.07"), new BigDecimal("-0.01"), new BigDecimal("15"), vat, new BigDecimal("0.9167"),
                // billed before: 46 x 0.0625 = 2.875 -> 2.88; after: 45 x 0.0625 = 2.8125 -> 2.81
                List.of(new InvoiceDocument.Line("MARKETING", "Brazil", "", 46, 0, 46, new BigDecimal("0.0625"),
                        new BigDecimal("2.88"))));
    }

    /**
     * A correction of {@link #dutchInvoice}: two more German marketing conversations, 45 -> 47 x 0.0625 =
     * 2.9375 -> 2.94, +0.13; fee +0.01; net 0.14; VAT 21 % = 0.0294 -> 0.03; gross 0.17.
     */
    static InvoiceDocument dutchCorrection() {
        InvoiceDocument billed = dutchInvoice("WA-000003");
        Vat vat = Vat.of(new BigDecimal("0.14"), billed.currency(), "NL", "NL", DUTCH_BUYER.vatId(), NL_21,
                LocalDate.of(2023, 8, 1));
        return new InvoiceDocument("ADJ-102938475610002-2023-06-1", "WA-000009", true, "WA-000003",
                LocalDate.of(2023, 8, 1), LocalDate.of(2023, 8, 31), billed.periodFirstDay(), billed.periodLastDay(),
                billed.timeZone(), SELLER, DUTCH_BUYER, billed.currency(), "conversations",
                List.of(new InvoiceDocument.Line("MARKETING", "Germany", "", 2, 0, 2, new BigDecimal("0.0625"),
                        new BigDecimal("0.13"))),
                new BigDecimal("0.13"), new BigDecimal("0.01"), new BigDecimal("10"), vat, BigDecimal.ONE, billed.lines());
    }

    /**
     * A busy per-message month in Brazil, not subject to VAT: utility messages in two volume bands
     * (100,000 x 0.0080 = 800.00; 1,134,567 x 0.0068 = 7,715.0556 -> 7,715.06), 1,234,567 marketing
     * messages x 0.0625 = 77,160.4375 -> 77,160.44 and 2,500 free referral conversions: subtotal 85,675.50,
     * fee 10 % = 8,567.55, net and gross 94,243.05.
     */
    static InvoiceDocument busyPerMessageMonth() {
        Currency usd = Currency.getInstance("USD");
        Vat vat = new Vat(VatCategory.O, BigDecimal.ZERO, new BigDecimal("94243.05"), new BigDecimal("0.00"),
                new BigDecimal("94243.05"));
        return new InvoiceDocument("INV-102938475610001-2025-08", "WA-000120", false, null, LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 10, 1), LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 31), "America/Sao_Paulo",
                SELLER, BRAZILIAN_BUYER, usd, "messages",
                List.of(new InvoiceDocument.Line("MARKETING", "Brazil", "", 1_234_567, 0, 1_234_567,
                                new BigDecimal("0.0625"), new BigDecimal("77160.44")),
                        new InvoiceDocument.Line("REFERRAL_CONVERSION", "Brazil", "", 2_500, 2_500, 0, BigDecimal.ZERO,
                                new BigDecimal("0.00")),
                        new InvoiceDocument.Line("UTILITY", "Brazil", "1-100000", 100_000, 0, 100_000,
                                new BigDecimal("0.0080"), new BigDecimal("800.00")),
                        new InvoiceDocument.Line("UTILITY", "Brazil", "100001+", 1_134_567, 0, 1_134_567,
                                new BigDecimal("0.0068"), new BigDecimal("7715.06"))),
                new BigDecimal("85675.50"), new BigDecimal("8567.55"), new BigDecimal("10"), vat, new BigDecimal("0.9167"));
    }

    /**
     * The README's picture (docs/invoice-example.png): a Polish flower shop's finalized October 2026, billed
     * per message in euros under reverse charge. 12,480 x 0.0430 = 536.64; 8,350 x 0.0200 = 167.00;
     * 4,210 x 0.0250 = 105.25; service and referral messages free: subtotal 808.89, fee 10 % = 80.889 ->
     * 80.89, net and gross 889.78 (rates illustrative).
     */
    static InvoiceDocument polishInvoice() {
        Currency eur = Currency.getInstance("EUR");
        Vat vat = Vat.of(new BigDecimal("889.78"), eur, "NL", "PL", POLISH_BUYER.vatId(), NL_21,
                LocalDate.of(2026, 11, 2));
        return new InvoiceDocument("INV-102938475610006-2026-10", "WA-000031", false, null, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "Europe/Warsaw",
                SELLER, POLISH_BUYER, eur, "messages",
                List.of(new InvoiceDocument.Line("AUTHENTICATION", "Poland", "1-100000", 4_210, 0, 4_210,
                                new BigDecimal("0.0250"), new BigDecimal("105.25")),
                        new InvoiceDocument.Line("MARKETING", "Poland", "", 12_480, 0, 12_480, new BigDecimal("0.0430"),
                                new BigDecimal("536.64")),
                        new InvoiceDocument.Line("REFERRAL_CONVERSION", "Poland", "", 312, 312, 0, BigDecimal.ZERO,
                                new BigDecimal("0.00")),
                        new InvoiceDocument.Line("SERVICE", "Poland", "", 2_940, 2_940, 0, new BigDecimal("0.0200"),
                                new BigDecimal("0.00")),
                        new InvoiceDocument.Line("UTILITY", "Poland", "1-100000", 8_350, 0, 8_350,
                                new BigDecimal("0.0200"), new BigDecimal("167.00"))),
                new BigDecimal("808.89"), new BigDecimal("80.89"), new BigDecimal("10"), vat, BigDecimal.ONE);
    }
}
