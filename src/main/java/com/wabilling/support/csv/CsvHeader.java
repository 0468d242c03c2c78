package com.wabilling.support.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions of one CSV file, resolved once from its header row (formats.md: columns by name). */
public final class CsvHeader {

    private final String source;
    private final Map<String, Integer> index = new HashMap<>();
    private final int size;

    CsvHeader(String source, String[] names) {
        this.source = source;
        this.size = names.length;
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a leading BOM is accepted
            }
            index.putIfAbsent(name, i);
        }
    }

    /** Stops the job at once when a required column is missing, naming it. */
    public void require(List<String> columns) {
        for (String column : columns) {
            if (!index.containsKey(column)) {
                throw new MissingColumnException(source, column);
            }
        }
    }

    /** Position of a column, or -1 when the file does not have it (optional columns). */
    public int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }

    public int size() {
        return size;
    }
}
