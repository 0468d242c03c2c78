package com.wabilling.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions of one CSV file, resolved once from its header row (docs/formats.md: columns by name). */
public final class CsvHeader {

    private final String source;
    private final Map<String, Integer> index = new HashMap<>();
    private final int size;
    private final String firstName;

    CsvHeader(String source, String[] names) {
        this.source = source;
        this.size = names.length;
        this.firstName = names.length == 0 ? "" : names[0];
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(normalise(names[i]), i);
        }
    }

    /** A column name as matched: any case, blanks around it, and a leading byte order mark accepted. */
    public static String normalise(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The header row of a file (plain or .csv.gz), read within the bounds of CsvRecords; an empty file has no columns. */
    public static CsvHeader of(Path file) {
        try (TrackedInput input = TrackedInput.open(file)) {
            CsvRecords.Record first = new CsvRecords(input.reader(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))).next();
            return new CsvHeader(file.toString(), first == null ? new String[0] : first.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the job at once when a required column is missing, naming it. */
    public void require(List<String> columns) {
        for (String column : columns) {
            if (!index.containsKey(column)) {
                throw new MissingColumnException(source, column, separatorHint());
            }
        }
    }

    /** A header read as one column that holds ';' or tabs was written with another separator. */
    private String separatorHint() {
        if (size != 1) {
            return "";
        }
        String separator = firstName.indexOf(';') >= 0 ? "';'" : firstName.indexOf('\t') >= 0 ? "tab" : null;
        return separator == null ? "" : "; the header looks " + separator + "-separated (it was read as the single"
                + " column '" + (firstName.length() > 60 ? firstName.substring(0, 60) + "..." : firstName)
                + "'): export the file comma-separated (docs/formats.md)";
    }

    /** Position of a column, or -1 when the file does not have it (optional columns). */
    public int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }

    public int size() {
        return size;
    }
}
