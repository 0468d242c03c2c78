package com.wabilling.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data and output directory under target/ for one test class: a real HSQLDB file
 * database, as in production, never shared between test classes.
 */
public final class TestWorkspace {

    private final Path root;

    private TestWorkspace(Path root) {
        this.root = root;
    }

    public static TestWorkspace create(String name) {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-work"));
            return new TestWorkspace(Files.createTempDirectory(base, name + "-").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * A copy of sample-data's reference files in the workspace ({@code reference/}), for a test that
     * changes them (a missing rate, a broken row) without touching the samples.
     */
    public Path copyOfSampleReference() {
        try {
            Path reference = Files.createDirectories(root.resolve("reference"));
            try (java.util.stream.Stream<Path> files = Files.list(Path.of("sample-data"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, reference.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path output() {
        return root.resolve("out");
    }

    /**
     * The embedded HSQLDB file database by default; with -Dwa-billing.test-db=postgresql (the second
     * surefire execution) a fresh database on a real PostgreSQL server.
     */
    public void register(DynamicPropertyRegistry registry) {
        if (onPostgresql()) {
            String url = EmbeddedPostgresServer.createDatabase("wa_" + root.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT));
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:hsqldb:file:" + root.resolve("data")
                    + "/db;hsqldb.tx=mvcc;shutdown=true;hsqldb.default_table_type=cached");
            registry.add("spring.datasource.username", () -> "SA");
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("wa-billing.output-dir", () -> output().toString());
    }

    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("wa-billing.test-db"));
    }

    /**
     * The environment of a launcher process working in {@code dir}: the embedded database in
     * {@code dir/data}, or (on the PostgreSQL execution) a fresh database of the test server.
     */
    public java.util.Map<String, String> launcherEnvironment(Path dir) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("WA_BILLING_DATA_DIR", dir.resolve("data").toString());
        env.put("WA_BILLING_OUTPUT_DIR", dir.resolve("out").toString());
        if (onPostgresql()) {
            env.put("WA_BILLING_DB_URL", EmbeddedPostgresServer.createDatabase("wa_" + (root.getFileName() + "_"
                    + dir.getFileName()).replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT)));
            env.put("WA_BILLING_DB_USER", "postgres");
            env.put("WA_BILLING_DB_PASSWORD", "postgres");
        }
        return env;
    }

    /** A connection to the database a launcher environment points at. */
    public static java.sql.Connection connect(java.util.Map<String, String> env) throws java.sql.SQLException {
        return env.containsKey("WA_BILLING_DB_URL")
                ? java.sql.DriverManager.getConnection(env.get("WA_BILLING_DB_URL"), "postgres", "postgres")
                : java.sql.DriverManager.getConnection("jdbc:hsqldb:file:" + env.get("WA_BILLING_DATA_DIR")
                        + "/db;shutdown=true", "SA", "");
    }
}
