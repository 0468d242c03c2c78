package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.helger.ubl21.UBL21Marshaller;
import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.VatCategory;

import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AllowanceChargeReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CompanyIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * A Peppol BIS Billing 3.0 UBL 2.1 Invoice (380), or a CreditNote (381) that references the corrected
 * invoice's number, from an {@link InvoiceDocument}: the same amounts as the CSV books, the BSP's fee as
 * a document-level charge, VAT as decided ({@code Vat}), and the VAT total in EUR when the invoice is
 * in another currency. A credit note states the books' negative amounts as positive ones.
 */
final class PeppolUbl {

    static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** UN/ECE Rec 20 "one": a conversation or a message is one piece. */
    private static final String UNIT = "C62";

    private final InvoiceDocument d;
    private final BigDecimal sign;
    private final String currency;

    private PeppolUbl(InvoiceDocument document) {
        this.d = document;
        this.sign = document.creditNote() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        this.currency = document.currency().getCurrencyCode();
    }

    static byte[] xml(InvoiceDocument document) {
        if (document.draft()) {
            throw new IllegalArgumentException(document.invoiceId() + " is a draft: drafts get no Peppol document");
        }
        PeppolUbl ubl = new PeppolUbl(document);
        byte[] xml = document.creditNote() ? UBL21Marshaller.creditNote().setFormattedOutput(true).getAsBytes(ubl.creditNote())
                : UBL21Marshaller.invoice().setFormattedOutput(true).getAsBytes(ubl.invoice());
        if (xml == null) { // the marshaller checks the XSD and answers null, not an exception
            throw new IllegalStateException("the UBL document of " + document.invoiceId() + " breaks the UBL 2.1 schema");
        }
        return xml;
    }

    private InvoiceType invoice() {
        InvoiceType inv = new InvoiceType();
        inv.setCustomizationID(CUSTOMIZATION_ID);
        inv.setProfileID(PROFILE_ID);
        inv.setID(d.number());
        inv.setIssueDate(d.issueDate());
        inv.setDueDate(d.dueDate());
        inv.setInvoiceTypeCode("380");
        inv.addNote(new NoteType("WhatsApp Business Platform charges, " + d.invoiceId()));
        inv.setDocumentCurrencyCode(currency);
        if (!currency.equals("EUR")) {
            inv.setTaxCurrencyCode("EUR");
        }
        inv.setBuyerReference(buyerReference());
        inv.addInvoicePeriod(period());
        if (d.referencedNumber() != null) {
            inv.addBillingReference(billingReference());
        }
        inv.setAccountingSupplierParty(supplier());
        inv.setAccountingCustomerParty(customer());
        inv.addPaymentMeans(paymentMeans());
        inv.addPaymentTerms(paymentTerms());
        feeCharge().ifPresent(inv::addAllowanceCharge);
        taxTotals().forEach(inv::addTaxTotal);
        inv.setLegalMonetaryTotal(monetaryTotal());
        int n = 1;
        for (InvoiceDocument.Line l : d.lines()) {
            InvoiceLineType line = new InvoiceLineType();
            line.setID(Integer.toString(n++));
            line.setInvoicedQuantity(BigDecimal.valueOf(l.billable()).multiply(sign)).setUnitCode(UNIT);
            line.setLineExtensionAmount(money(l.amount())).setCurrencyID(currency);
            line.setItem(item(l));
            line.setPrice(price(l));
            inv.addInvoiceLine(line);
        }
        return inv;
    }

    private CreditNoteType creditNote() {
        CreditNoteType cn = new CreditNoteType();
        cn.setCustomizationID(CUSTOMIZATION_ID);
        cn.setProfileID(PROFILE_ID);
        cn.setID(d.number());
        cn.setIssueDate(d.issueDate());
        cn.setCreditNoteTypeCode("381");
        cn.addNote(new NoteType("Correction of WhatsApp Business Platform charges, " + d.invoiceId()));
        cn.setDocumentCurrencyCode(currency);
        if (!currency.equals("EUR")) {
            cn.setTaxCurrencyCode("EUR");
        }
        cn.setBuyerReference(buyerReference());
        cn.addInvoicePeriod(period());
        cn.addBillingReference(billingReference());
        cn.setAccountingSupplierParty(supplier());
        cn.setAccountingCustomerParty(customer());
        cn.addPaymentTerms(paymentTerms());
        feeCharge().ifPresent(cn::addAllowanceCharge);
        taxTotals().forEach(cn::addTaxTotal);
        cn.setLegalMonetaryTotal(monetaryTotal());
        int n = 1;
        for (InvoiceDocument.Line l : d.lines()) {
            CreditNoteLineType line = new CreditNoteLineType();
            line.setID(Integer.toString(n++));
            line.setCreditedQuantity(BigDecimal.valueOf(l.billable()).multiply(sign)).setUnitCode(UNIT);
            line.setLineExtensionAmount(money(l.amount())).setCurrencyID(currency);
            line.setItem(item(l));
            line.setPrice(price(l));
            cn.addCreditNoteLine(line);
        }
        return cn;
    }

    /** An amount of the books as this document states it (a credit note turns the sign). */
    private BigDecimal money(BigDecimal amount) {
        return amount.multiply(sign).setScale(d.currency().getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /** PEPPOL-EN16931-R003 needs a buyer reference; without one the WABA id identifies the account. */
    private String buyerReference() {
        return d.buyer().buyerReference().isEmpty() ? d.buyer().wabaId() : d.buyer().buyerReference();
    }

    private PeriodType period() {
        PeriodType p = new PeriodType();
        p.setStartDate(d.periodFirstDay());
        p.setEndDate(d.periodLastDay());
        return p;
    }

    private BillingReferenceType billingReference() {
        DocumentReferenceType invoice = new DocumentReferenceType();
        invoice.setID(d.referencedNumber());
        BillingReferenceType reference = new BillingReferenceType();
        reference.setInvoiceDocumentReference(invoice);
        return reference;
    }

    private static AddressType address(String street, String city, String postalCode, String country) {
        AddressType address = new AddressType();
        address.setStreetName(street);
        address.setCityName(city);
        address.setPostalZone(postalCode);
        CountryType c = new CountryType();
        c.setIdentificationCode(country);
        address.setCountry(c);
        return address;
    }

    private static PartyTaxSchemeType vatScheme(String vatId) {
        PartyTaxSchemeType scheme = new PartyTaxSchemeType();
        scheme.setCompanyID(vatId);
        scheme.setTaxScheme(vat());
        return scheme;
    }

    private static TaxSchemeType vat() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID("VAT");
        return scheme;
    }

    private static void endpoint(PartyType party, String schemeColonId) {
        int colon = schemeColonId.indexOf(':');
        EndpointIDType endpoint = party.setEndpointID(schemeColonId.substring(colon + 1));
        endpoint.setSchemeID(schemeColonId.substring(0, colon));
    }

    private SupplierPartyType supplier() {
        Seller s = d.seller();
        PartyType party = new PartyType();
        endpoint(party, s.peppolEndpoint());
        party.setPostalAddress(address(s.street(), s.city(), s.postalCode(), s.countryCode()));
        if (d.vat().category() != VatCategory.O) { // BR-O-02: no VAT ids on a document not subject to VAT
            party.addPartyTaxScheme(vatScheme(s.vatId()));
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(s.legalName());
        CompanyIDType registration = legal.setCompanyID(s.registrationId());
        if (s.countryCode().equals("NL")) {
            registration.setSchemeID("0106"); // NL-R-003: the Dutch chamber of commerce number
        }
        party.addPartyLegalEntity(legal);
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private CustomerPartyType customer() {
        Buyer b = d.buyer();
        PartyType party = new PartyType();
        endpoint(party, b.peppolEndpoint());
        party.setPostalAddress(address(b.street(), b.city(), b.postalCode(), b.countryCode()));
        if (d.vat().category() != VatCategory.O && !b.vatId().isEmpty()) {
            party.addPartyTaxScheme(vatScheme(b.vatId())); // BR-AE-02: required for reverse charge
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(b.legalName());
        party.addPartyLegalEntity(legal);
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private PaymentMeansType paymentMeans() {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode(currency.equals("EUR") ? "58" : "30"); // SEPA credit transfer, else credit transfer
        means.addPaymentID(new PaymentIDType(d.number()));
        FinancialAccountType account = new FinancialAccountType();
        account.setID(d.seller().iban());
        account.setName(d.seller().legalName());
        BranchType branch = new BranchType();
        branch.setID(d.seller().bic());
        account.setFinancialInstitutionBranch(branch);
        means.setPayeeFinancialAccount(account);
        return means;
    }

    private PaymentTermsType paymentTerms() {
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new NoteType("Payment within " + d.seller().paymentTermsDays() + " days"));
        return terms;
    }

    private TaxCategoryType taxCategory(boolean withExemption) {
        TaxCategoryType category = new TaxCategoryType();
        VatCategory c = d.vat().category();
        category.setID(c.code());
        if (c != VatCategory.O) { // BR-O-05..07: category O carries no rate at all
            category.setPercent(d.vat().ratePercent());
        }
        if (withExemption && !c.exemptionReasonCode().isEmpty()) {
            category.setTaxExemptionReasonCode(c.exemptionReasonCode());
            category.addTaxExemptionReason(new TaxExemptionReasonType(c.note()));
        }
        category.setTaxScheme(vat());
        return category;
    }

    /** The BSP's fee on Meta's cost: a charge, or in an adjustment that lowers it an allowance. */
    private java.util.Optional<AllowanceChargeType> feeCharge() {
        BigDecimal fee = money(d.markup());
        if (fee.signum() == 0) {
            return java.util.Optional.empty();
        }
        AllowanceChargeType charge = new AllowanceChargeType();
        charge.setChargeIndicator(fee.signum() > 0);
        charge.addAllowanceChargeReason(new AllowanceChargeReasonType(fee.signum() > 0 ? "Service fee"
                : "Service fee correction"));
        charge.setAmount(fee.abs()).setCurrencyID(currency);
        charge.addTaxCategory(taxCategory(false));
        return java.util.Optional.of(charge);
    }

    private List<TaxTotalType> taxTotals() {
        List<TaxTotalType> totals = new ArrayList<>();
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(money(d.vat().amount())).setCurrencyID(currency);
        TaxSubtotalType subtotal = new TaxSubtotalType();
        subtotal.setTaxableAmount(money(d.net())).setCurrencyID(currency);
        subtotal.setTaxAmount(money(d.vat().amount())).setCurrencyID(currency);
        subtotal.setTaxCategory(taxCategory(true));
        total.addTaxSubtotal(subtotal);
        totals.add(total);
        if (!currency.equals("EUR")) {
            // BT-111: the VAT total in EUR, a second TaxTotal without subtotals (PEPPOL-EN16931-R054)
            TaxTotalType eur = new TaxTotalType();
            eur.setTaxAmount(d.vatInEur().multiply(sign).setScale(2, RoundingMode.UNNECESSARY)).setCurrencyID("EUR");
            totals.add(eur);
        }
        return totals;
    }

    private MonetaryTotalType monetaryTotal() {
        MonetaryTotalType total = new MonetaryTotalType();
        BigDecimal fee = money(d.markup());
        total.setLineExtensionAmount(money(d.subtotal())).setCurrencyID(currency);
        total.setTaxExclusiveAmount(money(d.net())).setCurrencyID(currency);
        total.setTaxInclusiveAmount(money(d.gross())).setCurrencyID(currency);
        if (fee.signum() > 0) {
            total.setChargeTotalAmount(fee).setCurrencyID(currency);
        } else if (fee.signum() < 0) {
            total.setAllowanceTotalAmount(fee.abs()).setCurrencyID(currency);
        }
        total.setPayableAmount(money(d.gross())).setCurrencyID(currency);
        return total;
    }

    private ItemType item(InvoiceDocument.Line l) {
        ItemType item = new ItemType();
        // what was bought; how many (and how many were free) is the line's quantity, not its name
        String unit = d.quantityLabel().equals("messages") ? "message" : "conversation";
        if (l.isPlanLine()) {
            item.setName(l.categoryName()); // the BSP's own fee (docs/invoice-documents.md): no market, no band
        } else {
            item.setName(l.categoryName() + " " + unit + ", " + l.market()
                    + (l.pricingBand().isEmpty() ? "" : ", volume band " + l.pricingBand()));
        }
        item.addClassifiedTaxCategory(taxCategory(false));
        return item;
    }

    private PriceType price(InvoiceDocument.Line l) {
        PriceType price = new PriceType();
        BigDecimal unit = l.unitPrice().stripTrailingZeros();
        price.setPriceAmount(unit.scale() < 0 ? unit.setScale(0) : unit).setCurrencyID(currency);
        return price;
    }
}
