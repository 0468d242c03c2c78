package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * The real launcher, jobs/wa-billing, in cron's environment (LANG=C, no LC_ALL): a file whose name is
 * UTF-8 is imported; a name that is not UTF-8 cannot be named again by the job, so it is refused by
 * name before anything is read (docs/operations.md, "File names and the locale"). Runs after the jar is packaged (failsafe), so
 * the launcher never builds one.
 */
@SlowTest
class LauncherLocaleTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("locale");
    private static final Path SAMPLE = Path.of("sample-data", "messages", "export-2023-05.csv");

    @BeforeAll
    static void onTheEmbeddedDatabase() {
        Assumptions.assumeFalse(TestWorkspace.onPostgresql(), "the locale is the launcher's, not the database's");
    }

    @Test
    void aFileNamedInUtf8IsImportedUnderCronsLocale() throws Exception {
        Path input = Files.createDirectories(WORKSPACE.root().resolve("utf8"));
        copyAs(input, "exporta\\303\\247\\303\\243o.csv"); // exportação.csv in UTF-8
        long rows = Files.readAllLines(SAMPLE).size() - 1;

        Result result = launch("utf8", "import-messages", "input=" + input);

        assertThat(result.exitCode).as(result.output).isZero();
        Matcher line = Pattern.compile("exportação\\.csv\\s+(\\d+)\\s+(\\d+)\\s+0\\s+0").matcher(result.output);
        assertThat(line.find()).as(result.output).isTrue();
        assertThat(Long.parseLong(line.group(1))).isEqualTo(rows);
        assertThat(Long.parseLong(line.group(2))).isEqualTo(rows);
        assertThat(result.output).doesNotContain("changed after it was read");
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsRefusedNamingIt() throws Exception {
        Path input = Files.createDirectories(WORKSPACE.root().resolve("latin1"));
        copyAs(input, "exporta\\347\\343o.csv"); // exportação.csv in Latin-1: bytes that are no UTF-8

        Result result = launch("latin1", "import-messages", "input=" + input);

        assertThat(result.exitCode).as(result.output).isEqualTo(ExitCodes.USAGE);
        assertThat(result.output).contains("exporta").contains("is not valid UTF-8").contains("rename it");
    }

    private record Result(int exitCode, String output) {
    }

    /**
     * Copies the sample export into the folder under a name given as printf escapes: the shell writes
     * any bytes, whatever this JVM's locale (Java could not write a name that is no UTF-8).
     */
    private static void copyAs(Path folder, String printfName) throws Exception {
        Process copy = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1/$(printf '" + printfName + "')\"",
                SAMPLE.toString(), folder.toString()).inheritIO().start();
        assertThat(copy.waitFor()).isZero();
    }

    /** jobs/wa-billing with LANG=C and no other locale variable, stdout and stderr together. */
    private static Result launch(String dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("jobs", "wa-billing").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANGUAGE") || name.startsWith("WA_BILLING_"));
        env.put("LANG", "C");
        env.putAll(WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve(dir)));
        Path log = WORKSPACE.root().resolve(dir + ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
        return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }
}
