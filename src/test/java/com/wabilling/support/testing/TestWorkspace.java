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

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:hsqldb:file:" + root.resolve("data") + "/db;hsqldb.tx=mvcc;shutdown=true;hsqldb.default_table_type=cached");
        registry.add("spring.datasource.username", () -> "SA");
        registry.add("spring.datasource.password", () -> "");
        registry.add("wa-billing.output-dir", () -> output().toString());
    }
}
