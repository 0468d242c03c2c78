package com.wabilling.invoicing.documents;

import java.util.List;

/**
 * The Peppol BIS 3 UBL document of a finalized invoice (docs/invoice-documents.md 3): built, then validated;
 * a document that fails is returned with its failed rules and must not be written.
 */
public class PeppolDocuments {

    /** The document and the rules it fails (empty when it validates). */
    public record Result(byte[] xml, List<String> failedRules) {
    }

    private final PeppolValidator validator = new PeppolValidator();

    public Result write(InvoiceDocument document) {
        byte[] xml = PeppolUbl.xml(document);
        return new Result(xml, validator.failures(xml));
    }

    public PeppolValidator validator() {
        return validator;
    }
}
