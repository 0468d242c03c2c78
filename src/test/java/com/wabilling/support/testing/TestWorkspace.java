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

    public Path output() {
        return root.resolve("out");
    }

    /**
     * The embedded HSQLDB file database by default; with -Dwa-billing.test-db=postgresql (the second
     * surefire execution) a fresh database on a real PostgreSQL server.
     */
    public void register(DynamicPropertyRegistry registry) {
        if ("postgresql".equals(System.getProperty("wa-billing.test-db"))) {
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
}
