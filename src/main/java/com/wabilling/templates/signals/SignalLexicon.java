package com.wabilling.templates.signals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The multilingual signal lists, one data file per language under {@code signals/<lang>.txt}.
 * A template's language ({@code pt_BR}, {@code nl-NL}, {@code de}) picks the file of its base
 * language; a language without a file uses English (docs/billing-rules.md 2). Adding a language is adding a
 * file. Every language also gets {@code signals/loanwords.txt} (OTP, sale, deal, cashback, Black
 * Friday, -30 %...), after its own entries; a line {@code !sale} in a language file leaves that
 * shared entry out for the language (Spanish "sale" = departs).
 */
public final class SignalLexicon {

    public static final String FALLBACK = "en";
    static final String SHARED = "loanwords";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    private final String folder;
    private final Map<String, Signals> byLanguage = new ConcurrentHashMap<>();
    private final Signals shared;
    private final Signals fallback;

    private SignalLexicon(String folder) {
        this.folder = folder;
        this.shared = read(SHARED, new HashSet<>());
        if (shared == null) {
            throw new IllegalStateException(folder + "/" + SHARED + ".txt is missing from the classpath");
        }
        this.fallback = load(FALLBACK);
        if (fallback == null) {
            throw new IllegalStateException(folder + "/" + FALLBACK + ".txt is missing from the classpath");
        }
    }

    /** The lists shipped with the application. */
    public static SignalLexicon fromClasspath() {
        return new SignalLexicon("signals");
    }

    public Signals forLanguage(String language) {
        String base = baseLanguage(language);
        return byLanguage.computeIfAbsent(base, this::loadOrFallback);
    }

    static String baseLanguage(String language) {
        if (language == null || language.isBlank()) {
            return FALLBACK;
        }
        String base = language.strip().toLowerCase(Locale.ROOT).split("[_-]", 2)[0];
        return LANGUAGE_CODE.matcher(base).matches() ? base : FALLBACK;
    }

    private Signals loadOrFallback(String language) {
        Signals own = language.equals(FALLBACK) ? fallback : load(language);
        return own != null ? own : fallback;
    }

    /** A language's own entries followed by the shared loanwords it does not exclude. */
    private Signals load(String language) {
        Set<String> excluded = new HashSet<>();
        Signals own = read(language, excluded);
        if (own != null) {
            own.addAll(shared, excluded);
        }
        return own;
    }

    /** Reads one file; {@code !entry} lines are collected into {@code excluded}. */
    private Signals read(String language, Set<String> excluded) {
        String resource = folder + "/" + language + ".txt";
        InputStream in = SignalLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return null;
        }
        Signals signals = new Signals();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            SignalKind section = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("!")) {
                    excluded.add(entry.substring(1).strip());
                } else if (entry.startsWith("[") && entry.endsWith("]")) {
                    section = SignalKind.ofSection(entry.substring(1, entry.length() - 1));
                } else if (section == null) {
                    throw new IllegalStateException(resource + ":" + number + ": entry before any [section]");
                } else {
                    signals.add(section, entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signals;
    }
}
