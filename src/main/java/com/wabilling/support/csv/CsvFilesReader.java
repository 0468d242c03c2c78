package com.wabilling.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Streams the records of one or more CSV files with commons-csv. For restart it saves which files it
 * finished and, for the file it is in, the file's identity and the number of records taken from it;
 * on open it skips that many records without mapping them (stack.md: faster and more robust than
 * byte offsets). Files are matched by identity, not by position: a file added to the folder since
 * the failure is read, and a file that changed since it was read is refused (issue 8.3).
 */
public class CsvFilesReader extends ItemStreamSupport implements ItemStreamReader<CsvRow> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String DONE_KEY = "files.done";
    private static final String CURRENT_KEY = "file.current";
    private static final String RECORDS_KEY = "file.records";

    private final List<Path> files;
    private final List<String> requiredColumns;
    private final long totalBytes;

    private final ArrayList<String> done = new ArrayList<>();
    private final Deque<Path> pending = new ArrayDeque<>();
    private FileIdentity current;
    private long records;
    private CSVParser parser;
    private Iterator<CSVRecord> iterator;
    private CsvHeader header;
    private String source;
    private long bytesBefore;

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
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        Map<String, FileIdentity> finished = new LinkedHashMap<>();
        Object saved = context.get(getExecutionContextKey(DONE_KEY));
        if (saved instanceof List<?> list) {
            ((List<String>) list).stream().map(FileIdentity::parse).forEach(f -> finished.put(f.path(), f));
        }
        String savedCurrent = context.containsKey(getExecutionContextKey(CURRENT_KEY))
                ? context.getString(getExecutionContextKey(CURRENT_KEY)) : null;
        FileIdentity resume = savedCurrent == null ? null : FileIdentity.parse(savedCurrent);
        done.clear();
        pending.clear();
        bytesBefore = 0;
        for (Path file : files) {
            FileIdentity before = finished.get(file.toString());
            if (before != null) {
                refuseIfChanged(before, file);
                done.add(before.saved());
                bytesBefore += before.size();
            } else if (resume != null && resume.path().equals(file.toString())) {
                refuseIfChanged(resume, file);
                pending.addFirst(file);
            } else {
                pending.addLast(file);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        openFile(pending.peekFirst()); // a missing file or column stops the step here, before any work
        long resumeAt = context.getLong(getExecutionContextKey(RECORDS_KEY), 0L);
        if (resume != null && pending.peekFirst().toString().equals(resume.path())) {
            while (records < resumeAt && next() != null) {
                // skip what the failed execution already committed
            }
        }
    }

    /** A file read (wholly or partly) by the failed execution must be the same file now. */
    private void refuseIfChanged(FileIdentity before, Path file) {
        FileIdentity now = FileIdentity.of(file);
        if (!now.equals(before)) {
            throw new ItemStreamException(file + " changed since the failed execution read from it (size "
                    + before.size() + " -> " + now.size() + " bytes, modified " + Instant.ofEpochMilli(before.modifiedMillis())
                    + " -> " + Instant.ofEpochMilli(now.modifiedMillis()) + "); resuming would skip or repeat records."
                    + " Import the files as they are now with a new run: add rerun=<new value> to the same command");
        }
    }

    @Override
    public CsvRow read() {
        while (!pending.isEmpty()) {
            if (parser == null) {
                openFile(pending.peekFirst());
            }
            CsvRow row = next();
            if (row != null) {
                return row;
            }
            closeFile();
            pending.removeFirst();
            done.add(current.saved());
            bytesBefore += current.size();
            current = null;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.put(getExecutionContextKey(DONE_KEY), new ArrayList<>(done));
        if (current != null) {
            context.putString(getExecutionContextKey(CURRENT_KEY), current.saved());
        } else {
            context.remove(getExecutionContextKey(CURRENT_KEY));
        }
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

    private void openFile(Path file) {
        source = file.toString();
        records = 0;
        try {
            current = FileIdentity.of(file);
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
