package com.wabilling.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * An existing embedded database that a start will migrate (its {@code db.schema-version} does not
 * name this jar's {@link MigrationSet}) is copied first. HSQLDB commits every DDL statement on its
 * own, so a migration killed in the middle cannot be run again; the start after such a kill puts
 * the copy back and migrates again (docs/architecture.md, "Schema and migrations"). Every step is ordered so
 * that a kill between any two leaves a state the next start recovers from:
 * <ol>
 * <li>the database files are copied into {@value #COPYING}, which is then renamed {@value #BACKUP}
 * (a copy without the mark below is unfinished or obsolete: discarded and made again);</li>
 * <li>the mark {@value #MARK} is written: from here on a start restores the copy (copying it back,
 * so a kill while restoring restores again) and keeps it;</li>
 * <li>once migrated: the mark is removed, the version file written, the copy deleted.</li>
 * </ol>
 */
final class EmbeddedDatabaseUpgrade {

    static final String MARK = "db.upgrading";
    static final String VERSION = "db.schema-version";
    static final String BACKUP = "upgrade-backup";
    static final String COPYING = "upgrade-backup.tmp";
    /** The files of the database named {@code db}; db.lck is the database's lock, never copied. */
    static final List<String> FILES = List.of("db.properties", "db.script", "db.data", "db.backup", "db.log", "db.tmp");

    private final Path dataDir;
    private final String migrations;

    EmbeddedDatabaseUpgrade(Path dataDir, String migrations) {
        this.dataDir = dataDir;
        this.migrations = migrations;
    }

    /** Whether the last start that finished its migrations had this jar's migration set. */
    boolean isCurrent() throws IOException {
        Path version = dataDir.resolve(VERSION);
        return Files.exists(version) && Files.readString(version, StandardCharsets.UTF_8).equals(migrations);
    }

    /** Whether a start was killed while it upgraded the database (the copy is to be put back). */
    boolean wasInterrupted() {
        return Files.exists(dataDir.resolve(MARK));
    }

    /** A copy without the mark: a start killed before it wrote the mark, or after it removed it. */
    void discardLeftovers() throws IOException {
        FileSystemUtils.deleteRecursively(dataDir.resolve(COPYING));
        FileSystemUtils.deleteRecursively(dataDir.resolve(BACKUP));
    }

    /** Steps 1 and 2: a fresh copy of the database, then the mark. */
    void backUp(PrintStream err) throws IOException {
        Path copying = dataDir.resolve(COPYING);
        Path backup = dataDir.resolve(BACKUP);
        discardLeftovers();
        Files.createDirectories(copying);
        for (String name : FILES) {
            copy(dataDir.resolve(name), copying.resolve(name));
        }
        Files.move(copying, backup, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dataDir.resolve(MARK), "schema migrations running; " + BACKUP + "/ holds the database"
                + " from before them\n");
        err.println("wa-billing: the embedded database's schema may be upgraded by this version; a copy from before"
                + " is kept in " + backup + " until the upgrade is done");
    }

    /** After a kill during the upgrade: the copy goes back over the database files, and stays until success. */
    void restore(PrintStream err) throws IOException {
        Path backup = dataDir.resolve(BACKUP);
        if (!Files.isDirectory(backup)) {
            // never reached by a kill (the copy is complete before the mark is written): someone removed it
            throw new IOException(dataDir.resolve(MARK) + " says an upgrade was interrupted but " + backup
                    + " is missing; restore " + dataDir + " from a backup of your own");
        }
        for (String name : FILES) {
            FileSystemUtils.deleteRecursively(dataDir.resolve(name));
        }
        for (String name : FILES) {
            copy(backup.resolve(name), dataDir.resolve(name));
        }
        err.println("wa-billing: the embedded database was being upgraded when its process ended; restored the copy"
                + " made before the upgrade, upgrading again");
    }

    /** Step 3, once the migrations are done and durable. */
    void finish() throws IOException {
        Files.deleteIfExists(dataDir.resolve(MARK));
        recordVersion();
        FileSystemUtils.deleteRecursively(dataDir.resolve(BACKUP));
    }

    /** Writes the version file whole (a temporary file moved into place). */
    void recordVersion() throws IOException {
        Path tmp = dataDir.resolve(VERSION + ".tmp");
        Files.writeString(tmp, migrations, StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(VERSION), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            FileSystemUtils.copyRecursively(from, to);
        }
    }
}
