package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * The real launcher prepares its fast start (docs/architecture.md, "Fast start") in an installed copy: the
 * packaged jar, the launcher scripts and the sample data, no sources (so it never builds). The first
 * launch records the class-data sharing archive; a job launch after it loads the batch framework's
 * classes from that archive, not from the jars.
 */
@SlowTest
class LauncherFastStartTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("fast-start");

    @BeforeAll
    static void onTheEmbeddedDatabase() {
        Assumptions.assumeFalse(TestWorkspace.onPostgresql(), "the start is the launcher's, not the database's");
    }

    @Test
    void theFirstLaunchRecordsAnArchiveThatAJobLaunchLoadsTheFrameworkFrom() throws Exception {
        Path home = WORKSPACE.root().resolve("installed");
        copy(Path.of("jobs"), home.resolve("jobs"));
        Files.createDirectories(home.resolve("sample-data"));
        Files.copy(Path.of("sample-data", "templates.csv"), home.resolve("sample-data/templates.csv"));
        Files.createDirectories(home.resolve("target"));
        try (var jars = Files.newDirectoryStream(Path.of("target"), "wa-billing-*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, home.resolve("target").resolve(jar.getFileName()));
            }
        }

        // an ops command on an empty data directory refuses (exit 2), but the launch prepares first; the
        // caller's broker setting (a worker host's) is not the training job's
        assertThat(launch(home, "first", Map.of("WA_BILLING_BROKER_URL", "tcp://localhost:1"), "ops", "list"))
                .isEqualTo(ExitCodes.USAGE);
        Path archive = home.resolve("target/app/wa-billing.jsa");
        assertThat(archive).exists();

        Path classes = WORKSPACE.root().resolve("classes.log");
        int exit = launch(home, "job", Map.of("WA_BILLING_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "migrate-templates", "input=" + home.resolve("sample-data/templates.csv"));

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(classes, StandardCharsets.UTF_8))
                .filteredOn(line -> line.contains(" org.springframework.batch.core.step.tasklet.TaskletStep ")
                        || line.contains(" org.hsqldb.jdbc.JDBCConnection ")
                        || line.contains(" org.flywaydb.core.Flyway "))
                .as("loaded from the archive").hasSize(3)
                .allMatch(line -> line.contains("source: shared objects file (top)"));
    }

    private static int launch(Path home, String dir, Map<String, String> extra, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("jobs/wa-billing").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORKSPACE.root().resolve(dir + ".out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WA_BILLING_"));
        builder.environment().putAll(WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve(dir)));
        builder.environment().putAll(extra);
        builder.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
                (path, bin) -> bin + ":" + path);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
        return process.exitValue();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
