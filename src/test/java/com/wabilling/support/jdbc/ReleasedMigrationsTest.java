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

    private static final Map<String, String> RELEASED = Map.ofEntries(
            Map.entry("migration/V2__period_rebuild.sql",
                    "4d0ad0f18560d39ec7f06a8d0717b1abdedf9d711901075336cd813e61268e5f"),
            Map.entry("migration/V3__imported_files_and_status_changes.sql",
                    "4b89fd09a219800de96249dd47067d6ee6e47f3ee6a709381bc9fda7f938b34c"),
            Map.entry("migration/V4__invoice_terms_and_period_basis.sql",
                    "adde70091e38d308ca89828a19eea401374d66002846a03ed69efc81ce145b3c"),
            Map.entry("migration/V5__message_counts_and_repeats.sql",
                    "6ee0658ae6235970998abb7a5d5960265a09e2740f50eaab3d4837816acf488b"),
            Map.entry("migration/V7__per_message_pricing.sql",
                    "c1084e439b2b1ff08fd2a30feaa8021161b20e2d94350893e3cb9f408bc634f4"),
            Map.entry("migration/V8__invoice_documents.sql",
                    "356e22a08f2bce802f0bf9ca8c369bbae7bbe28e252e5d18ee78acd07dd6a918"),
            Map.entry("migration/V9__rebuild_start_fingerprint.sql",
                    "6e60ac1197144bc7b82ab14de0c7546b5783d09488e2ceaf4e747f44fcde7dee"),
            Map.entry("migration/V10__credit_note_vat_in_eur.sql",
                    "c8e44e0660764cfc605a9c7735075c1616a4bf074bab1d4b521720c1fa29fd9b"),
            Map.entry("migration/V11__customer_user_ids.sql",
                    "0a96fb556042d34e4485cc5553fe3d208512785d12a3e2803681e041a6040851"),
            Map.entry("migration/V12__authentication_international.sql",
                    "d8cfec7b4d71fd0f29587dbba6c4b918d91310838f0c933d7668117a25b8f573"),
            Map.entry("migration/V13__priced_message_unsettled.sql",
                    "94c0489b74d5cbaaf485980b7b27fc4f7c6686615ac18215f22b23e274b70fe1"),
            Map.entry("migration/V14__prepaid_statements.sql",
                    "7d068f970a51c5eb8f4e7810cec09fcd79847f256600e1db16604943aa84880a"),
            Map.entry("migration/V16__invoice_explanation.sql",
                    "ee0d05ddf8de4521ebd08670776a187eb57f482b3cefb59665681d0acc9699db"));

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
