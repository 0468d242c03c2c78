package com.wabilling.invoicing.tax;

import java.util.ArrayList;
import java.util.List;

/**
 * An account as the buyer on its invoice documents (docs/invoice-documents.md 1): the optional columns of
 * accounts.csv, any of them possibly empty. An account without them still gets its CSV books.
 */
public record Buyer(String wabaId, String legalName, String street, String city, String postalCode,
        String countryCode, String vatId, String peppolEndpoint, String buyerReference) {

    /** The columns a PDF needs that are empty, by their accounts.csv names. */
    public List<String> missingForPdf() {
        List<String> missing = new ArrayList<>();
        add(missing, "legal_name", legalName);
        add(missing, "street", street);
        add(missing, "city", city);
        add(missing, "postal_code", postalCode);
        add(missing, "country_code", countryCode);
        return missing;
    }

    /** A Peppol document also needs the buyer's electronic address. */
    public List<String> missingForPeppol() {
        List<String> missing = missingForPdf();
        add(missing, "peppol_endpoint", peppolEndpoint);
        return missing;
    }

    public boolean hasCountry() {
        return !countryCode.isEmpty();
    }

    private static void add(List<String> missing, String column, String value) {
        if (value.isBlank()) {
            missing.add(column);
        }
    }
}
