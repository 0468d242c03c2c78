package com.wabilling.support.csv;

import org.apache.commons.csv.CSVFormat;

/**
 * One record of a CSV file as read, before any validation. {@code malformed} is set when the
 * record could not be split into the header's columns (ragged row, broken quoting); such a row
 * is rejected by the processor, never dropped.
 */
public final class CsvRow {

    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final String source;
    private final long record;
    private final CsvHeader header;
    private final String[] values;
    private final String malformed;
    private final double fractionDone;
    private final int fileIndex;

    CsvRow(String source, int fileIndex, long record, CsvHeader header, String[] values, String malformed,
            double fractionDone) {
        this.source = source;
        this.fileIndex = fileIndex;
        this.record = record;
        this.header = header;
        this.values = values;
        this.malformed = malformed;
        this.fractionDone = fractionDone;
    }

    /** How far into all input files this record is, 0..1 (by size): for progress and ETA only. */
    public double fractionDone() {
        return fractionDone;
    }

    public String source() {
        return source;
    }

    /** The position of its file among the files of the run, in the order they are read (0 first). */
    public int fileIndex() {
        return fileIndex;
    }

    /** 1-based number of the data record in its file (the header is not counted). */
    public long record() {
        return record;
    }

    public String malformed() {
        return malformed;
    }

    public boolean isMalformed() {
        return malformed != null;
    }

    /** The stripped value of a column; empty when the file has no such column. */
    public String get(String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= values.length ? "" : values[i].strip();
    }

    /** The value exactly as it was in the file (template texts keep their spacing). */
    public String getExact(String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= values.length ? "" : values[i];
    }

    /** The raw fields re-encoded as one CSV line, for the rejects file. */
    public String raw() {
        return RAW.format((Object[]) values);
    }
}
