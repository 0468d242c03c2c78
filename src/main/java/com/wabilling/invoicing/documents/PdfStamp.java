package com.wabilling.invoicing.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.GregorianCalendar;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * What a PDF says about itself (docs/invoice-documents.md 3): PDFBox would write a random document id and
 * the moment of writing, so the same invoice would never give the same bytes twice. Here the id is
 * derived from the invoice (id and number, or DRAFT) and the creation date is the invoice date, and a
 * finalized invoice's PDF carries its number, which is how a later run knows it is already written.
 */
final class PdfStamp {

    /** The document information entry with a finalized invoice's number; drafts have none. */
    static final String NUMBER = "InvoiceNumber";

    private PdfStamp() {
    }

    static void apply(PDDocument pdf, InvoiceDocument document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(GregorianCalendar.from(document.issueDate().atStartOfDay(ZoneOffset.UTC)));
        info.setModificationDate(null);
        if (!document.draft()) {
            info.setCustomMetadataValue(NUMBER, document.number());
        }
        // the file identifier of ISO 32000-1 14.4: two byte strings, equal for a file never updated
        byte[] id = Arrays.copyOf(DigestUtils.sha256((document.invoiceId() + " "
                + (document.draft() ? "DRAFT" : document.number())).getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().setDocumentID(ids);
    }

    /** The invoice number a PDF file was finalized with; null when it is a draft, unreadable or absent. */
    static String finalizedNumber(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getDocumentInformation().getCustomMetadataValue(NUMBER);
        } catch (IOException e) { // a damaged file is written again
            return null;
        }
    }
}
