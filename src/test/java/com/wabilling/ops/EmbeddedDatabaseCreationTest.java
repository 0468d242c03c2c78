package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start killed while it migrated the new embedded database: the next start makes it again. */
class EmbeddedDatabaseCreationTest {

    @TempDir
    Path data;

    @Test
    void aNewDatabaseIsMarkedUntilItsMigrationsAreDone() throws Exception {
        Runnable done = EmbeddedDatabaseCreation.begin(data);

        assertThat(data.resolve("db.creating")).exists();
        done.run();
        assertThat(data.resolve("db.creating")).doesNotExist();
    }

    @Test
    void aHalfMadeDatabaseIsDeletedAndMadeAgainOtherFilesStay() throws Exception {
        Files.writeString(data.resolve("db.creating"), "");
        Files.writeString(data.resolve("db.properties"), "half");
        Files.writeString(data.resolve("db.script"), "CREATE TABLE BATCH_JOB_INSTANCE");
        Files.createDirectories(data.resolve("db.tmp"));
        Files.writeString(data.resolve("db.tmp").resolve("x"), "");
        Files.writeString(data.resolve("wa-billing.log"), "kept");
        Files.createDirectories(data.resolve("ops"));

        Runnable done = EmbeddedDatabaseCreation.begin(data);

        assertThat(data.resolve("db.properties")).doesNotExist();
        assertThat(data.resolve("db.script")).doesNotExist();
        assertThat(data.resolve("db.tmp")).doesNotExist();
        assertThat(data.resolve("wa-billing.log")).hasContent("kept");
        assertThat(data.resolve("ops")).isDirectory();
        assertThat(data.resolve("db.creating")).exists(); // made again, marked again until done
        done.run();
        assertThat(data.resolve("db.creating")).doesNotExist();
    }

    @Test
    void anExistingDatabaseIsLeftAsItIs() throws Exception {
        Files.writeString(data.resolve("db.properties"), "made");
        Files.writeString(data.resolve("db.script"), "tables");

        EmbeddedDatabaseCreation.begin(data).run();

        assertThat(data.resolve("db.script")).hasContent("tables");
        assertThat(data.resolve("db.creating")).doesNotExist();
    }
}
