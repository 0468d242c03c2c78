package com.wabilling.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

/**
 * A migration applied by a released version is never edited, not even a comment (docs/architecture.md,
 * "Schema and migrations"): Flyway checks every applied script's checksum at start, and a database
 * migrated by the earlier version would no longer start. Each script is pinned by the SHA-256 of its
 * bytes; a new migration adds its line here once it is released.
 */
class ReleasedMigrationsTest {

    private static final Map<String, String> RELEASED = Map.of(
            "migration/V2__period_rebuild.sql", "4d0ad0f18560d39ec7f06a8d0717b1abdedf9d711901075336cd813e61268e5f",
            "migration/V3__imported_files_and_status_changes.sql",
            "4b89fd09a219800de96249dd47067d6ee6e47f3ee6a709381bc9fda7f938b34c",
            "migration/V4__invoice_terms_and_period_basis.sql",
            "adde70091e38d308ca89828a19eea401374d66002846a03ed69efc81ce145b3c",
            "migration/V5__message_counts_and_repeats.sql",
            "6ee0658ae6235970998abb7a5d5960265a09e2740f50eaab3d4837816acf488b",
            "migration/V7__per_message_pricing.sql", "c1084e439b2b1ff08fd2a30feaa8021161b20e2d94350893e3cb9f408bc634f4",
            "migration/V8__invoice_documents.sql", "356e22a08f2bce802f0bf9ca8c369bbae7bbe28e252e5d18ee78acd07dd6a918");

    /**
     * The baseline's tables, run by the Java migration V1: Flyway keeps no checksum of a Java migration, so its
     * comments may change, but not a statement (databases made by it and by an earlier version must be alike).
     */
    private static final String BASELINE_STATEMENTS = "e08267e6b6d89540fe766064f8cfd69898d1f1230dd00628a16836567e53a887";

    private static final Path DB = Path.of("src/main/resources/db");

    @Test
    void noReleasedMigrationChangesByOneByte() throws IOException {
        Map<String, String> now = new TreeMap<>();
        for (String script : RELEASED.keySet()) {
            now.put(script, DigestUtils.sha256Hex(Files.readAllBytes(DB.resolve(script))));
        }
        assertThat(now).isEqualTo(new TreeMap<>(RELEASED));
    }

    @Test
    void theBaselineTablesKeepEveryStatement() throws IOException {
        String statements = String.join("\n", Files.readString(DB.resolve("baseline/domain-tables.sql")).lines()
                .filter(l -> !l.strip().startsWith("--")).toList());
        assertThat(DigestUtils.sha256Hex(statements)).isEqualTo(BASELINE_STATEMENTS);
    }

    @Test
    void everyReleasedScriptIsStillThere() throws IOException {
        try (Stream<Path> scripts = Files.list(DB.resolve("migration"))) {
            assertThat(scripts.map(p -> "migration/" + p.getFileName()).filter(n -> n.endsWith(".sql")).toList())
                    .containsAll(RELEASED.keySet().stream().filter(n -> n.startsWith("migration/")).toList());
        }
    }
}
