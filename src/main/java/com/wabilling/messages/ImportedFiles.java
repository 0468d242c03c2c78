package com.wabilling.messages;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.FileFingerprint;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * The export files imported completely, by content (issue 9.1). An import skips a file whose
 * content (SHA-256 and size) an earlier import read completely, so re-reading a folder that gained
 * files imports exactly the new ones, whatever the folder is called.
 */
public class ImportedFiles implements CsvFilesReader.AlreadyRead {

    private static final SqlStatements SQL = SqlStatements.load("db/messages.sql");

    private final JdbcTemplate jdbc;

    public ImportedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String reason(FileFingerprint file) {
        List<String> found = jdbc.query(SQL.get("find-imported-file"), (rs, n) -> "already imported by run "
                + rs.getLong(1) + " (as " + rs.getString(2) + ", " + Instant.ofEpochMilli(rs.getLong(3)) + "), skipped",
                file.sha256(), file.size());
        return found.isEmpty() ? null : found.get(0);
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
            jdbc.update(SQL.get("insert-imported-file"), file.sha256(), file.size(), file.path(), runId,
                    now.toEpochMilli());
        }
        return true;
    }
}
