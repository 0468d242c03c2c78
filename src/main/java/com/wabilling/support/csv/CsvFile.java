package com.wabilling.support.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.wabilling.support.Failures;

/**
 * One input file being read by {@link CsvFilesReader}: plain or gzip, decoded as UTF-8, its header
 * checked on open, its records numbered from 1. Ragged rows and broken quoting become malformed
 * rows (rejects); a file that is not UTF-8 stops the job naming the record (formats.md).
 */
final class CsvFile implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String CONVERT = "convert the file, e.g. iconv -f WINDOWS-1252 -t UTF-8";

    private final String source;
    private final FileIdentity identity;
    private final CSVParser parser;
    private final CsvHeader header;
    private Iterator<CSVRecord> iterator;
    private long records;

    CsvFile(Path file, List<String> requiredColumns) {
        source = file.toString();
        try {
            identity = FileIdentity.of(file);
            // malformed bytes become U+FFFD and are reported with their record (refuseIfNotUtf8)
            Reader reader = new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw new ItemStreamException("empty file, no header row: " + source);
            }
            String[] names = iterator.next().values();
            if (String.join("", names).indexOf('\uFFFD') >= 0) {
                throw new ItemStreamException(source + " is not UTF-8: its header row (line 1) holds bytes that are"
                        + " not valid UTF-8; " + CONVERT);
            }
            header = new CsvHeader(source, names);
            header.require(requiredColumns);
        } catch (IOException | UncheckedIOException e) {
            throw new ItemStreamException("cannot read " + source + ": " + Failures.rootCause(e).getMessage(), e);
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
        if (iterator == null) {
            return null;
        }
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            CSVRecord record = iterator.next();
            records++;
            String[] values = record.values();
            refuseIfNotUtf8(values);
            String malformed = values.length == header.size() ? null
                    : "ragged row: " + values.length + " fields where the header has " + header.size();
            return new CsvRow(source, fileIndex, records, header, values, malformed,
                    fraction.applyAsDouble(record.getCharacterPosition()));
        } catch (UncheckedIOException | IllegalStateException e) {
            // broken quoting (e.g. an unterminated quote in a truncated file): the parser cannot go on
            records++;
            iterator = null;
            String reason = "unreadable record: " + Failures.rootCause(e).getMessage();
            return new CsvRow(source, fileIndex, records, header, new String[0], reason, fraction.applyAsDouble(0));
        }
    }

    /**
     * Bytes that are not UTF-8 were decoded as U+FFFD: the file is in another encoding (a Latin-1
     * export, say), so the job stops naming the file and the record instead of storing mangled
     * text or the decoder's bare "Input length = 1" (issue 9, formats.md: files are UTF-8).
     */
    private void refuseIfNotUtf8(String[] values) {
        for (String value : values) {
            if (value.indexOf('\uFFFD') >= 0) {
                throw new ItemStreamException(source + " is not UTF-8: record " + records + " (ending on line "
                        + parser.getCurrentLineNumber() + ") holds bytes that are not valid UTF-8 (a Latin-1 or"
                        + " Windows-1252 export?). Then " + CONVERT + ", and import it with a new run: add"
                        + " rerun=<new value> to the same command");
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + source, e);
        }
    }
}
