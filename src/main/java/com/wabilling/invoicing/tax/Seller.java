package com.wabilling.invoicing.tax;

/**
 * The BSP as the seller on every invoice document (docs/invoice-documents.md 1), from seller.properties.
 *
 * @param peppolEndpoint {@code scheme:id}, e.g. {@code 0106:12345678}
 */
public record Seller(String legalName, String street, String city, String postalCode, String countryCode,
        String vatId, String registrationId, String iban, String bic, String peppolEndpoint, int paymentTermsDays) {
}
