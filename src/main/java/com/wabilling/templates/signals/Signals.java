package com.wabilling.templates.signals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signals of one language, compiled from a signal file (plus the shared loanwords). Entry
 * syntax:
 * <ul>
 * <li>{@code shop now} a word or phrase, matched on whole words;</li>
 * <li>{@code korting*} a word start, {@code *korting} a word end, {@code *rabatt*} anywhere in a
 * word (compounds such as "zomerkorting", "Sonderangebot");</li>
 * <li>{@code re:<regex>} a Java regular expression over the normalised text (percentages); accents
 * in it are ignored like in the text;
 * {@code <name> = re:<regex>} gives it the name the migration report shows.</li>
 * </ul>
 * What {@link #find} returns is what a reviewer reads in the report: the entry as written, plus
 * the word it caught when that differs ({@code *korting (zomerkorting)}), and for a regex its
 * name and the text it caught ({@code percentage off (-25 %)}).
 */
public final class Signals {

    private static final String NAMED_REGEX = " = re:";
    private static final int MAX_MATCHED = 80;

    private final Map<SignalKind, List<Entry>> entries = new EnumMap<>(SignalKind.class);

    Signals() {
        for (SignalKind kind : SignalKind.values()) {
            entries.put(kind, new ArrayList<>());
        }
    }

    void add(SignalKind kind, String entry) {
        entries.get(kind).add(Entry.compile(entry));
    }

    /** Appends another list's entries of every kind, except those written as one of {@code excluded}. */
    void addAll(Signals other, Set<String> excluded) {
        other.entries.forEach((kind, list) -> list.stream()
                .filter(e -> !excluded.contains(e.source))
                .forEach(entries.get(kind)::add));
    }

    /** How many entries a section holds. */
    public int count(SignalKind kind) {
        return entries.get(kind).size();
    }

    /** The first signal of that kind found in the text, in file order, described for a reviewer. */
    public Optional<String> find(SignalKind kind, Text text) {
        for (Entry entry : entries.get(kind)) {
            Matcher m = entry.pattern.matcher(entry.onWords ? text.words : text.plain);
            if (m.find()) {
                String matched = m.group().strip();
                matched = matched.length() > MAX_MATCHED ? matched.substring(0, MAX_MATCHED) : matched;
                return Optional.of(entry.describe(matched));
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

    private record Entry(String source, String name, Pattern pattern, boolean onWords) {

        static Entry compile(String entry) {
            int named = entry.indexOf(NAMED_REGEX);
            if (named > 0) {
                String regex = TextNormalizer.foldAccents(entry.substring(named + NAMED_REGEX.length()).strip());
                return new Entry(entry, entry.substring(0, named).strip(), Pattern.compile(regex), false);
            }
            if (entry.startsWith("re:")) {
                return new Entry(entry, null, Pattern.compile(TextNormalizer.foldAccents(entry.substring(3).strip())),
                        false);
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
            return new Entry(entry, entry, Pattern.compile(regex.toString()), true);
        }

        String describe(String matched) {
            if (name == null) {
                return matched;
            }
            String plainName = TextNormalizer.words(TextNormalizer.plain(name)).strip();
            return matched.isEmpty() || matched.equals(plainName) ? name : name + " (" + matched + ")";
        }
    }
}
