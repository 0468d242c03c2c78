package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.ChildJvm.Child;
import com.wabilling.support.testing.ChildJvm.Kill;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "The monthly run": three months of exports arriving in parts, each call of the
 * monthly run a real launcher process; one call is killed with SIGKILL at a random moment and simply
 * started again. No human step between calls; every month's drafts equal one clean run over all the
 * data in a database of its own.
 */
@SlowTest
class MonthlyRunCrashTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("monthly-crash");
    private static final long SEED = Long.getLong("wa-billing.crash-seed", System.nanoTime());

    @Test
    void aMonthlyRunKilledAnywhereIsFinishedByStartingItAgain() throws Exception {
        MonthlyExports traffic = new MonthlyExports(SEED, Instant.parse("2023-05-01T00:00:00Z"),
                Instant.parse("2023-09-04T00:00:00Z"));
        Path exports = WORKSPACE.root().resolve("exports");
        Map<String, String> env = environment("monthly");
        assertThat(ChildJvm.run(env, "migrate-templates", "input=" + Path.of("sample-data/templates.csv").toAbsolutePath())
                .exitCode).isZero();
        traffic.write(exports.resolve("2023-05/may.csv"), "2023-05-01T00:00:00Z", "2023-06-01T08:00:00Z");
        assertThat(ChildJvm.run(env, "import-messages", "input=" + exports.resolve("2023-05")).exitCode).isZero();
        assertThat(ChildJvm.run(env, "reconstruct", "from=2023-05-01", "to=2023-06-01").exitCode).isZero();

        // each call: the files that landed before it, then the month it runs
        List<Object[]> calls = List.of(
                new Object[] {"2023-06/june-a.csv", "2023-06-01T00:00:00Z", "2023-06-18T00:00:00Z", "2023-06"},
                new Object[] {"2023-06/june-b.csv.gz", "2023-06-17T00:00:00Z", "2023-07-02T06:00:00Z", "2023-06"},
                new Object[] {"2023-07/july.csv", "2023-07-01T00:00:00Z", "2023-08-02T00:00:00Z", "2023-07"},
                new Object[] {"2023-08/august.csv.gz", "2023-08-01T00:00:00Z", "2023-09-01T00:00:00Z", "2023-08"},
                new Object[] {"2023-09/september-early.csv", "2023-09-01T00:00:00Z", "2023-09-03T00:00:00Z", "2023-08"});
        Random random = new Random(SEED);
        int killed = random.nextInt(calls.size());
        String[] markers = {"== import", "rebuilt: ", "built: ", "== invoice"};
        StringBuilder consoles = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            Object[] call = calls.get(i);
            traffic.write(exports.resolve((String) call[0]), (String) call[1], (String) call[2]);
            String[] command = {"monthly-run", "month=" + call[3], "exports=" + exports};
            if (i == killed) {
                String marker = markers[random.nextInt(markers.length)];
                Child kill = ChildJvm.runAndKill(env, Kill.afterProgress(marker, random.nextInt(2000)), command);
                consoles.append(kill.output);
            }
            Child run = ChildJvm.run(env, command);
            consoles.append(run.output);
            assertThat(run.exitCode).as("seed %d, call %d: %s", SEED, i, run.output).isZero();
        }

        // one clean run over all the data, in a database of its own
        Map<String, String> clean = environment("clean");
        assertThat(ChildJvm.run(clean, "migrate-templates", "input=" + Path.of("sample-data/templates.csv").toAbsolutePath())
                .exitCode).isZero();
        for (String month : List.of("2023-05", "2023-06", "2023-07", "2023-08", "2023-09")) {
            assertThat(ChildJvm.run(clean, "import-messages", "input=" + exports.resolve(month)).exitCode).isZero();
        }
        assertThat(ChildJvm.run(clean, "reconstruct", "from=2023-05-01", "to=2023-09-03").exitCode).isZero();
        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            assertThat(ChildJvm.run(clean, "invoice", "month=" + month).exitCode).isZero();
            assertThat(MonthlyRunJobTest.invoiceFiles(Path.of(env.get("WA_BILLING_OUTPUT_DIR")), month))
                    .as("seed %d: %s\n%s", SEED, month, consoles)
                    .isEqualTo(MonthlyRunJobTest.invoiceFiles(Path.of(clean.get("WA_BILLING_OUTPUT_DIR")), month))
                    .isNotEmpty();
        }
    }

    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>(WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve(name)));
        env.put("WA_BILLING_REFERENCE_DIR", Path.of("sample-data").toAbsolutePath().toString());
        return env;
    }
}
