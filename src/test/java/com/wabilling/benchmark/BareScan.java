package com.wabilling.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.wabilling.support.csv.InputFiles;

/**
 * The benchmark's floor: a bare commons-csv scan of the same export (every field touched), no
 * validation, no database. Usage: {@code BareScan <file or directory>}.
 */
public final class BareScan {

    private BareScan() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        long records = 0;
        long characters = 0;
        for (Path file : InputFiles.resolve(args[0])) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
                for (CSVRecord record : parser) {
                    for (String value : record.values()) {
                        characters += value.length();
                    }
                    records++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("records %d seconds %.3f characters %d%n", records, seconds, characters);
    }
}
