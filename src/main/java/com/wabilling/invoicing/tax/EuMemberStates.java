package com.wabilling.invoicing.tax;

import java.util.Set;

/**
 * The EU member states by ISO 3166-1 alpha-2 code (Greece as GR; its VAT ids start with EL), for the
 * place-of-supply rules of docs/invoice-documents.md 2.
 */
public final class EuMemberStates {

    private static final Set<String> CODES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private EuMemberStates() {
    }

    public static boolean contains(String countryCode) {
        return CODES.contains(countryCode);
    }
}
