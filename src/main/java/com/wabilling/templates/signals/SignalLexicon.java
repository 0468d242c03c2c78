package com.wabilling.templates.signals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The multilingual signal lists, one data file per language under {@code signals/<lang>.txt}.
 * A template's language ({@code pt_BR}, {@code nl-NL}, {@code de}) picks the file of its base
 * language; a language without a file uses English (domain.md 2). Adding a language is adding a
 * file.
 */
public final class SignalLexicon {

    public static final String FALLBACK = "en";

    private final String folder;
    private final Map<String, Signals> byLanguage = new ConcurrentHashMap<>();
    private final Signals fallback;

    private SignalLexicon(String folder) {
        this.folder = folder;
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
        return language.strip().toLowerCase(Locale.ROOT).split("[_-]", 2)[0];
    }

    private Signals loadOrFallback(String language) {
        Signals own = language.equals(FALLBACK) ? fallback : load(language);
        return own != null ? own : fallback;
    }

    private Signals load(String language) {
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
                if (entry.startsWith("[") && entry.endsWith("]")) {
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
