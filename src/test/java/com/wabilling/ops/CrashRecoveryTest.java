package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.TestWorkspace;

/**
 * cli.md / issue "operations": a real child JVM is killed with SIGKILL in the middle of import,
 * reconstruct and invoice; running the same command again recovers the dead execution, resumes it,
 * and every output is identical to an uninterrupted run.
 */
class CrashRecoveryTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("crash");
    private static Path input;
    private static Path large;

    @BeforeAll
    static void generateExports() throws IOException {
        input = WORKSPACE.root().resolve("input");
        new SyntheticExport().write(input, 150_000, Path.of("sample-data"));
        large = WORKSPACE.root().resolve("large");
        new SyntheticExport().write(large, 800_000, Path.of("sample-data")); // runs long enough to be caught
    }

    @Test
    void killedJobsResumeToTheSameResultsAsAnUninterruptedRun() throws Exception {
        Path reference = WORKSPACE.root().resolve("reference");
        Path crashed = WORKSPACE.root().resolve("crashed");
        String[][] suite = {
            {"migrate-templates", "input=" + input.resolve("templates.csv")},
            {"import-messages", "input=" + input.resolve("messages")},
            {"reconstruct", "from=2023-05-29", "to=2023-07-04"},
            {"invoice", "month=2023-06"},
        };
        for (String[] command : suite) {
            assertThat(run(reference, command).exitCode).as(String.join(" ", command)).isZero();
        }

        StringBuilder consoles = new StringBuilder();
        assertThat(run(crashed, suite[0]).exitCode).isZero();
        for (int i = 1; i < suite.length; i++) {
            Child killed = runAndKill(crashed, suite[i]);
            assertThat(killed.killedWhileRunning).as("%s was killed while it ran", suite[i][0]).isTrue();
            Child again = run(crashed, suite[i]);
            assertThat(again.exitCode).as("%s after the kill: %s", suite[i][0], again.output).isZero();
            assertThat(again.output).contains("recovered, resuming from its last commit");
            consoles.append(killed.output).append(again.output);
        }
        consoles.append(Files.readString(crashed.resolve("data/wa-billing.log")));
        for (String number : customerNumbers()) {
            assertThat(consoles).as("logs never print customer numbers").doesNotContain(number);
        }

        assertThat(files(crashed.resolve("out/conversations"))).isEqualTo(files(reference.resolve("out/conversations")));
        assertThat(files(crashed.resolve("out/invoices/2023-06"))).isEqualTo(files(reference.resolve("out/invoices/2023-06")));
        assertThat(stored(crashed)).isEqualTo(stored(reference));
    }

    @Test
    void aSecondLaunchWhileAJobRunsIsRefusedNamingTheExecution() throws Exception {
        Path dir = WORKSPACE.root().resolve("concurrent");
        assertThat(run(dir, "migrate-templates", "input=" + input.resolve("templates.csv")).exitCode).isZero();
        Process first = start(dir, "import-messages", "input=" + large.resolve("messages"));
        try {
            awaitProgress(first, "import-messages:");
            Child second = run(dir, "import-messages", "input=" + large.resolve("messages"));

            assertThat(second.exitCode).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.output).contains("execution").contains("import-messages").contains("is running")
                    .contains("pid " + first.pid());
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    // --- child processes

    private static final class Child {
        int exitCode;
        boolean killedWhileRunning;
        final StringBuffer output = new StringBuffer();
    }

    private static Child run(Path dir, String... args) throws Exception {
        Process process = start(dir, args);
        Child child = new Child();
        Thread drain = drain(process, child.output, null, null);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", args[0]).isTrue();
        drain.join();
        child.exitCode = process.exitValue();
        return child;
    }

    private static Child runAndKill(Path dir, String... args) throws Exception {
        Process process = start(dir, args);
        Child child = new Child();
        CountDownLatch progress = new CountDownLatch(1);
        Thread drain = drain(process, child.output, args[0] + ":", progress);
        assertThat(progress.await(5, TimeUnit.MINUTES)).as("%s printed progress", args[0]).isTrue();
        child.killedWhileRunning = process.isAlive();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no cleanup
        process.waitFor();
        drain.join();
        child.exitCode = process.exitValue();
        return child;
    }

    private static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dwa-billing.progress-seconds=0.2",
                WaBillingApplicationMain.CLASS));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WA_BILLING_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("WA_BILLING_OUTPUT_DIR", dir.resolve("out").toString());
        builder.environment().put("WA_BILLING_REFERENCE_DIR", input.toString());
        return builder.start();
    }

    private static Thread drain(Process process, StringBuffer output, String marker, CountDownLatch seen) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                    if (seen != null && line.contains(marker)) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitProgress(Process process, String marker) throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        drain(process, new StringBuffer(), marker, seen);
        assertThat(seen.await(5, TimeUnit.MINUTES)).isTrue();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().map(f -> {
                try {
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

    /** Messages stored and the import run's accounting, read from the database file once no child runs. */
    private static List<Long> stored(Path dir) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("data") + "/db;shutdown=true";
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             Statement s = c.createStatement()) {
            List<Long> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT message_id) FROM message")) {
                rs.next();
                result.add(rs.getLong(1));
                result.add(rs.getLong(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT SUM(accepted), SUM(rejected), SUM(duplicates) FROM run_count"
                    + " WHERE run_id = (SELECT MAX(run_id) FROM message)")) {
                rs.next();
                result.add(rs.getLong(1));
                result.add(rs.getLong(2));
                result.add(rs.getLong(3));
            }
            return result;
        }
    }
}
