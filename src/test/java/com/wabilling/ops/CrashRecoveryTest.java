package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.benchmark.SyntheticExport;
import com.wabilling.messages.StoredMessages;
import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.ChildJvm.Child;
import com.wabilling.support.testing.ChildJvm.Kill;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md: real child JVMs are killed with SIGKILL at random moments of every job (the first
 * second included, twice in a row per job); running the same command again recovers the dead
 * execution with no human step, resumes it, and every output is identical to an uninterrupted run.
 * Runs on the embedded database, and on PostgreSQL in the second surefire execution.
 */
@SlowTest
@org.junit.jupiter.api.Tag("postgresql") // also on the embedded PostgreSQL
class CrashRecoveryTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("crash");
    private static final long SEED = Long.getLong("wa-billing.crash-seed", System.nanoTime());
    private static Path input;
    private static Path large;

    @BeforeAll
    static void generateExports() throws IOException {
        input = WORKSPACE.root().resolve("input");
        new SyntheticExport().write(input, 150_000, Path.of("sample-data"));
        large = WORKSPACE.root().resolve("large");
        // an import that runs for seconds, long enough to be killed mid-way after its first progress line; the
        // tests that launch other commands meanwhile freeze it (SIGSTOP) while those start
        new SyntheticExport().write(large, 1_200_000, Path.of("sample-data"));
    }

    @Test
    void jobsKilledAtRandomMomentsResumeToTheSameResultsAsAnUninterruptedRun() throws Exception {
        Map<String, String> reference = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("reference"));
        Map<String, String> crashed = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("crashed"));
        String[][] suite = {
            {"migrate-templates", "input=" + input.resolve("templates.csv")},
            {"import-messages", "input=" + input.resolve("messages")},
            {"reconstruct", "from=2023-05-29", "to=2023-07-04"},
            {"invoice", "month=2023-06"},
        };
        for (String[] command : suite) {
            assertThat(run(reference, command).exitCode).as(String.join(" ", command)).isZero();
        }

        Random random = new Random(SEED);
        StringBuilder consoles = new StringBuilder();
        for (String[] command : suite) {
            String job = command[0];
            // first kill: anywhere in the first two seconds (JVM start, context, a new execution);
            // second kill: while the job works (after its first progress line, plus a random delay)
            Child early = runAndKill(crashed, Kill.after(300 + random.nextInt(1700)), command);
            consoles.append(early.output);
            boolean done = early.exitCode == 0;
            if (!done) {
                Child late = runAndKill(crashed, job.equals("migrate-templates") ? Kill.after(2000 + random.nextInt(4000))
                        : Kill.afterProgress(job + ":", random.nextInt(1500)), command);
                consoles.append(late.output);
                done = late.exitCode == 0;
                assertThat(late.killedWhileRunning || done).as("seed %d: %s killed or done", SEED, job).isTrue();
            }
            if (!done) {
                Child again = run(crashed, command);
                // a kill can land after the job recorded its completion, while the process still printed or
                // shut down: then the same command says so (exit 3), and the outputs below prove the results
                if (again.exitCode == ExitCodes.ALREADY_COMPLETED) {
                    assertThat(again.output).as("seed %d: %s", SEED, job).contains("already completed");
                } else {
                    assertThat(again.exitCode).as("seed %d: %s after two kills: %s", SEED, job, again.output).isZero();
                }
                consoles.append(again.output);
            }
        }
        consoles.append(readIfPresent(Path.of(crashed.get("WA_BILLING_DATA_DIR"), "wa-billing.log")));
        for (String number : customerNumbers()) {
            assertThat(consoles).as("logs never print customer numbers").doesNotContain(number);
        }

        Path crashedOut = Path.of(crashed.get("WA_BILLING_OUTPUT_DIR"));
        Path referenceOut = Path.of(reference.get("WA_BILLING_OUTPUT_DIR"));
        assertThat(files(crashedOut.resolve("conversations"))).as("seed %d", SEED)
                .isEqualTo(files(referenceOut.resolve("conversations")));
        assertThat(files(crashedOut.resolve("invoices/2023-06"))).as("seed %d", SEED)
                .isEqualTo(files(referenceOut.resolve("invoices/2023-06")));
        assertThat(stored(crashed)).as("seed %d", SEED).isEqualTo(stored(reference));
    }

    @Test
    void aFirstStartKilledWhileItCreatedTheEmbeddedDatabaseIsMadeAgain() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestWorkspace.onPostgresql(), "PostgreSQL rolls DDL back");
        Map<String, String> env = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("half-made"));
        Path data = Path.of(env.get("WA_BILLING_DATA_DIR"));
        // what a first start killed inside its migrations leaves: V1's tables without V1 in Flyway's
        // history (HSQLDB commits each DDL statement), and the creation mark
        String url = "jdbc:hsqldb:file:" + data.resolve("db") + ";hsqldb.tx=mvcc;shutdown=true;"
                + "hsqldb.default_table_type=cached";
        org.flywaydb.core.Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration")
                .javaMigrations(new com.wabilling.support.jdbc.V1__Baseline()).target("1").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\"");
        }
        Files.writeString(data.resolve("db.creating"), "");

        Child again = run(env, "migrate-templates", "input=" + input.resolve("templates.csv"));

        assertThat(again.exitCode).as(again.output.toString()).isZero();
        assertThat(again.output).contains("creating it again");
        assertThat(data.resolve("db.creating")).doesNotExist();
    }

    @Test
    void aProcessKilledDuringItsFirstChunkIsResumedWithoutAnyHumanStep() throws Exception {
        Map<String, String> env = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("first-chunk"));
        assertThat(run(env, "migrate-templates", "input=" + input.resolve("templates.csv")).exitCode).isZero();
        // 1.5 s after the first chunk: the embedded database makes commits durable within 0.5 s (write delay);
        // the large export, since the import reads 150k messages in about a second
        Child killed = runAndKill(env, Kill.afterProgress("import-messages:", 1500),
                "import-messages", "input=" + large.resolve("messages"));
        assertThat(killed.killedWhileRunning).isTrue();

        Child again = run(env, "import-messages", "input=" + large.resolve("messages"));

        assertThat(again.exitCode).as(again.output.toString()).isZero();
        assertThat(again.output).contains("recovered, resuming from its last commit");
    }

    @Test
    void aSecondLaunchWhileAJobRunsIsRefusedNamingTheExecutionAndSigtermSaysHowToResume() throws Exception {
        Map<String, String> env = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("concurrent"));
        assertThat(run(env, "migrate-templates", "input=" + input.resolve("templates.csv")).exitCode).isZero();
        Process first = start(env, "import-messages", "input=" + large.resolve("messages"));
        StringBuffer firstOutput = new StringBuffer();
        CountDownLatch progress = new CountDownLatch(1);
        Thread drain = ChildJvm.drain(first, firstOutput, "import-messages:", progress);
        try {
            assertThat(progress.await(5, TimeUnit.MINUTES)).isTrue();
            ChildJvm.signal(first, "STOP"); // still running, its locks held, while the two launches start
            Child second = run(env, "import-messages", "input=" + large.resolve("messages"));

            assertThat(second.exitCode).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.output).contains("execution").contains("import-messages").contains("is running")
                    .contains("pid " + first.pid());
            // on PostgreSQL any other job touching the same data is refused too (one run lock)
            Child invoice = run(env, "invoice", "month=2023-06");
            assertThat(invoice.exitCode).isEqualTo(ExitCodes.ALREADY_RUNNING);

            // SIGTERM, as systemd and Kubernetes send (Process.destroy() would also close our end of its output)
            first.toHandle().destroy();
            ChildJvm.signal(first, "CONT");
            assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
            drain.join();
            assertThat(firstOutput).contains("stopped by a signal during execution")
                    .contains("run the same command again to resume");
        } finally {
            ChildJvm.signal(first, "CONT");
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void opsListShowAndStopWorkWhileAJobRuns() throws Exception {
        Map<String, String> env = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("live-ops"));
        assertThat(run(env, "migrate-templates", "input=" + input.resolve("templates.csv")).exitCode).isZero();
        Process job = start(env, "import-messages", "input=" + large.resolve("messages"));
        Child jobOutput = new Child();
        CountDownLatch progress = new CountDownLatch(1);
        Thread drain = ChildJvm.drain(job, jobOutput.output, "import-messages:", progress);
        try {
            assertThat(progress.await(5, TimeUnit.MINUTES)).isTrue();
            Thread.sleep(2 * LiveStatus.PERIOD_SECONDS * 1000L); // the running process publishes its status
            // frozen (alive, its locks and status kept) until the stop is asked: else a fast import can end
            // before the stop arrives
            ChildJvm.signal(job, "STOP");

            Child list = run(env, "ops", "list");
            assertThat(list.exitCode).as(list.output.toString()).isZero();
            String running = list.output.toString().lines().filter(l -> l.contains("import-messages")
                    && l.contains("STARTED")).findFirst().orElseThrow(() -> new AssertionError(list.output));
            String id = running.strip().split("\\s+")[0];
            Child show = run(env, "ops", "show", id);
            assertThat(show.exitCode).isZero();
            assertThat(show.output).contains("execution " + id + " of import-messages");
            Child stop = askToStop(env, id, job);
            assertThat(stop.exitCode).as(stop.output.toString()).isZero();
            assertThat(stop.output).contains("asked to stop");

            assertThat(job.waitFor(2, TimeUnit.MINUTES)).as("the job stopped").isTrue();
            drain.join();
            assertThat(jobOutput.output).contains("STOPPED");
            Child resumed = run(env, "import-messages", "input=" + large.resolve("messages"));
            assertThat(resumed.exitCode).as(resumed.output.toString()).isZero();
        } finally {
            ChildJvm.signal(job, "CONT");
            job.destroyForcibly().waitFor();
        }
    }

    /**
     * {@code ops stop <id>} against the frozen job, which is thawed once the stop is asked: on PostgreSQL the
     * stop is written to the job repository by the ops process alone; on the embedded database the ops process
     * leaves a request file that the running process itself carries out.
     */
    private static Child askToStop(Map<String, String> env, String id, Process job) throws Exception {
        Path request = Path.of(env.get("WA_BILLING_DATA_DIR"), "ops", LiveOps.STOP_REQUEST);
        Process ops = start(env, "ops", "stop", id);
        Child stop = new Child();
        Thread drain = ChildJvm.drain(ops, stop.output, null, new CountDownLatch(1));
        while (ops.isAlive() && !Files.exists(request)) {
            Thread.sleep(50);
        }
        ChildJvm.signal(job, "CONT");
        assertThat(ops.waitFor(2, TimeUnit.MINUTES)).isTrue();
        drain.join();
        stop.exitCode = ops.exitValue();
        return stop;
    }

    // --- child processes (support.testing.ChildJvm), with the generated reference files

    private static Child run(Map<String, String> env, String... args) throws Exception {
        return ChildJvm.run(withReference(env), args);
    }

    private static Child runAndKill(Map<String, String> env, Kill kill, String... args) throws Exception {
        return ChildJvm.runAndKill(withReference(env), kill, args);
    }

    private static Process start(Map<String, String> env, String... args) throws IOException {
        return ChildJvm.start(withReference(env), args);
    }

    private static Map<String, String> withReference(Map<String, String> env) {
        Map<String, String> result = new java.util.LinkedHashMap<>(env);
        result.put("WA_BILLING_REFERENCE_DIR", input.toString());
        return result;
    }

    /** Each file's name and content; a PDF's content is its text (a draft's bytes carry the day it was printed). */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().map(f -> {
                try {
                    if (f.getFileName().toString().endsWith(".pdf")) {
                        try (var pdf = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(f))) {
                            return f.getFileName() + "\n" + new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                        }
                    }
                    return f.getFileName() + "\n" + Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static List<String> customerNumbers() throws IOException {
        try (Stream<String> lines = Files.lines(input.resolve("messages/part-1.csv"))) {
            return lines.skip(1).limit(200).map(l -> l.split(",")[3]).distinct().toList();
        }
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /**
     * What the jobs stored, as digests of whole tables in key order: every message, conversation,
     * invoice and line, and the import run's accounting. Compared with an uninterrupted run's.
     */
    static List<String> stored(Map<String, String> env) throws Exception {
        try (Connection c = TestWorkspace.connect(env); Statement s = c.createStatement()) {
            List<String> result = new ArrayList<>();
            result.add(messagesDigest(c));
            result.add(digest(s, "SELECT conversation_id, scope_mode, category, opened_at_ms, messages FROM conversation"
                    + " ORDER BY conversation_id, scope_mode"));
            result.add(digest(s, "SELECT invoice_id, status, quantity, billable, subtotal, markup, total FROM invoice"
                    + " ORDER BY invoice_id"));
            result.add(digest(s, "SELECT invoice_id, category, market, unit_price, quantity, amount FROM invoice_line"
                    + " ORDER BY invoice_id, category, market, unit_price"));
            result.add(digest(s, "SELECT SUM(accepted), SUM(rejected), SUM(duplicates) FROM run_count"
                    + " WHERE run_id = (SELECT MAX(run_id) FROM message_block)"));
            return result;
        }
    }

    /** Every stored message (kept in blocks: their layout may differ after a restart), in message_id order. */
    private static String messagesDigest(Connection c) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        List<String> rows = StoredMessages.all(new SingleConnectionDataSource(c, true)).stream()
                .map(r -> r.message().messageId() + "\u0001" + r.message().status() + "\u0001" + r.message().eventAt()
                        + "\u0001" + r.message().entryPoint())
                .sorted().toList();
        rows.forEach(row -> sha.update((row + "\u0001").getBytes(StandardCharsets.UTF_8)));
        return rows.size() + " messages " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Row count and SHA-256 of the rows' text. */
    private static String digest(Statement s, String query) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    String text = value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                            : String.valueOf(value);
                    sha.update((text + "\u0001").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return rows + " rows " + java.util.HexFormat.of().formatHex(sha.digest());
    }
}
