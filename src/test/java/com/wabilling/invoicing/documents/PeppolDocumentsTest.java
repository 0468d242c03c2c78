package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Vat;

/**
 * docs/invoice-documents.md 3: every Peppol document validates with the maintained rule sets, and the
 * validator fails a broken one naming the rule. One validator for the class: its first use compiles the rules.
 */
class PeppolDocumentsTest {

    private static final PeppolDocuments PEPPOL = new PeppolDocuments();

    @Test
    void aDomesticEuroInvoiceValidates() {
        PeppolDocuments.Result result = PEPPOL.write(DocumentSamples.dutchInvoice("INV-000003"));

        assertThat(result.failedRules()).isEmpty();
        String xml = new String(result.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
                .contains("<cbc:PayableAmount currencyID=\"EUR\">3.88</cbc:PayableAmount>")
                .contains("<cbc:TaxAmount currencyID=\"EUR\">0.67</cbc:TaxAmount>")
                .contains("<cbc:ChargeTotalAmount currencyID=\"EUR\">0.29</cbc:ChargeTotalAmount>")
                // what was bought, in words; the counts are the quantity, not part of the name
                .contains("<cbc:Name>Marketing conversation, Germany</cbc:Name>")
                .doesNotContain("free)", "MARKETING");
    }

    @Test
    void itemNamesSayTheCategoryMarketAndVolumeBand() {
        PeppolDocuments.Result result = PEPPOL.write(DocumentSamples.busyPerMessageMonth());

        assertThat(result.failedRules()).isEmpty();
        assertThat(new String(result.xml(), StandardCharsets.UTF_8))
                .contains("<cbc:Name>Marketing message, Brazil</cbc:Name>")
                .contains("<cbc:Name>Referral conversion message, Brazil</cbc:Name>")
                .contains("<cbc:Name>Utility message, Brazil, volume band 1-100000</cbc:Name>")
                .contains("<cbc:Name>Utility message, Brazil, volume band 100001+</cbc:Name>")
                .contains("<cbc:InvoicedQuantity unitCode=\"C62\">1134567</cbc:InvoicedQuantity>");
    }

    @Test
    void aDollarCreditNoteForABuyerOutsideTheEuValidatesAndReferencesTheOriginal() {
        PeppolDocuments.Result result = PEPPOL.write(DocumentSamples.brazilianCreditNote());

        assertThat(result.failedRules()).isEmpty();
        String xml = new String(result.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<CreditNote").contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cbc:ID>INV-000001</cbc:ID>") // the corrected invoice
                .contains("<cbc:PayableAmount currencyID=\"USD\">0.08</cbc:PayableAmount>")
                .contains("<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>")
                .contains("VATEX-EU-O");
    }

    @Test
    void aReverseChargedInvoiceToABelgianBusinessInDollarsValidates() {
        Buyer belgian = new Buyer("102938475610009", "Chocolaterie Test NV", "Grote Markt 1", "Brussel", "1000", "BE",
                "BE0403170701", "0208:0403170701", "");
        InvoiceDocument dutch = DocumentSamples.dutchInvoice("INV-000004");
        Vat vat = Vat.of(new BigDecimal("3.21"), Currency.getInstance("USD"), "NL", "BE", belgian.vatId(),
                DocumentSamples.NL_21, dutch.issueDate());
        InvoiceDocument document = new InvoiceDocument(dutch.invoiceId(), dutch.number(), false, null,
                dutch.issueDate(), dutch.dueDate(), dutch.periodFirstDay(), dutch.periodLastDay(), dutch.timeZone(),
                dutch.seller(), belgian, Currency.getInstance("USD"), "messages", dutch.lines(), dutch.subtotal(),
                dutch.markup(), dutch.markupPercent(), vat, new BigDecimal("0.9167"));

        PeppolDocuments.Result result = PEPPOL.write(document);

        assertThat(result.failedRules()).isEmpty();
        assertThat(new String(result.xml(), StandardCharsets.UTF_8)).contains("VATEX-EU-AE", "Reverse charge")
                .contains("<cbc:BuyerReference>102938475610009</cbc:BuyerReference>"); // no reference: the WABA id
    }

    @Test
    void theValidatorFailsADocumentWhoseTotalsDoNotAddUpNamingTheRule() {
        InvoiceDocument good = DocumentSamples.dutchInvoice("INV-000005");
        // a line's amount changed behind the totals' back: 2.81 -> 2.91
        List<InvoiceDocument.Line> lines = List.of(new InvoiceDocument.Line("MARKETING", "Germany", "", 45, 0, 45,
                new BigDecimal("0.0625"), new BigDecimal("2.91")), good.lines().get(2));
        InvoiceDocument broken = new InvoiceDocument(good.invoiceId(), good.number(), false, null, good.issueDate(),
                good.dueDate(), good.periodFirstDay(), good.periodLastDay(), good.timeZone(), good.seller(), good.buyer(),
                good.currency(), good.quantityLabel(), lines, good.subtotal(), good.markup(), good.markupPercent(),
                good.vat(), good.eurRate());

        List<String> failures = PEPPOL.write(broken).failedRules();

        assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("BR-CO-10"))
                .anySatisfy(f -> assertThat(f).startsWith("PEPPOL-EN16931-R120"));
    }

    @Test
    void theValidatorFailsXmlThatIsNotAnInvoice() {
        List<String> failures = PEPPOL.validator().failures(
                "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>".getBytes(StandardCharsets.UTF_8));

        assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith("XSD"));
    }

    @Test
    void aDraftGetsNoPeppolDocument() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PEPPOL.write(DocumentSamples.dutchInvoice(null)))
                .hasMessageContaining("draft");
    }
}
