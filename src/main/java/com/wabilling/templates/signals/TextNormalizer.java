package com.wabilling.templates.signals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings template text and signal entries to one comparable form: lower case, accents removed
 * (so "réduction" and "reduction" match), placeholders {@code {{1}}} as {@code {{x}}}, dashes and
 * unusual spaces (French "20&nbsp;%") made plain.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[\\p{L}\\p{N}_]*\\s*\\}\\}");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}%{}]+");

    private TextNormalizer() {
    }

    /** Lower case, no accents, placeholders as {{x}}, single spaces; punctuation kept (for regexes). */
    public static String plain(String text) {
        String t = foldAccents(text.toLowerCase(Locale.ROOT));
        t = PLACEHOLDER.matcher(t).replaceAll("{{x}}");
        t = DASHES.matcher(t).replaceAll("-");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Accents and ligatures removed, nothing else touched (also used on regex entries). */
    public static String foldAccents(String text) {
        String t = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return t.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe");
    }

    /**
     * Words only, separated and surrounded by single spaces, so a word or phrase entry matches on
     * whole words: " your order has shipped ".
     */
    public static String words(String plain) {
        return " " + NON_WORD.matcher(plain).replaceAll(" ").strip() + " ";
    }
}
