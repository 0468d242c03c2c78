package com.wabilling.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Prepares the embedded database for a start's schema migrations so that a kill in the middle never
 * wedges it (docs/architecture.md, "Schema and migrations"). HSQLDB commits every DDL statement on its own, so a
 * start killed while it migrates leaves half a schema that no later start can migrate ("object name
 * already exists").
 * <ul>
 * <li>A new database is made by the first start's migrations (V1, V2, ...), marked by a file until
 * they are done; a start that finds the mark deletes the half-made database, which cannot hold
 * anything yet (no job runs before the migrations end), and makes it again.</li>
 * <li>An existing database that this jar will migrate is copied first and put back by the start
 * after a kill ({@link EmbeddedDatabaseUpgrade}).</li>
 * </ul>
 * Called before the application context starts, with the data directory's lock held (DataDirectoryLock).
 */
public final class EmbeddedDatabaseCreation {

    private static final String MARK = "db.creating";

    /** What a start does once its context started, i.e. the schema is migrated. */
    public interface Start {
        /**
         * Makes the migrated schema durable ({@code checkpoint}: the database syncs its log only every
         * half second, and a kill must not take back migrations the marks no longer cover), then clears
         * the marks. Nothing when no migration was expected.
         */
        void migrated(Runnable checkpoint);
    }

    /** The start of a process that does not use the embedded database. */
    public static final Start NONE = checkpoint -> { };

    private EmbeddedDatabaseCreation() {
    }

    /** Prepares the start of this jar on the embedded database in the data directory. */
    public static Start begin(Path dataDir) {
        return begin(dataDir, MigrationSet.identifier(), System.err);
    }

    static Start begin(Path dataDir, String migrations, PrintStream err) {
        EmbeddedDatabaseUpgrade upgrade = new EmbeddedDatabaseUpgrade(dataDir, migrations);
        try {
            Path mark = dataDir.resolve(MARK);
            if (upgrade.wasInterrupted()) {
                upgrade.restore(err);
                return whenMigrated(upgrade::finish);
            }
            if (Files.exists(mark)) {
                err.println("wa-billing: the embedded database was being created when its process ended;"
                        + " creating it again");
                deleteDatabase(dataDir);
            } else if (Files.exists(dataDir.resolve("db.properties")) || Files.exists(dataDir.resolve("db.script"))) {
                upgrade.discardLeftovers();
                if (upgrade.isCurrent()) {
                    return NONE;
                }
                upgrade.backUp(err);
                return whenMigrated(upgrade::finish);
            }
            Files.createDirectories(dataDir);
            Files.writeString(mark, "the first start's schema migrations have not finished\n");
            return whenMigrated(() -> {
                Files.deleteIfExists(mark);
                upgrade.recordVersion();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static Start whenMigrated(Step clearMarks) {
        return checkpoint -> {
            checkpoint.run();
            try {
                clearMarks.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The files of the database named {@code db} in the directory: db.properties, db.script, ... and db.tmp/. */
    private static void deleteDatabase(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("db.")
                    && !f.getFileName().toString().equals(MARK)).toList()) {
                FileSystemUtils.deleteRecursively(file);
            }
        }
    }
}
