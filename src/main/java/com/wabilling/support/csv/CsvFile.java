package com.wabilling.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.wabilling.support.Failures;

/**
 * One input file being read by {@link CsvFilesReader}: plain or gzip, decoded as UTF-8, its header
 * checked on open, its records numbered from 1. Ragged rows, broken quoting and overlong records
 * become malformed rows (rejects, {@link CsvRecords}); a file that is not UTF-8, a header wider than
 * {@link CsvRecords#MAX_COLUMNS} and a read that breaks off before the end of the file stop the job
 * naming the file (docs/formats.md).
 */
final class CsvFile implements AutoCloseable {

    private static final String CONVERT = "convert the file, e.g. iconv -f WINDOWS-1252 -t UTF-8";

    private final String source;
    private final FileIdentity identity;
    private final TrackedInput input;
    private final CsvRecords parser;
    private final CsvHeader header;
    private boolean ended;
    private long records;

    CsvFile(Path file, List<String> requiredColumns) {
        source = file.toString();
        try {
            identity = FileIdentity.of(file);
            input = TrackedInput.open(file);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = Failures.rootCause(e);
            throw new ItemStreamException("cannot read " + source + ": " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()), e);
        }
        // malformed bytes become U+FFFD and are reported with their record (refuseIfNotUtf8)
        parser = new CsvRecords(input.reader(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        try {
            CsvRecords.Record first = read();
            if (first == null) {
                throw new BrokenFileException("empty file, no header row: " + source);
            }
            String[] names = first.values();
            if (first.malformed() != null) {
                throw new BrokenFileException(source + ": its header row (line 1) cannot be read: " + first.malformed());
            }
            if (names.length > CsvRecords.MAX_COLUMNS) {
                throw new BrokenFileException(source + " has " + names.length + " columns in its header row (line 1):"
                        + " at most " + CsvRecords.MAX_COLUMNS + " are read (docs/formats.md); is it a message export"
                        + " or template catalogue? Export it again with its own columns, then run the same command");
            }
            if (String.join("", names).indexOf('\uFFFD') >= 0) {
                throw new BrokenFileException(source + " is not UTF-8: its header row (line 1) holds bytes that are"
                        + " not valid UTF-8; " + CONVERT);
            }
            header = new CsvHeader(source, names);
            header.require(requiredColumns);
            parser.expectColumns(names.length);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    FileIdentity identity() {
        return identity;
    }

    long records() {
        return records;
    }

    /**
     * The next record, or null at the end; {@code fraction} turns a character position into progress,
     * {@code fileIndex} is this file's position in the run's read order.
     */
    CsvRow next(LongToDoubleFunction fraction, int fileIndex) {
        if (ended) {
            return null;
        }
        CsvRecords.Record record = read();
        if (record == null) {
            ended = true;
            return null;
        }
        records++;
        String[] values = record.values();
        refuseIfNotUtf8(values, record.lastLine());
        String malformed = record.malformed() != null ? record.malformed() : values.length == header.size() ? null
                : "ragged row: " + values.length + " fields where the header has " + header.size();
        return new CsvRow(source, fileIndex, records, header, values, malformed,
                fraction.applyAsDouble(record.position()));
    }

    /**
     * A read that breaks off (a truncated or corrupt gzip, an I/O error) is never the end of the file:
     * the import stops naming the file, the record and the bytes left, and nothing is recorded as
     * imported (docs/architecture.md, "Reading input files").
     */
    private CsvRecords.Record read() {
        try {
            return parser.next();
        } catch (IOException e) {
            throw new UnreadableFileException(source + ": reading stopped in " + (header == null ? "its header row"
                    : "record " + (records + 1)) + " (line " + (parser.linesRead() + 1) + "): " + input.whereItBroke(e) + ". It is not imported completely,"
                    + " so it is not recorded as imported. Replace it with a complete copy and run the same command"
                    + " again; should that be refused because records of the file were stored before reading broke"
                    + " off, add rerun=<new value> (the stored records then count as duplicates)", e);
        }
    }

    /**
     * Bytes that are not UTF-8 were decoded as U+FFFD: the file is in another encoding (a Latin-1
     * export, say), so the job stops naming the file and the record instead of storing mangled
     * text or the decoder's bare "Input length = 1" (docs/formats.md: files are UTF-8).
     */
    private void refuseIfNotUtf8(String[] values, long line) {
        for (String value : values) {
            if (value.indexOf('\uFFFD') >= 0) {
                throw new BrokenFileException(source + " is not UTF-8: record " + records + " (ending on line "
                        + line + ") holds bytes that are not valid UTF-8 (a Latin-1 or"
                        + " Windows-1252 export?). Then " + CONVERT + ", and import it with a new run: add"
                        + " rerun=<new value> to the same command");
            }
        }
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + source, e);
        }
    }
}
