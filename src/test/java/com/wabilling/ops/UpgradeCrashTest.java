package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.FileSystemUtils;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.messages.StoredMessages;
import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.ChildJvm.Child;
import com.wabilling.support.testing.ChildJvm.Kill;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/architecture.md, "Schema and migrations": an embedded database from before Flyway, with enough messages
 * stored a row each that moving them into blocks (schema versions 5 and 6) takes seconds, is upgraded
 * by a child JVM killed with SIGKILL in the middle of those migrations, then killed again at a random
 * moment of the next start; the start after that exits 0 and every message is still there. HSQLDB
 * only: PostgreSQL rolls a failed migration's DDL back.
 */
@SlowTest
class UpgradeCrashTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("upgrade");
    private static final long SEED = Long.getLong("wa-billing.crash-seed", System.nanoTime());
    private static final int MESSAGES = 300_000;
    private static Path old;
    private static String messagesBefore;

    @BeforeAll
    static void buildAnOldDatabase() throws Exception {
        Assumptions.assumeFalse(TestWorkspace.onPostgresql(), "PostgreSQL's DDL is transactional");
        old = WORKSPACE.root().resolve("old");
        String url = "jdbc:hsqldb:file:" + old.resolve("db") + ";hsqldb.tx=mvcc;shutdown=true;"
                + "hsqldb.default_table_type=cached";
        // what the version before Flyway did on first use: Spring Batch's script, then db/schema.sql
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-hsqldb.sql"),
                new ClassPathResource("db/schema-before-flyway.sql")).execute(new DriverManagerDataSource(url, "SA", ""));
        Random random = new Random(42);
        long june = java.time.Instant.parse("2023-06-01T00:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(url, "SA", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO message (message_id, waba_id,"
                    + " phone_number_id, customer_wa_id, bucket, direction, message_type, template_name,"
                    + " template_language, sent_at_ms, status, delivered_at_ms, event_at_ms, entry_point,"
                    + " meta_conversation_id, meta_category, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)")) {
                for (int i = 0; i < MESSAGES; i++) {
                    String customer = "3160" + (1_000_000 + random.nextInt(40_000));
                    boolean inbound = random.nextInt(3) == 0;
                    long sent = june + random.nextInt(30 * 86_400) * 1000L;
                    Long delivered = inbound || random.nextInt(10) == 0 ? null : sent + random.nextInt(60_000);
                    insert.setString(1, "wamid." + i);
                    insert.setString(2, "10" + random.nextInt(5));
                    insert.setString(3, "20" + random.nextInt(5));
                    insert.setString(4, customer);
                    insert.setInt(5, Math.floorMod(customer.hashCode(), 64));
                    insert.setString(6, inbound ? "I" : "O");
                    insert.setString(7, inbound ? "text" : "template");
                    insert.setString(8, inbound ? null : "order_update");
                    insert.setString(9, inbound ? null : "en");
                    insert.setLong(10, sent);
                    insert.setString(11, inbound ? null : delivered == null ? "failed" : "read");
                    insert.setObject(12, delivered);
                    insert.setObject(13, inbound ? Long.valueOf(sent) : delivered);
                    insert.setString(14, inbound && random.nextInt(20) == 0 ? "ctwa_ad" : null);
                    insert.setString(15, inbound || random.nextBoolean() ? null : "conv." + random.nextInt(100_000));
                    insert.setString(16, inbound ? null : "utility");
                    insert.setLong(17, 1 + i / 100_000);
                    insert.addBatch();
                    if (i % 5000 == 4999 || i == MESSAGES - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            messagesBefore = digest(c, "SELECT message_id, direction, sent_at_ms, status, delivered_at_ms,"
                    + " entry_point, meta_conversation_id, run_id FROM message");
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // as a finished launch of the old version leaves it
            }
        }
    }

    @Test
    void anUpgradeKilledInTheMiddleOfItsMigrationsIsMadeAgainAndKeepsEveryMessage() throws Exception {
        // an uninterrupted upgrade of a copy says how long versions 5 and 6 take here
        Map<String, String> reference = environment("reference");
        Child upgraded = ChildJvm.run(reference, "ops", "list");
        assertThat(upgraded.exitCode).as(upgraded.output.toString()).isZero();
        Duration migration = between(Path.of(reference.get("WA_BILLING_DATA_DIR"), "wa-billing.log"),
                "to version \"5", "to version \"7");
        assertThat(messages(reference)).isEqualTo(messagesBefore);

        Random random = new Random(SEED);
        long delay = (long) (random.nextDouble() * migration.toMillis());
        Map<String, String> env = null;
        Killed first = null;
        // this machine's load changes how long the migrations take: a kill that came after them is tried again
        for (int attempt = 1; first == null || !first.inMigration(); attempt++) {
            assertThat(attempt).as("seed %d: a kill within versions 5 and 6 (%s here) in 4 attempts", SEED, migration)
                    .isLessThanOrEqualTo(4);
            env = environment("crashed-" + attempt);
            first = killDuringMigration(env, delay);
            delay /= 2;
        }
        Path data = Path.of(env.get("WA_BILLING_DATA_DIR"));
        boolean marked = Files.exists(data.resolve("db.upgrading"));
        // and once more anywhere in the next start: restoring, copying, migrating
        Child again = ChildJvm.runAndKill(env, Kill.after(500 + random.nextInt(6000)), "ops", "list");
        if (!again.killedWhileRunning) {
            assertThat(again.exitCode).as("seed %d: %s", SEED, again.output).isZero();
        }
        Child last = ChildJvm.run(env, "ops", "list");

        assertThat(last.exitCode).as("seed %d: %s\n%s", SEED, again.output, last.output).isZero();
        assertThat(again.output.toString() + last.output).contains("the embedded database was being upgraded when its"
                + " process ended; restored the copy made before the upgrade, upgrading again");
        assertThat(marked).as("the upgrade was marked while it ran").isTrue();
        assertThat(data.resolve("db.upgrading")).doesNotExist();
        assertThat(data.resolve("upgrade-backup")).doesNotExist();
        assertThat(data.resolve("db.schema-version")).exists();
        assertThat(messages(env)).as("seed %d", SEED).isEqualTo(messagesBefore);
    }

    /** A copy of the old database in its own data directory. */
    private static Map<String, String> environment(String name) throws Exception {
        Map<String, String> env = new java.util.LinkedHashMap<>(WORKSPACE.launcherEnvironment(WORKSPACE.root()
                .resolve(name)));
        Path data = Path.of(env.get("WA_BILLING_DATA_DIR"));
        FileSystemUtils.copyRecursively(old, data);
        env.put("LOGGING_LEVEL_ORG_FLYWAYDB", "INFO"); // Flyway says which version it migrates to, in wa-billing.log
        return env;
    }

    /** A child killed by SIGKILL; inMigration: its log showed version 5 or 6 being applied right before. */
    private record Killed(Child child, boolean inMigration) {
    }

    /** Starts ops list and kills it (SIGKILL) the given time after Flyway began version 5. */
    private static Killed killDuringMigration(Map<String, String> env, long delayMillis) throws Exception {
        Path log = Path.of(env.get("WA_BILLING_DATA_DIR"), "wa-billing.log");
        Process process = ChildJvm.start(env, "ops", "list");
        Child child = new Child();
        Thread drain = ChildJvm.drain(process, child.output, null, null);
        boolean inMigration;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!(Files.exists(log) && Files.readString(log).contains("to version \"5")) && process.isAlive()) {
                assertThat(System.nanoTime()).as("version 5 began within 5 minutes").isLessThan(deadline);
                Thread.sleep(20);
            }
            child.killedWhileRunning = !process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            inMigration = child.killedWhileRunning && !Files.readString(log).contains("to version \"7");
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            process.waitFor();
            drain.join();
        }
        child.exitCode = process.exitValue();
        return new Killed(child, inMigration);
    }

    /** The time between the log lines containing the two texts (the log's own timestamps). */
    private static Duration between(Path log, String first, String second) throws Exception {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        LocalTime from = time(lines, first);
        LocalTime to = time(lines, second);
        return Duration.between(from, to);
    }

    private static LocalTime time(List<String> lines, String text) {
        String line = lines.stream().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in " + lines));
        return LocalTime.parse(line.substring(11, 23));
    }

    /** Count and SHA-256 of every stored message, as the blocks hold them. */
    private static String messages(Map<String, String> env) throws Exception {
        try (Connection c = TestWorkspace.connect(env)) {
            List<String> rows = new ArrayList<>();
            StoredMessages.all(new SingleConnectionDataSource(c, true)).forEach(r -> rows.add(String.join("\u0001",
                    r.message().messageId(), r.message().direction().code(),
                    String.valueOf(r.message().timestamp().toEpochMilli()), String.valueOf(r.message().status()),
                    r.message().deliveredAt() == null ? "null" : String.valueOf(r.message().deliveredAt().toEpochMilli()),
                    String.valueOf(r.message().entryPoint()), String.valueOf(r.message().metaConversationId()),
                    String.valueOf(r.runId()))));
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return digest(rows);
        }
    }

    private static String digest(Connection c, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)).strip());
                }
                rows.add(String.join("\u0001", row));
            }
        }
        return digest(rows);
    }

    private static String digest(List<String> rows) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        rows.stream().sorted().forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return rows.size() + " messages " + java.util.HexFormat.of().formatHex(sha.digest());
    }
}
