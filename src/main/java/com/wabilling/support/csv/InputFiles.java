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
 * was there instead: an import of nothing must never look like a successful import.
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
                    files.add(nameable(entry));
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

    /**
     * A name that is not valid in the encoding of file names (UTF-8 under jobs/wa-billing) is decoded
     * with replacement characters: the job could read the file once but never name it again (its
     * record as imported, a resumed run), so it is refused by name (docs/operations.md, "File names and the locale").
     */
    private static Path nameable(Path file) {
        Path name = file.getFileName();
        if (!name.getFileSystem().getPath(name.toString()).equals(name)) {
            throw new UnnameableFileException("holds " + file + ", whose name is not valid "
                    + System.getProperty("sun.jnu.encoding", "UTF-8") + " (the encoding of file names here), so"
                    + " the job could not name it again: rename it (e.g. convmv -f latin1 -t utf8 --notest)");
        }
        return file;
    }

    static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** A file of the input whose name cannot be written as text and read back. */
    public static class UnnameableFileException extends IllegalArgumentException {
        public UnnameableFileException(String message) {
            super(message);
        }
    }

    /** The input names no file to read. */
    public static class NoInputFilesException extends IllegalArgumentException {
        public NoInputFilesException(String message) {
            super(message);
        }
    }
}
