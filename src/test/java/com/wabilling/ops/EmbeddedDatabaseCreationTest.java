package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start killed while it migrated the embedded database, at every point between two steps: a new
 * database is made again; an upgraded one gets its copy from before the upgrade back and is
 * migrated again (docs/architecture.md, "Schema and migrations").
 */
class EmbeddedDatabaseCreationTest {

    private static final String OLD = "V1__Baseline\nV2__period_rebuild.sql\n";
    private static final String NEW = OLD + "V3__imported_files_and_status_changes.sql\n";

    @TempDir
    Path data;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private final AtomicInteger checkpoints = new AtomicInteger();

    @Test
    void aNewDatabaseIsMarkedUntilItsMigrationsAreDoneThenItsVersionIsRecorded() throws Exception {
        EmbeddedDatabaseCreation.Start start = begin(NEW);

        assertThat(data.resolve("db.creating")).exists();
        start.migrated(checkpoints::incrementAndGet);
        assertThat(checkpoints).hasValue(1);
        assertThat(data.resolve("db.creating")).doesNotExist();
        assertThat(Files.readString(data.resolve("db.schema-version"))).isEqualTo(NEW);
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

        EmbeddedDatabaseCreation.Start start = begin(NEW);

        assertThat(data.resolve("db.properties")).doesNotExist();
        assertThat(data.resolve("db.script")).doesNotExist();
        assertThat(data.resolve("db.tmp")).doesNotExist();
        assertThat(data.resolve("wa-billing.log")).hasContent("kept");
        assertThat(data.resolve("ops")).isDirectory();
        assertThat(data.resolve("db.creating")).exists(); // made again, marked again until done
        start.migrated(checkpoints::incrementAndGet);
        assertThat(data.resolve("db.creating")).doesNotExist();
    }

    @Test
    void aDatabaseAtThisVersionIsLeftAsItIsWithNoCopy() throws Exception {
        oldDatabase();
        Files.writeString(data.resolve("db.schema-version"), NEW);

        begin(NEW).migrated(checkpoints::incrementAndGet);

        assertThat(data.resolve("db.script")).hasContent("old tables");
        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(data.resolve("db.upgrading")).doesNotExist();
        assertThat(checkpoints).hasValue(0);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUpgradeIsCopiedAndMarkedUntilItsMigrationsAreDone() throws Exception {
        oldDatabase(); // a database from a release before the version file counts as an older one

        EmbeddedDatabaseCreation.Start start = begin(NEW);

        assertThat(data.resolve("db.upgrading")).exists();
        assertThat(data.resolve("upgrade-backup/db.script")).hasContent("old tables");
        assertThat(data.resolve("upgrade-backup/db.data")).hasContent("old rows");
        assertThat(data.resolve("upgrade-backup/db.tmp/x")).exists();
        assertThat(data.resolve("upgrade-backup/db.lck")).doesNotExist();
        assertThat(data.resolve("upgrade-backup.tmp")).doesNotExist();
        start.migrated(checkpoints::incrementAndGet);
        assertThat(checkpoints).hasValue(1);
        assertThat(data.resolve("db.upgrading")).doesNotExist();
        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(Files.readString(data.resolve("db.schema-version"))).isEqualTo(NEW);
        begin(NEW).migrated(checkpoints::incrementAndGet);
        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(checkpoints).as("the next start migrates nothing").hasValue(1);
    }

    @Test
    void killedWhileCopyingTheCopyIsMadeAgain() throws Exception {
        oldDatabase();
        Files.createDirectories(data.resolve("upgrade-backup.tmp"));
        Files.writeString(data.resolve("upgrade-backup.tmp/db.script"), "half a co");

        begin(NEW);

        assertThat(data.resolve("upgrade-backup.tmp")).doesNotExist();
        assertThat(data.resolve("upgrade-backup/db.script")).hasContent("old tables");
        assertThat(data.resolve("db.upgrading")).exists();
    }

    @Test
    void killedAfterTheCopyBeforeTheMarkTheCopyIsMadeAgain() throws Exception {
        oldDatabase();
        Files.createDirectories(data.resolve("upgrade-backup"));
        Files.writeString(data.resolve("upgrade-backup/db.script"), "an obsolete copy");

        begin(NEW);

        assertThat(data.resolve("upgrade-backup/db.script")).hasContent("old tables");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("restored");
    }

    @Test
    void killedDuringTheMigrationsTheCopyComesBackAndIsKeptUntilTheyAreDone() throws Exception {
        oldDatabase();
        begin(NEW);
        halfMigrated();

        EmbeddedDatabaseCreation.Start again = begin(NEW);

        assertRestored();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("the embedded database was being upgraded when its"
                + " process ended; restored the copy made before the upgrade, upgrading again");
        assertThat(data.resolve("db.upgrading")).exists();
        assertThat(data.resolve("upgrade-backup/db.script")).hasContent("old tables");
        again.migrated(checkpoints::incrementAndGet);
        assertThat(data.resolve("db.upgrading")).doesNotExist();
        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(Files.readString(data.resolve("db.schema-version"))).isEqualTo(NEW);
    }

    @Test
    void killedWhileRestoringTheCopyIsRestoredAgain() throws Exception {
        oldDatabase();
        begin(NEW);
        halfMigrated();
        // what a kill in the middle of a restore leaves: some files deleted, one copied back half
        Files.delete(data.resolve("db.properties"));
        Files.writeString(data.resolve("db.script"), "old ta");

        begin(NEW);

        assertRestored();
    }

    @Test
    void killedAfterTheMigrationsWereRecordedTheLeftoverCopyIsDiscarded() throws Exception {
        oldDatabase();
        begin(NEW);
        // the mark removed and the version written, the copy not yet deleted
        Files.delete(data.resolve("db.upgrading"));
        Files.writeString(data.resolve("db.schema-version"), NEW);

        begin(NEW).migrated(checkpoints::incrementAndGet);

        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(checkpoints).hasValue(0);
    }

    @Test
    void aMarkWithoutItsCopyIsRefusedAndNothingIsDeleted() throws Exception {
        oldDatabase();
        Files.writeString(data.resolve("db.upgrading"), "");

        assertThatThrownBy(() -> begin(NEW)).hasMessageContaining("upgrade-backup is missing");
        assertThat(data.resolve("db.script")).hasContent("old tables");
    }

    private EmbeddedDatabaseCreation.Start begin(String migrations) {
        return EmbeddedDatabaseCreation.begin(data, migrations, err);
    }

    private void oldDatabase() throws Exception {
        Files.writeString(data.resolve("db.properties"), "version=2.7.3");
        Files.writeString(data.resolve("db.script"), "old tables");
        Files.writeString(data.resolve("db.data"), "old rows");
        Files.createDirectories(data.resolve("db.tmp"));
        Files.writeString(data.resolve("db.tmp/x"), "");
        Files.writeString(data.resolve("db.lck"), "a killed process's lock");
        Files.writeString(data.resolve("db.schema-version"), OLD);
        Files.writeString(data.resolve("wa-billing.log"), "kept");
    }

    /** What a kill in the middle of a migration leaves: changed files, new ones. */
    private void halfMigrated() throws Exception {
        Files.writeString(data.resolve("db.script"), "old tables, and MESSAGE_COUNT");
        Files.writeString(data.resolve("db.data"), "half moved rows");
        Files.writeString(data.resolve("db.log"), "CREATE TABLE MESSAGE_COUNT");
        Files.writeString(data.resolve("db.backup"), "a page");
    }

    private void assertRestored() {
        assertThat(data.resolve("db.properties")).hasContent("version=2.7.3");
        assertThat(data.resolve("db.script")).hasContent("old tables");
        assertThat(data.resolve("db.data")).hasContent("old rows");
        assertThat(data.resolve("db.log")).doesNotExist();
        assertThat(data.resolve("db.backup")).doesNotExist();
        assertThat(data.resolve("db.tmp/x")).exists();
        assertThat(data.resolve("wa-billing.log")).hasContent("kept");
    }
}
