package com.wabilling.invoicing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import com.wabilling.invoicing.tax.Buyer;

/**
 * Buyers outside Western Europe (docs/invoice-documents.md 3): their names and addresses are read
 * back from the PDF letter for letter, drawn with glyphs of embedded fonts, never as {@code #}.
 */
class InvoicePdfScriptsTest {

    @TempDir
    Path reference;

    static List<Buyer> buyers() {
        return List.of(
                buyer("Kwiaciarnia Łąka Sp. z o.o.", "ul. Żółkiewskiego 12", "Łódź", "90-001", "PL"),
                buyer("Květinářství Růžička s.r.o.", "třída Kpt. Jaroše 1922/3", "Brno-střed", "602 00", "CZ"),
                buyer("Işık Çiçekçilik Ltd. Şti.", "İstiklal Caddesi 12, Ağaçlı", "İstanbul", "34433", "TR"),
                buyer("Ανθοπωλείο Ωραία Ελλάδα Α.Ε.", "Οδός Ερμού 15", "Αθήνα", "105 63", "GR"),
                buyer("ТОВ «Квітковий світ»", "вул. Хрещатик 22, під'їзд 3", "Київ", "01001", "UA"),
                buyer("شركة الزهور الذهبية", "شارع الملك فهد 45", "الرياض", "12271", "SA"),
                buyer("گلفروشی پارسیان", "خیابان ولیعصر، پلاک ۱۲", "تهران", "15948", "IR"));
    }

    private static Buyer buyer(String name, String street, String city, String postalCode, String country) {
        return new Buyer("102938475610099", name, street, city, postalCode, country, "", "0088:5790000435975", "");
    }

    @ParameterizedTest
    @MethodSource("buyers")
    void theBuyersNameAndAddressReadBackLetterForLetter(Buyer buyer) throws Exception {
        Page page = read(new InvoicePdf(reference).render(DocumentSamples.invoiceFor(buyer, "WA-000042")));
        String postal = buyer.postalCode() + " " + buyer.city() + ", " + buyer.countryCode();

        // PDFBox's own reading, in logical order (it reorders right-to-left text itself)
        assertThat(page.text()).contains(nfkc(buyer.legalName()));
        // and the glyphs as they stand on the page, left to right, line by line
        assertThat(page.visualLines()).anySatisfy(l -> assertThat(l).contains(drawn(buyer.legalName())))
                .anySatisfy(l -> assertThat(l).contains(drawn(buyer.street())))
                .anySatisfy(l -> assertThat(l).contains(drawn(postal)));
        assertThat(page.text()).doesNotContain("#");
        assertThat(page.missingGlyphs()).as("characters drawn with the font's missing glyph").isEmpty();
        assertThat(page.fonts()).allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue());
        assertThat(page.arabicFonts()).allSatisfy(name -> assertThat(name).endsWith("+NotoSansArabic-Regular"));
        if (arabic(buyer.legalName())) {
            assertThat(page.arabicFonts()).isNotEmpty();
        }
    }

    /** PDFBox gives Arabic back as presentation forms (the shaped glyphs); NFKC makes them letters again. */
    static String nfkc(String text) {
        return Normalizer2.getNFKCInstance().normalize(text);
    }

    private static boolean arabic(String text) {
        return text.codePoints().anyMatch(c -> UScript.getScript(c) == UScript.ARABIC);
    }

    /**
     * A line of text as its glyphs must stand on the page from left to right: Arabic letters in their
     * joined forms (initial, medial, final, the lam-alef ligature: ICU's shaping), in the order of the
     * Unicode bidi algorithm (ICU) for the line's direction: right to left for a line holding Arabic
     * script (the template's rule, so "شارع الملك فهد 45" ends with the number on the left), else left
     * to right. Other scripts come out unchanged.
     */
    static String drawn(String logical) throws ArabicShapingException {
        String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK)
                .shape(logical);
        return new Bidi(shaped, arabic(logical) ? Bidi.RTL : Bidi.LTR).writeReordered(Bidi.DO_MIRRORING);
    }

    /**
     * Page 1 read back: {@code text} as PDFBox extracts it, NFKC-normalized with blanks collapsed;
     * {@code visualLines} the glyphs' own characters of each line sorted by their place, left to right; the characters drawn as glyph 0 (missing), the page's fonts and
     * the names of the fonts that drew Arabic letters.
     */
    record Page(String text, List<String> visualLines, List<String> missingGlyphs, List<PDFont> fonts,
            Set<String> arabicFonts) {
    }

    static Page read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> missing = new ArrayList<>();
            Set<String> arabicFonts = new TreeSet<>();
            Map<Integer, List<TextPosition>> lines = new TreeMap<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    lines.computeIfAbsent(Math.round(p.getYDirAdj()), y -> new ArrayList<>()).add(p);
                    super.processTextPosition(p);
                }

                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getUnicode().codePoints().anyMatch(c -> UScript.getScript(c) == UScript.ARABIC)) {
                            arabicFonts.add(p.getFont().getName());
                        }
                        if (p.getFont() instanceof PDType0Font type0) {
                            for (int code : p.getCharacterCodes()) {
                                if (type0.codeToGID(code) == 0) {
                                    missing.add(p.getUnicode());
                                }
                            }
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            String text = nfkc(stripper.getText(document)).replaceAll("\\s+", " ");
            List<String> visualLines = lines.values().stream().map(l -> l.stream()
                    .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj)).map(TextPosition::getUnicode)
                    .collect(Collectors.joining())).toList();
            List<PDFont> fonts = new ArrayList<>();
            PDPage page = document.getPage(0);
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            return new Page(text, visualLines, missing, fonts, arabicFonts);
        }
    }
}
