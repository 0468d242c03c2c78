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
 * The packaged application in a child JVM, started as the launcher starts it (the extracted jar and its
 * class-data sharing archive, docs/architecture.md "Fast start"), as the crash tests run it: to be killed
 * with SIGKILL (no shutdown hook, no rollback) and started again. The jar is the one `mvn verify` just
 * packaged; the archive saves 2-3 s of every start (docs/benchmarks.md), and the slow tests are made of starts.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The java command line up to the application's arguments, asked once of the launcher's own scripts. */
    private static final class Launch {
        static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
        static final List<String> PREFIX = prepare();

        private static List<String> prepare() {
            // the packaged jar as it is: never a build from inside a test run (jobs/lib/build-jar.sh would start one
            // for sources newer than the jar)
            String script = "home=\"$PWD\"; jar=\"$1\"; source jobs/lib/fast-start.sh;"
                    + " printf '%s\\n%s\\n' \"$launch_jar\" \"$fast_start_opts\"";
            try {
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", script, "fast-start", packagedJar().toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                // the archive is recorded by, and only maps into, this very JVM build
                builder.environment().merge("PATH", JAVA_BIN.toString(), (path, bin) -> bin + ":" + path);
                Process bash = builder.start();
                List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .toList();
                assertThat(bash.waitFor()).as("the launcher's fast start ran").isZero();
                List<String> prefix = new ArrayList<>(List.of(JAVA_BIN.resolve("java").toString()));
                if (lines.size() > 1 && !lines.get(1).isBlank()) {
                    prefix.addAll(List.of(lines.get(1).trim().split(" +")));
                }
                prefix.addAll(List.of("-Dwa-billing.progress-seconds=0.2", "-jar", lines.get(0)));
                return List.copyOf(prefix);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not prepare the child JVMs' launch", e);
            }
        }

        /** target/wa-billing-<version>.jar, the newest when there are several (as the launcher picks it). */
        private static Path packagedJar() throws IOException {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("target"))) {
                return files.filter(f -> f.getFileName().toString().matches("wa-billing-.*\\.jar"))
                        .max(java.util.Comparator.comparing(f -> f.toFile().lastModified()))
                        .orElseThrow(() -> new IllegalStateException(
                                "no target/wa-billing-<version>.jar: child JVMs run the packaged jar (mvn -B verify)"))
                        .toAbsolutePath();
            }
        }
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
        List<String> command = new ArrayList<>(Launch.PREFIX);
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
