package com.wabilling.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's main class in a child JVM with the test class path, as the crash tests run it: to
 * be killed with SIGKILL (no shutdown hook, no rollback) and started again.
 */
public final class ChildJvm {

    static final String MAIN_CLASS = "com.wabilling.WaBillingApplication";

    private ChildJvm() {
    }

    /** A finished child: its exit code, whether it was killed while running, and what it printed. */
    public static final class Child {
        public int exitCode;
        public boolean killedWhileRunning;
        public final StringBuffer output = new StringBuffer();
    }

    /** When to send SIGKILL: a delay after the start, or after a line containing the marker plus a delay. */
    public record Kill(String marker, long delayMillis) {
        public static Kill after(long millis) {
            return new Kill(null, millis);
        }

        public static Kill afterProgress(String marker, long millis) {
            return new Kill(marker, millis);
        }
    }

    public static Child run(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, args);
        Child child = new Child();
        Thread drain = drain(process, child.output, null, null);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", args[0]).isTrue();
        drain.join();
        child.exitCode = process.exitValue();
        return child;
    }

    public static Child runAndKill(Map<String, String> env, Kill kill, String... args) throws Exception {
        Process process = start(env, args);
        Child child = new Child();
        CountDownLatch progress = new CountDownLatch(kill.marker() == null ? 0 : 1);
        Thread drain = drain(process, child.output, kill.marker(), progress);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // a process that ends before printing the marker is not killed (it finished first)
        while (!progress.await(100, TimeUnit.MILLISECONDS) && process.isAlive()) {
            assertThat(System.nanoTime()).as("%s printed progress within 5 minutes", args[0]).isLessThan(deadline);
        }
        boolean exited = process.waitFor(kill.delayMillis(), TimeUnit.MILLISECONDS);
        child.killedWhileRunning = !exited;
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no cleanup
        process.waitFor();
        drain.join();
        child.exitCode = process.exitValue();
        return child;
    }

    public static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dwa-billing.progress-seconds=0.2", MAIN_CLASS));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Sends a signal by name ("STOP" freezes, "CONT" thaws, "KILL"); nothing once the process has ended. */
    public static void signal(Process process, String signal) throws Exception {
        if (process.isAlive()) {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (exit != 0 && process.isAlive()) {
                throw new AssertionError("kill -" + signal + " " + process.pid() + " exited with " + exit);
            }
        }
    }

    /** Copies the process's output; counts the latch down at the first line containing the marker. */
    public static Thread drain(Process process, StringBuffer output, String marker, CountDownLatch seen) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                    if (marker != null && line.contains(marker)) {
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
}
