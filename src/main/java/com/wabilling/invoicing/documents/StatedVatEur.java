package com.wabilling.invoicing.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VAT in euros a written Peppol file states (BT-111, the TaxTotal in EUR of a document in another currency,
 * docs/invoice-documents.md 4), in the books' sign: a CreditNote states the books' negative amounts as positive
 * ones. A credit note takes it back (docs/billing-rules.md 4.5); the file is the record when the column that
 * holds it was not filled (a file written before schema version 10, or by a run that failed afterwards).
 */
final class StatedVatEur {

    private static final Pattern EUR_TAX = Pattern.compile("<cbc:TaxAmount currencyID=\"EUR\">(-?[0-9.]+)</cbc:TaxAmount>");

    private StatedVatEur() {
    }

    static Optional<BigDecimal> read(Path ublFile) {
        if (!Files.isRegularFile(ublFile)) {
            return Optional.empty();
        }
        String xml;
        try {
            xml = Files.readString(ublFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ublFile, e);
        }
        Matcher m = EUR_TAX.matcher(xml);
        if (!m.find()) {
            return Optional.empty();
        }
        BigDecimal stated = new BigDecimal(m.group(1));
        return Optional.of(xml.contains("<CreditNote") ? stated.negate() : stated);
    }
}
