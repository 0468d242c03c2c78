package com.wabilling.invoicing.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.wabilling.invoicing.Money;

/**
 * The PDF of an invoice (docs/invoice-documents.md 3): the XHTML template {@code documents/invoice.html}
 * filled by Thymeleaf, then laid out on A4 by openhtmltopdf. A BSP restyles it by putting its own
 * {@code invoice-template.html} in the reference directory (same variables). One instance renders on
 * one thread at a time (its fonts, {@link PdfFonts}).
 */
public class InvoicePdf {

    public static final String OVERRIDE = "invoice-template.html";

    static {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // it logs every layout to the console
    }

    private final TemplateEngine engine = new TemplateEngine();
    private final PdfFonts fonts = new PdfFonts();
    private final String template;

    public InvoicePdf(Path referenceDir) {
        AbstractConfigurableTemplateResolver resolver;
        Path override = referenceDir.resolve(OVERRIDE);
        if (Files.isRegularFile(override)) {
            resolver = new FileTemplateResolver();
            template = override.toAbsolutePath().toString();
        } else {
            resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("documents/");
            resolver.setSuffix(".html");
            template = "invoice";
        }
        // XML mode: openhtmltopdf reads well-formed XHTML
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The filled-in XHTML (tests read it; the PDF is made from it). */
    public String html(InvoiceDocument document) {
        return html(document, null);
    }

    /** {@code prepaid}: how a prepaid account's invoice is settled from its balance, or null. */
    public String html(InvoiceDocument document, PrepaidSettlement prepaid) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("doc", document);
        context.setVariable("prepaid", prepaid);
        context.setVariable("money", new Formats(document.currency()));
        context.setVariable("script", SCRIPTS);
        return engine.process(template, context);
    }

    public byte[] render(InvoiceDocument document) {
        return render(document, null);
    }

    public byte[] render(InvoiceDocument document, PrepaidSettlement prepaid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.use(builder, pdf);
            builder.withHtmlContent(html(document, prepaid), null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            PdfStamp.apply(pdf, document);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of " + document.invoiceId(), e);
        }
        return out.toByteArray();
    }

    private static final Scripts SCRIPTS = new Scripts();

    /** The template's {@code script.of(text)}: the class of the font for the text's letters. */
    public static final class Scripts {
        public String of(String text) {
            return text != null && text.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) ? "arabic" : "";
        }
    }

    /**
     * Number formats for the template: money with the currency's decimals, prices as the books show them,
     * all with thousands separators for a reader (the CSV books keep plain numbers for machines).
     */
    public static final class Formats {
        private final int digits;

        Formats(java.util.Currency currency) {
            this.digits = currency.getDefaultFractionDigits();
        }

        public String amount(BigDecimal value) {
            return grouped(value.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString());
        }

        public String price(BigDecimal value) {
            return grouped(Money.displayPrice(value, digits).toPlainString());
        }

        public String count(long value) {
            return grouped(Long.toString(value));
        }

        /** A volume band as the books label it ({@code 1-100000}, {@code 100001+}), read: 1–100,000, 100,001+. */
        public String volumeBand(String band) { // not "band": an OGNL operator
            if (band.endsWith("+")) {
                return grouped(band.substring(0, band.length() - 1)) + "+";
            }
            int dash = band.indexOf('-');
            return dash < 0 ? grouped(band) : grouped(band.substring(0, dash)) + "\u2013" + grouped(band.substring(dash + 1));
        }

        public String percent(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }

        /** "-1234567.50" as "-1,234,567.50". */
        static String grouped(String plain) {
            int start = plain.startsWith("-") ? 1 : 0;
            int point = plain.indexOf('.');
            int end = point < 0 ? plain.length() : point;
            StringBuilder out = new StringBuilder(plain.substring(0, start));
            for (int i = start; i < end; i++) {
                out.append(plain.charAt(i));
                int left = end - i - 1;
                if (left > 0 && left % 3 == 0) {
                    out.append(',');
                }
            }
            return out.append(plain.substring(end)).toString();
        }
    }
}
