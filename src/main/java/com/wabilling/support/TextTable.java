package com.wabilling.support;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for console summaries: columns padded, numbers right-aligned. */
public final class TextTable {

    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header;
    }

    public TextTable row(Object... values) {
        String[] row = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            row[i] = i < values.length && values[i] != null ? values[i].toString() : "";
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render(String indent) {
        int[] width = new int[header.length];
        boolean[] numeric = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            numeric[i] = !rows.isEmpty();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
                numeric[i] &= row[i].matches("-?[\\d.,]*");
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, header, width, numeric);
        for (String[] row : rows) {
            line(out, indent, row, width, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, String[] cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(numeric[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
