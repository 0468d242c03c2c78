package com.wabilling.pricing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.wabilling.support.csv.CsvHeader;
import com.wabilling.support.csv.MissingColumnException;

/**
 * The records of one reference file with the line each starts on, so that a refusal names file, record
 * and line (docs/billing-rules.md 4.2; docs/invoice-documents.md 2, 4); a consumer's IllegalArgumentException stops the job so.
 */
public final class ReferenceCsv {

    /** A record and the line it starts on (the header is line 1), for refusals that name two rows. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(long line, Map<String, String> values);
    }

    private ReferenceCsv() {
    }

    /** A reference file parsed once: its normalised header and its records, replayed to every reader. */
    record Table(Path file, List<String> header, List<Row> rows) {

        /** Refuses a missing column, then hands each record to the consumer; its refusal names file, record and line. */
        void each(List<String> required, RowConsumer consumer) {
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new MissingColumnException(file.toString(), column);
                }
            }
            for (Row row : rows) {
                try {
                    consumer.accept(row.line(), row.values());
                } catch (IllegalArgumentException e) {
                    throw new com.wabilling.support.Refusal(file + " record " + row.number() + " (line " + row.line()
                            + "): " + e.getMessage(),
                            com.wabilling.support.Refusal.fixThenSameCommand(file + " at the line named above"));
                }
            }
        }
    }

    /** A record: its number, the line it starts on, its values by column. */
    record Row(long number, long line, Map<String, String> values) {
    }

    static Table parse(Path file, CSVFormat format) {
        try {
            String content = Files.readString(file); // reference files are small; the text gives each record's line
            try (CSVParser parser = format.parse(new StringReader(content))) {
                List<String> header = parser.getHeaderNames().stream().map(CsvHeader::normalise).toList();
                LineNumbers lines = new LineNumbers(content);
                List<Row> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    long line = lines.startOf(record.getCharacterPosition());
                    Map<String, String> values = new HashMap<>();
                    for (int i = 0; i < header.size() && i < record.size(); i++) {
                        values.put(header.get(i), record.get(i));
                    }
                    rows.add(new Row(record.getRecordNumber(), line, Collections.unmodifiableMap(values)));
                }
                return new Table(file, header, List.copyOf(rows));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new com.wabilling.support.Refusal("reference file " + file + " is not UTF-8 text",
                    "save " + file + " as UTF-8 (most spreadsheets offer \"CSV UTF-8\"), then run the same command again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file
                    + " (set WA_BILLING_REFERENCE_DIR to the folder holding it)", e);
        }
    }

    /** The line each record starts on, counted once through the text. */
    private static final class LineNumbers {
        private final String content;
        private int at;
        private long line = 1;

        LineNumbers(String content) {
            this.content = content;
        }

        long startOf(long position) {
            // a record's position is that of the empty lines skipped before it: step over them
            int start = (int) position;
            while (start < content.length() && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
                start++;
            }
            for (; at < start; at++) {
                if (content.charAt(at) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
