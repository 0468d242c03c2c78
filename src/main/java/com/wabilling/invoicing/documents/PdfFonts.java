package com.wabilling.invoicing.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts the invoice PDF embeds (src/main/resources/fonts/README.md): without them openhtmltopdf
 * falls back to the standard 14 PDF fonts, which hold WinAnsi only and print Ł, ř, ş, Greek, Cyrillic
 * and Arabic as {@code #}. Each PDF embeds the subset of glyphs it uses.
 * <p>
 * The font files are parsed once per instance, not once per PDF: parsing is most of the cost of a
 * document otherwise. A parsed font is not safe for concurrent use, so an instance serves one thread.
 */
final class PdfFonts {

    /** The template's families (documents/invoice.html). */
    static final String SANS = "DejaVu Sans";
    static final String ARABIC = "Noto Sans Arabic";

    private final TrueTypeFont sansRegular = parse("DejaVuSans.ttf");
    private final TrueTypeFont sansBold = parse("DejaVuSans-Bold.ttf");
    private final TrueTypeFont arabicRegular = parse("NotoSansArabic-Regular.ttf");

    /** Registers the fonts for one document, and the Unicode bidi algorithm with Arabic shaping (ICU4J). */
    void use(PdfRendererBuilder builder, PDDocument document) {
        builder.usePDDocument(document);
        builder.useFont(embedded(sansRegular, document), SANS, 400, FontStyle.NORMAL, true);
        builder.useFont(embedded(sansBold, document), SANS, 700, FontStyle.NORMAL, true);
        builder.useFont(embedded(arabicRegular, document), ARABIC, 400, FontStyle.NORMAL, true);
        builder.useUnicodeBidiSplitter(IcuBidi.Splitter::new);
        builder.useUnicodeBidiReorderer(new IcuBidi.Reorderer());
    }

    /** Added to the document only when the layout asks for it (most invoices never need the Arabic font). */
    private static PDFontSupplier embedded(TrueTypeFont font, PDDocument document) {
        return new PDFontSupplier(null) {
            private PDFont loaded;

            @Override
            public PDFont supply() {
                if (loaded == null) {
                    try {
                        loaded = PDType0Font.load(document, font, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot embed a font", e);
                    }
                }
                return loaded;
            }
        };
    }

    private static TrueTypeFont parse(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fonts/" + file + " is missing from the jar");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fonts/" + file, e);
        }
    }
}
