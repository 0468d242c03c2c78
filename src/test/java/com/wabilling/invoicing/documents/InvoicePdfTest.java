package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF of an invoice, read back with PDFBox (docs/invoice-documents.md 3). */
class InvoicePdfTest {

    @TempDir
    Path reference;

    @Test
    void aFinalizedInvoiceShowsThePartiesLinesFeeVatAndTotals() throws IOException {
        String text = text(new InvoicePdf(reference).render(DocumentSamples.dutchInvoice("INV-000003")));

        assertThat(text).contains("Invoice", "INV-000003", "2023-07-03", "2023-06-01 to 2023-06-30 (Europe/Amsterdam)")
                .contains("Voorbeeld Messaging B.V.", "NL123456782B01", "Kaashandel De Molen B.V.", "NL000099998B57")
                .contains("Marketing Germany 45 0 45 0.0625 2.81", "Utility France 3 0 3 0.035 0.11")
                .contains("WhatsApp charges (Meta) 2.92", "Service fee (10 %) 0.29", "Net 3.21", "VAT 21 % 0.67",
                        "Total EUR 3.88")
                .contains("NL91ABNA0417164300").doesNotContain("DRAFT", "MARKETING", "VAT S")
                // conversation pricing has no volume bands: no word about them
                .doesNotContain("volume tier");
    }

    @Test
    void theQuantityColumnIsHeadedByWhatItCountsAndQuantityOncePlanLinesCountNumbersAndMessages() throws IOException {
        InvoiceDocument meta = DocumentSamples.dutchInvoice("INV-000003");
        java.util.List<InvoiceDocument.Line> withPlan = new java.util.ArrayList<>(meta.lines());
        withPlan.add(new InvoiceDocument.Line("LICENCE", "", "", 2, 0, 2, new BigDecimal("18.00"), new BigDecimal("36.00")));
        InvoiceDocument plan = new InvoiceDocument(meta.invoiceId(), meta.number(), false, null, meta.issueDate(),
                meta.dueDate(), meta.periodFirstDay(), meta.periodLastDay(), meta.timeZone(), meta.seller(),
                meta.buyer(), meta.currency(), meta.quantityLabel(), withPlan, meta.subtotal(), meta.markup(),
                meta.markupPercent(), meta.vat(), BigDecimal.ONE);

        assertThat(text(new InvoicePdf(reference).render(meta))).contains("Category Market Band Conversations Free")
                .doesNotContain("Quantity");
        assertThat(text(new InvoicePdf(reference).render(plan))).contains("Category Market Band Quantity Free")
                .contains("Licence per phone number 2 0 2 18.00 36.00").doesNotContain("Conversations");
    }

    @Test
    void aDraftIsMarkedAndUnnumbered() throws IOException {
        String text = text(new InvoicePdf(reference).render(DocumentSamples.dutchInvoice(null)));

        assertThat(text).contains("DRAFT (not numbered)").doesNotContain("INV-000");
    }

    @Test
    void aCreditNoteNamesTheInvoiceItCorrectsAndTheVatNote() throws IOException {
        String text = text(new InvoicePdf(reference).render(DocumentSamples.brazilianCreditNote()));

        assertThat(text).contains("Credit note", "CORRECTS INVOICE INV-000001", "Loja Aurora Comércio Ltda", "São Paulo")
                .contains("Total USD -0.08", "Not subject to VAT")
                // the changed line before and after, not "-1 x 0.0625"
                .contains("Marketing Brazil 0.0625 46 2.88 45 2.81 -0.07");
    }

    @Test
    void aCorrectionThatAddsChargesIsACorrectiveInvoiceShowingEachLineBeforeAndAfter() throws IOException {
        String text = text(new InvoicePdf(reference).render(DocumentSamples.dutchCorrection()));

        assertThat(text).contains("Corrective invoice", "CORRECTS INVOICE WA-000003")
                .contains("Category Market Band Unit price (EUR) Before After Change (EUR)",
                        "Conversations Amount Conversations Amount")
                .contains("Marketing Germany 0.0625 45 2.81 47 2.94 0.13")
                .contains("WhatsApp charges (Meta) 0.13", "VAT 21 % 0.03", "Total EUR 0.17")
                .doesNotContain("Credit note", "Utility"); // unchanged lines are not repeated
    }

    @Test
    void bigNumbersHaveThousandsSeparatorsAndBandsTheirFootnote() throws IOException {
        String text = text(new InvoicePdf(reference).render(DocumentSamples.busyPerMessageMonth()));

        assertThat(text).contains("Marketing Brazil 1,234,567 0 1,234,567 0.0625 77,160.44")
                .contains("Referral conversion Brazil 2,500 2,500 0 0.00 0.00")
                .contains("Utility Brazil 1–100,000 100,000 0 100,000 0.008 800.00")
                .contains("Utility Brazil 100,001+ 1,134,567 0 1,134,567 0.0068 7,715.06")
                .contains("WhatsApp charges (Meta) 85,675.50", "Service fee (10 %) 8,567.55", "Total USD 94,243.05")
                .contains("Rates from volume tiers (the Band column)");
    }

    @Test
    void theSameInvoiceAlwaysRendersToTheSameBytes() throws IOException {
        InvoicePdf pdf = new InvoicePdf(reference);
        byte[] first = pdf.render(DocumentSamples.dutchInvoice("INV-000003"));
        byte[] again = new InvoicePdf(reference).render(DocumentSamples.dutchInvoice("INV-000003"));

        assertThat(sha256(again)).isEqualTo(sha256(first));
        try (PDDocument document = Loader.loadPDF(first); PDDocument draft = Loader.loadPDF(
                pdf.render(DocumentSamples.dutchInvoice(null)))) {
            // dated by the invoice date, identified by the invoice (docs/invoice-documents.md 3)
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(java.time.Instant.parse("2023-07-03T00:00:00Z"));
            assertThat(document.getDocument().getDocumentID().toString())
                    .isNotEqualTo(draft.getDocument().getDocumentID().toString());
        }
    }

    /** Also leaves the PDF in target/ for jobs/tools/invoice-picture (docs/invoice-documents.md 3). */
    @Test
    void aPolishBuyersFinalizedInvoiceAsTheReadmeShowsIt() throws IOException {
        byte[] pdf = new InvoicePdf(reference).render(DocumentSamples.polishInvoice());
        Files.write(Files.createDirectories(Path.of("target")).resolve("invoice-example.pdf"), pdf);

        assertThat(text(pdf)).contains("Kwiaciarnia Łąka Sp. z o.o.", "ul. Żółkiewskiego 12", "90-001 Łódź, PL")
                .contains("Marketing Poland 12,480 0 12,480 0.043 536.64", "Utility Poland 1–100,000 8,350 0 8,350")
                .contains("Net 889.78", "VAT 0 % 0.00", "Total EUR 889.78", "Reverse charge", "Rates from volume tiers");
    }

    @Test
    void aTemplateInTheReferenceDirectoryRestylesIt() throws IOException {
        Files.writeString(reference.resolve(InvoicePdf.OVERRIDE), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org"><body>
                <p th:text="'Rechnung ' + ${doc.number()} + ' brutto ' + ${money.amount(doc.gross())}">x</p></body></html>
                """);

        String text = text(new InvoicePdf(reference).render(DocumentSamples.dutchInvoice("INV-000003")));

        assertThat(text.strip()).isEqualTo("Rechnung INV-000003 brutto 3.88");
    }

    static String sha256(byte[] bytes) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(bytes);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
