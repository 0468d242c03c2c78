package com.wabilling.support.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Streams the records of one or more CSV files ({@link CsvRecords}: bounded, a stray quote costs one
 * record). For restart it saves which files it
 * finished and, for the file it is in, the file's identity and the number of records taken from it;
 * on open it skips that many records without mapping them (docs/development.md: faster and more robust than
 * byte offsets). Files are matched by identity, not by position: a file added to the folder since
 * the failure is read, and a file that changed since it was read is refused.
 */
public class CsvFilesReader extends ItemStreamSupport implements ItemStreamReader<CsvRow> {

    private static final String DONE_KEY = "files.done";
    private static final String CURRENT_KEY = "file.current";
    private static final String RECORDS_KEY = "file.records";
    /** Fingerprints of the files this run reads, and the files it skips, for the report step. */
    public static final String FINGERPRINTS_KEY = "files.fingerprints";
    public static final String SKIPPED_KEY = "files.skipped";

    /**
     * Says whether a file need not be read: a reason ("already imported by run 7, skipped") or
     * null. Asked once per file not yet started by this run.
     */
    @FunctionalInterface
    public interface AlreadyRead {
        String reason(FileFingerprint file);
    }

    private final List<Path> files;
    private final List<String> requiredColumns;
    private final long totalBytes;
    private final AlreadyRead alreadyRead;
    private final ArrayList<String> fingerprints = new ArrayList<>();
    private final ArrayList<String> skipped = new ArrayList<>();

    private final ArrayList<String> done = new ArrayList<>();
    private final Deque<Path> pending = new ArrayDeque<>();
    private FileIdentity current;
    private long records;
    private CsvFile file;
    private long bytesBefore;

    public CsvFilesReader(String name, List<Path> files, List<String> requiredColumns) {
        this(name, files, requiredColumns, null);
    }

    /** With {@code alreadyRead}, every file is fingerprinted on open and may be skipped. */
    public CsvFilesReader(String name, List<Path> files, List<String> requiredColumns, AlreadyRead alreadyRead) {
        setName(name);
        this.alreadyRead = alreadyRead;
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
        fingerprints.clear();
        skipped.clear();
        bytesBefore = 0;
        for (Path file : files) {
            FileIdentity before = finished.get(file.toString());
            boolean started = before != null || resume != null && resume.path().equals(file.toString());
            if (before != null) {
                refuseIfChanged(before, file);
            } else if (started) {
                refuseIfChanged(resume, file);
            }
            FileFingerprint fingerprint = alreadyRead == null || !Files.isRegularFile(file) ? null
                    : FileFingerprint.of(file);
            String skip = fingerprint == null || started ? null : alreadyRead.reason(fingerprint);
            if (skip != null) {
                skipped.add(file + ": " + skip);
                continue;
            }
            if (fingerprint != null) {
                fingerprints.add(fingerprint.saved());
            }
            if (before != null) {
                done.add(before.saved());
                bytesBefore += before.size();
            } else if (started) {
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
            while (file.records() < resumeAt && next() != null) {
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
            if (file == null) {
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
        context.putLong(getExecutionContextKey(RECORDS_KEY), file == null ? records : file.records());
        context.put(getExecutionContextKey(FINGERPRINTS_KEY), new ArrayList<>(fingerprints));
        context.put(getExecutionContextKey(SKIPPED_KEY), new ArrayList<>(skipped));
    }

    /** The key under which {@link #update} saves {@code key} for a reader of this name. */
    public static String contextKey(String readerName, String key) {
        return readerName + "." + key;
    }

    @Override
    public void close() {
        closeFile();
    }

    private double fraction(long position) {
        // a .csv.gz file counts its characters against its compressed size: progress only, so capped
        return totalBytes == 0 ? Double.NaN : Math.min(1.0, (double) (bytesBefore + position) / totalBytes);
    }

    private CsvRow next() {
        return file == null ? null : file.next(this::fraction, done.size()); // done: the files read before it
    }

    private void openFile(Path path) {
        file = new CsvFile(path, requiredColumns);
        current = file.identity();
    }

    private void closeFile() {
        if (file != null) {
            records = file.records();
            file.close();
        }
        file = null;
    }
}
