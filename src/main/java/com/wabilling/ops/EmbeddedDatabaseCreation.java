package com.wabilling.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A new embedded database is made by the first start's schema migrations (V1, V2, ...). HSQLDB
 * commits every DDL statement on its own, so a start killed in the middle leaves half a schema that
 * no later start can migrate ("object name already exists"). The making is therefore marked by a
 * file, removed once the migrations are done; a start that finds the mark deletes the half-made
 * database, which cannot hold anything yet (no job runs before the migrations end), and makes it
 * again. Called with the data directory's lock held (DataDirectoryLock).
 */
public final class EmbeddedDatabaseCreation {

    private static final String MARK = "db.creating";

    private EmbeddedDatabaseCreation() {
    }

    /** Prepares the start; the returned action is run once the schema is migrated. */
    public static Runnable begin(Path dataDir) {
        try {
            Path mark = dataDir.resolve(MARK);
            if (Files.exists(mark)) {
                System.err.println("wa-billing: the embedded database was being created when its process ended;"
                        + " creating it again");
                deleteDatabase(dataDir);
            } else if (Files.exists(dataDir.resolve("db.properties")) || Files.exists(dataDir.resolve("db.script"))) {
                return () -> { };
            }
            Files.createDirectories(dataDir);
            Files.writeString(mark, "the first start's schema migrations have not finished\n");
            return () -> {
                try {
                    Files.deleteIfExists(mark);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database in " + dataDir, e);
        }
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
