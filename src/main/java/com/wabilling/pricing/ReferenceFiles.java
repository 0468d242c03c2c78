package com.wabilling.pricing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.wabilling.support.csv.MissingColumnException;

/**
 * Reads the small reference files of WA_BILLING_REFERENCE_DIR (accounts, markets, rate card).
 * Unlike exports they are configuration: any bad row stops the job, naming file, record and field.
 */
public final class ReferenceFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final Path directory;

    public ReferenceFiles(Path directory) {
        this.directory = directory;
    }

    public MarketTable markets() {
        MarketTable.Builder builder = new MarketTable.Builder();
        read("markets.csv", List.of("calling_code", "market"), r -> {
            String code = r.getOrDefault("calling_code", "").replace("+", "");
            if (!code.matches("\\d{1,4}")) {
                throw new IllegalArgumentException("calling_code must be 1 to 4 digits: '" + code + "'");
            }
            String market = r.getOrDefault("market", "");
            if (market.isEmpty()) {
                throw new IllegalArgumentException("market is empty");
            }
            builder.add(code, market);
        });
        return builder.build();
    }

    /**
     * Calls the consumer with every record as column → value (names lower-cased, a BOM ignored); a
     * consumer's IllegalArgumentException stops the job naming file and record.
     */
    public void read(String fileName, List<String> required, Consumer<Map<String, String>> consumer) {
        Path file = directory.resolve(fileName);
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new MissingColumnException(file.toString(), column);
                }
            }
            for (CSVRecord record : parser) {
                try {
                    Map<String, String> values = new HashMap<>();
                    for (int i = 0; i < header.size() && i < record.size(); i++) {
                        values.put(header.get(i), record.get(i));
                    }
                    consumer.accept(values);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " record " + record.getRecordNumber() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file
                    + " (set WA_BILLING_REFERENCE_DIR to the folder holding it)", e);
        }
    }
}
