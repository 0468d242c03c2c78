package com.wabilling.invoicing.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation2025_11;
import com.helger.phive.peppol.PeppolValidationBisEurope;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.xml.serialize.read.DOMReader;

/**
 * Validates a UBL Invoice or CreditNote with the maintained OpenPeppol BIS Billing 3 rule set (phive,
 * release 2025.11): the UBL XSD, then the CEN EN 16931 rules (BR-*), then Peppol's own
 * (PEPPOL-EN16931-*, PEPPOL-COMMON-*, NL-R-*). Registering is cheap; the first validation in a JVM
 * compiles the rules (seconds), later ones take milliseconds, so one instance serves a run.
 */
public final class PeppolValidator {

    private static final DVRCoordinate INVOICE = PeppolValidation2025_11.VID_OPENPEPPOL_INVOICE_UBL_V3;
    private static final DVRCoordinate CREDIT_NOTE = PeppolValidation2025_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3;

    private final ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();

    public PeppolValidator() {
        EN16931Validation.initEN16931(registry); // Peppol's sets refuse to register without EN 16931's
        PeppolValidationBisEurope.init(registry);
    }

    /** The failed rules (id and text; an XSD error has no id and hides the later layers); empty when valid. */
    public List<String> failures(byte[] xml) {
        Document document = DOMReader.readXMLDOM(xml);
        if (document == null) {
            return List.of("not well-formed XML");
        }
        DVRCoordinate set = "CreditNote".equals(document.getDocumentElement().getLocalName()) ? CREDIT_NOTE : INVOICE;
        IValidationExecutorSet<IValidationSourceXML> executors = registry.getOfID(set);
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), executors, ValidationSourceXML.create(null, document), Locale.US);
        List<String> failures = new ArrayList<>();
        for (ValidationResult result : results) {
            for (IError e : result.getErrorList()) {
                if (e.isError()) {
                    failures.add((e.getErrorID() == null ? "XSD" : e.getErrorID()) + ": " + e.getErrorText(Locale.US));
                }
            }
        }
        return failures;
    }
}
