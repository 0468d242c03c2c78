package com.wabilling.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The bounded record reader splits well-formed RFC 4180 text exactly as commons-csv does. */
class CsvRecordsTest {

    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String PLAIN = "abcxyz019 _-.:;'+\"é€";

    @Test
    void wellFormedRandomTextGivesTheRecordsCommonsCsvGives() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int columns = 2 + random.nextInt(6);
            StringBuilder text = new StringBuilder();
            int records = 1 + random.nextInt(40);
            for (int r = 0; r < records; r++) {
                for (int c = 0; c < columns; c++) {
                    text.append(c == 0 ? "" : ",").append(random.nextInt(3) == 0 ? quoted(random) : plain(random));
                }
                text.append(random.nextBoolean() ? "\n" : "\r\n");
                if (random.nextInt(10) == 0) {
                    text.append("\n");
                }
            }
            if (random.nextBoolean()) {
                text.setLength(text.length() - 1); // no line break at the end
                if (text.charAt(text.length() - 1) == '\r') {
                    text.setLength(text.length() - 1);
                }
            }

            assertThat(ours(text.toString(), columns)).as("round %d: %s", round, text).isEqualTo(commons(text.toString()));
        }
    }

    private static String plain(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            char c = PLAIN.charAt(random.nextInt(PLAIN.length()));
            s.append(i == 0 && c == '"' ? 'q' : c); // a field that starts with a quote is a quoted field
        }
        return s.toString();
    }

    private static String quoted(Random random) {
        String[] parts = {"a", ",", "\"\"", "\n", "\r\n", " ", "é", "x,y"};
        StringBuilder s = new StringBuilder("\"");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.append('"').toString();
    }

    private static List<List<String>> ours(String text, int columns) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text));
        records.expectColumns(columns);
        List<List<String>> result = new ArrayList<>();
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            assertThat(r.malformed()).isNull();
            result.add(List.of(r.values()));
        }
        return result;
    }

    private static List<List<String>> commons(String text) throws IOException {
        List<List<String>> result = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(COMMONS).get()) {
            for (CSVRecord r : parser) {
                result.add(List.of(r.values()));
            }
        }
        return result;
    }
}
