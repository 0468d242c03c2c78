package com.wabilling.support.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
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
    private long rows;

    private CsvOutput(CSVPrinter printer, Path file) {
        this.printer = printer;
        this.file = file;
    }

    public static void write(Path file, String[] header, Consumer<CsvOutput> rows) {
        write(file, header, rows, null);
    }

    /** What a file holds: the SHA-256 of its bytes (hex) and its rows after the header. */
    public record Written(String sha256, long rows) {
    }

    /** As {@link #write(Path, String[], Consumer)}, digesting the bytes as they are written (no second read). */
    public static Written writeDigested(Path file, String[] header, Consumer<CsvOutput> rows) {
        MessageDigest sha = DigestUtils.getSha256Digest();
        long count = write(file, header, rows, sha);
        return new Written(Hex.encodeHexString(sha.digest()), count);
    }

    /** Writes the file (its bytes also to {@code sha} when not null) and returns its rows; as Files.newBufferedWriter, an unmappable character fails the write. */
    private static long write(Path file, String[] header, Consumer<CsvOutput> rows, MessageDigest sha) {
        long[] count = new long[1];
        writeAtomically(file, tmp -> {
            java.io.OutputStream bytes = Files.newOutputStream(tmp);
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(
                    sha == null ? bytes : new DigestOutputStream(bytes, sha), StandardCharsets.UTF_8.newEncoder()));
                 CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                printer.printRecord((Object[]) header);
                CsvOutput out = new CsvOutput(printer, file);
                rows.accept(out);
                count[0] = out.rows;
            }
        });
        return count[0];
    }

    /** The SHA-256 of a file's bytes (hex), as {@link #writeDigested} gives it. */
    public static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
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
            rows++;
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
