package com.wabilling.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Streams the records of one or more CSV files with commons-csv. For restart it saves the file
 * index and the number of records taken from that file; on open it skips that many records
 * without mapping them (stack.md: faster and more robust than byte offsets).
 */
public class CsvFilesReader extends ItemStreamSupport implements ItemStreamReader<CsvRow> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String FILE_KEY = "file.index";
    private static final String RECORDS_KEY = "file.records";

    private final List<Path> files;
    private final List<String> requiredColumns;

    private int fileIndex;
    private long records;
    private CSVParser parser;
    private Iterator<CSVRecord> iterator;
    private CsvHeader header;
    private String source;
    private long bytesBefore;
    private final long totalBytes;

    public CsvFilesReader(String name, List<Path> files, List<String> requiredColumns) {
        setName(name);
        this.files = List.copyOf(files);
        this.requiredColumns = List.copyOf(requiredColumns);
        this.totalBytes = files.stream().mapToLong(CsvFilesReader::size).sum();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a missing file fails on open with a clear message
        }
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(getExecutionContextKey(FILE_KEY), 0);
        long resumeAt = context.getLong(getExecutionContextKey(RECORDS_KEY), 0L);
        if (fileIndex < files.size()) {
            openFile(fileIndex);
            while (records < resumeAt && next() != null) {
                // skip what the failed execution already committed
            }
        }
    }

    @Override
    public CsvRow read() {
        while (fileIndex < files.size()) {
            if (parser == null) {
                openFile(fileIndex);
            }
            CsvRow row = next();
            if (row != null) {
                return row;
            }
            closeFile();
            fileIndex++;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(getExecutionContextKey(FILE_KEY), fileIndex);
        context.putLong(getExecutionContextKey(RECORDS_KEY), records);
    }

    @Override
    public void close() {
        closeFile();
    }

    private CsvRow next() {
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
            String malformed = values.length == header.size() ? null
                    : "ragged row: " + values.length + " fields where the header has " + header.size();
            return new CsvRow(source, records, header, values, malformed, fraction(record.getCharacterPosition()));
        } catch (UncheckedIOException | IllegalStateException e) {
            // broken quoting (e.g. an unterminated quote in a truncated file): the parser cannot go on
            records++;
            iterator = null;
            String reason = "unreadable record: " + rootMessage(e);
            return new CsvRow(source, records, header, new String[0], reason, fraction(0));
        }
    }

    private double fraction(long position) {
        return totalBytes == 0 ? Double.NaN : (double) (bytesBefore + position) / totalBytes;
    }

    private void openFile(int index) {
        Path file = files.get(index);
        bytesBefore = files.subList(0, index).stream().mapToLong(CsvFilesReader::size).sum();
        source = file.toString();
        records = 0;
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw new ItemStreamException("empty file, no header row: " + source);
            }
            header = new CsvHeader(source, iterator.next().values());
            header.require(requiredColumns);
        } catch (IOException | UncheckedIOException e) {
            throw new ItemStreamException("cannot read " + source + ": " + rootMessage(e), e);
        }
    }

    private void closeFile() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + source, e);
            }
        }
        parser = null;
        iterator = null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
