package com.wabilling.invoicing.tax;

/**
 * docs/invoice-documents.md 2: the VAT category of an invoice (UNCL5305 codes), decided by where the buyer
 * is, with the note and exemption reason code a document prints for the zero-rated ones.
 */
public enum VatCategory {
    /** Standard rate: the buyer is in the seller's country. */
    S("S", "", ""),
    /** Reverse charge: a business buyer in another EU member state, with a VAT id. */
    AE("AE", "Reverse charge", "VATEX-EU-AE"),
    /** Not subject to VAT: the buyer is outside the EU. */
    O("O", "Not subject to VAT", "VATEX-EU-O");

    private final String code;
    private final String note;
    private final String exemptionReasonCode;

    VatCategory(String code, String note, String exemptionReasonCode) {
        this.code = code;
        this.note = note;
        this.exemptionReasonCode = exemptionReasonCode;
    }

    public String code() {
        return code;
    }

    /** The note on the invoice ("Reverse charge"), empty for the standard rate. */
    public String note() {
        return note;
    }

    public String exemptionReasonCode() {
        return exemptionReasonCode;
    }
}
