package com.wabilling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** What a failure says to the operator (docs/operations.md, Non-zero exits). */
class FailuresTest {

    private static final String DATA = "/srv/wa-billing/data";

    @Test
    void aFullDiskUnderAnOutputFileIsDiskFullAtThatFile() {
        Path file = Path.of("/srv/out/invoices/2023-06/summary.csv");
        Throwable failure = new IllegalStateException("step failed",
                new Failures.CannotWrite(file, "check WA_BILLING_OUTPUT_DIR", new IOException("No space left on device")));

        assertThat(Failures.reason(failure, DATA)).isEqualTo("disk full at " + file
                + " (No space left on device): free space there");
    }

    @Test
    void aFullDiskNamedByTheFileSystemIsDiskFullAtItsFile() {
        Throwable failure = new RuntimeException(new FileSystemException("/srv/data/sort/p001-r00001.bin", null,
                "No space left on device"));

        assertThat(Failures.reason(failure, DATA)).startsWith("disk full at /srv/data/sort/p001-r00001.bin ");
    }

    @Test
    void theEmbeddedDatabasesFullDataFileIsDiskFullAtTheDataDirectory() {
        // as HSQLDB reports a data file it cannot grow, through Spring's translation
        Throwable failure = new DataAccessResourceFailureException("PreparedStatementCallback; SQL [INSERT INTO"
                + " message_block ...]; Data File size limit is reached",
                new SQLException("Data File size limit is reached", "S1000", -468));

        assertThat(Failures.reason(failure, DATA)).isEqualTo("disk full at " + DATA + " (the embedded database could"
                + " not grow its data file: Data File size limit is reached): free space there");
    }

    @Test
    void aFullDiskThatNamesNoFileIsDiskFullWhereTheDatabaseIs() {
        Throwable failure = new RuntimeException("could not write", new SQLException(
                "ERROR: could not extend file \"base/16384/16385\": No space left on device"));

        assertThat(Failures.reason(failure, "the database server")).startsWith("disk full at the database server (");
    }

    @Test
    void anyOtherFailureIsItsRootMessage() {
        Throwable failure = new IllegalStateException("step failed", new IllegalArgumentException("no rate for Mars"));

        assertThat(Failures.diskFull(failure, DATA)).isEmpty();
        assertThat(Failures.reason(failure, DATA)).isEqualTo("step failed: no rate for Mars");
    }

    @Test
    void aFileThatCannotBeWrittenSaysWhyInWordsNotOnlyItsPath() {
        Path file = Path.of("/proc/adv-nope/template-migration.csv");
        // wrapped as a framework wraps it: the outer message repeats the inner one
        Throwable failure = new RuntimeException(
                new Failures.CannotWrite(file, "check WA_BILLING_OUTPUT_DIR", new NoSuchFileException("/proc/adv-nope")));

        assertThat(Failures.rootMessage(failure)).isEqualTo("cannot write " + file + ": no such file or directory,"
                + " and it cannot be created (/proc/adv-nope) — check WA_BILLING_OUTPUT_DIR");
    }
}
