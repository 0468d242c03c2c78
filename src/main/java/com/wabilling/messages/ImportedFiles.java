package com.wabilling.messages;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.FileFingerprint;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * The export files imported completely, by content. An import skips a file whose
 * content (SHA-256 and size) an earlier import read completely, so re-reading a folder that gained
 * files imports exactly the new ones, whatever the folder is called.
 */
public class ImportedFiles implements CsvFilesReader.AlreadyRead {

    private static final SqlStatements SQL = SqlStatements.load("db/messages.sql");

    private final JdbcClient jdbc;

    public ImportedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An earlier import that read a file's content completely. */
    public record Imported(long runId, String path, Instant at) {
        @Override
        public String toString() {
            return "imported by run " + runId + " at " + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + " (as " + path + ")";
        }
    }

    public java.util.Optional<Imported> find(FileFingerprint file) {
        List<Imported> found = jdbc.sql(SQL.get("find-imported-file")).param("sha256", file.sha256())
                .param("size", file.size())
                .query((rs, n) -> new Imported(rs.getLong("run_id"), rs.getString("file_path"),
                        Instant.ofEpochMilli(rs.getLong("imported_at_ms"))))
                .list();
        return found.stream().findFirst();
    }

    @Override
    public String reason(FileFingerprint file) {
        return find(file).map(i -> "already " + i + ", skipped").orElse(null);
    }

    /**
     * Records a file the run read completely; called in the report step's transaction, so only a
     * completed import counts. A file changed since it was read is not recorded (it is read again
     * next time) and false is returned.
     */
    public boolean record(FileFingerprint file, long runId, Instant now) {
        if (!file.stillTheSameFile()) {
            return false;
        }
        if (reason(file) == null) { // two identical files in one run are one content
            jdbc.sql(SQL.get("insert-imported-file")).param("sha256", file.sha256()).param("size", file.size())
                    .param("path", file.path()).param("runId", runId).param("importedAt", now.toEpochMilli()).update();
        }
        return true;
    }
}
