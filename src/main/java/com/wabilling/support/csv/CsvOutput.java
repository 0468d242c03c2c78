package com.wabilling.support.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.wabilling.support.Failures;

/**
 * Writes an output CSV (docs/formats.md: UTF-8, header row, RFC 4180 quoting) to a temporary file and
 * moves it into place, so a crash never leaves a half-written report behind.
 */
public final class CsvOutput {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** What a failure to write an output file asks the operator to check (docs/operations.md, Non-zero exits). */
    private static final String CHECK = "check WA_BILLING_OUTPUT_DIR";

    private final CSVPrinter printer;
    private final Path file;

    private CsvOutput(CSVPrinter printer, Path file) {
        this.printer = printer;
        this.file = file;
    }

    public static void write(Path file, String[] header, Consumer<CsvOutput> rows) {
        writeAtomically(file, tmp -> {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                printer.printRecord((Object[]) header);
                rows.accept(new CsvOutput(printer, file));
            }
        });
    }

    /** Any output file (an invoice PDF, a Peppol document) the same way: whole or not at all. */
    public static void write(Path file, byte[] content) {
        writeAtomically(file, tmp -> Files.write(tmp, content));
    }

    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    private static void writeAtomically(Path file, Filler filler) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // not createTempFile: its files are 0600 whatever the umask, and reports are for the group to read;
            // one fixed name per file, so the run that resumes a killed one overwrites what it left half-written
            // (jobs never run at once, and one job writes a file from one thread)
            tmp = dir.resolve("." + file.getFileName() + ".tmp");
            filler.fill(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp); // on a full disk, what was written of it is in the way
            throw new Failures.CannotWrite(file, CHECK, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException ignored) {
            // the failure being reported matters more; the next run overwrites it
        }
    }

    /** Every cell goes through {@link #text}: ids and Meta's values reach the accountant's spreadsheet too. */
    public void row(String... values) {
        String[] safe = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = text(values[i]);
        }
        try {
            printer.printRecord((Object[]) safe);
        } catch (IOException e) {
            throw new Failures.CannotWrite(file, CHECK, e);
        }
    }

    /**
     * A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
     * return) gets a leading apostrophe, whatever column it is in; a number ("-1.55", an adjustment's
     * amount) stays a number (docs/formats.md, outputs).
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-\\d+(\\.\\d+)?");
}
