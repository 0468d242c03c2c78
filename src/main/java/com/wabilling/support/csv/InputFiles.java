package com.wabilling.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An input parameter names a file or a directory of {@code *.csv} and {@code *.csv.gz} files, read
 * in name order (sub-folders are not descended into). Zero input files is an error that names what
 * was there instead: an import of nothing must never look like a successful import (issue 9.7).
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<Path> resolve(String input) {
        if (input == null || input.isBlank()) {
            throw new NoInputFilesException("input= is empty; name a CSV file or a folder of CSV files");
        }
        Path path = Path.of(input);
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isRegularFile(entry) && isCsv(entry)) {
                    files.add(entry);
                } else if (!entry.getFileName().toString().startsWith(".")) {
                    skipped.add(entry.getFileName() + (Files.isDirectory(entry) ? "/ (a sub-folder)" : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
        if (files.isEmpty()) {
            throw new NoInputFilesException("no input files in " + input + ": only *.csv and *.csv.gz files directly"
                    + " in the folder are read" + (skipped.isEmpty() ? "; the folder is empty"
                    : "; skipped: " + String.join(", ", skipped)));
        }
        return files;
    }

    static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The input names no file to read. */
    public static class NoInputFilesException extends IllegalArgumentException {
        public NoInputFilesException(String message) {
            super(message);
        }
    }
}
