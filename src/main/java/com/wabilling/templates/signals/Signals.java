package com.wabilling.templates.signals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signals of one language, compiled from a signal file. Entry syntax:
 * <ul>
 * <li>{@code shop now} a word or phrase, matched on whole words;</li>
 * <li>{@code korting*} a word start, {@code *korting} a word end, {@code *rabatt*} anywhere in a
 * word (compounds such as "zomerkorting", "Sonderangebot");</li>
 * <li>{@code re:<regex>} a Java regular expression over the normalised text (percentages).</li>
 * </ul>
 */
public final class Signals {

    private final Map<SignalKind, List<Entry>> entries = new EnumMap<>(SignalKind.class);

    Signals() {
        for (SignalKind kind : SignalKind.values()) {
            entries.put(kind, new ArrayList<>());
        }
    }

    void add(SignalKind kind, String entry) {
        entries.get(kind).add(Entry.compile(entry));
    }

    /** How many entries a section holds. */
    public int count(SignalKind kind) {
        return entries.get(kind).size();
    }

    /** The first signal of that kind found in the text, in file order. */
    public Optional<String> find(SignalKind kind, Text text) {
        for (Entry entry : entries.get(kind)) {
            if (entry.pattern.matcher(entry.onWords ? text.words : text.plain).find()) {
                return Optional.of(entry.source);
            }
        }
        return Optional.empty();
    }

    /** A text normalised once for all entries. */
    public record Text(String plain, String words) {
        public static Text of(String raw) {
            String plain = TextNormalizer.plain(raw);
            return new Text(plain, TextNormalizer.words(plain));
        }
    }

    private record Entry(String source, Pattern pattern, boolean onWords) {

        static Entry compile(String entry) {
            if (entry.startsWith("re:")) {
                return new Entry(entry, Pattern.compile(entry.substring(3).strip()), false);
            }
            String[] parts = entry.split("\\*", -1);
            StringBuilder regex = new StringBuilder("(?<= )");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append("[^ ]*");
                }
                String part = TextNormalizer.words(TextNormalizer.plain(parts[i])).strip();
                if (!part.isEmpty()) {
                    regex.append(Pattern.quote(part));
                }
            }
            regex.append("(?= )");
            return new Entry(entry, Pattern.compile(regex.toString()), true);
        }
    }
}
