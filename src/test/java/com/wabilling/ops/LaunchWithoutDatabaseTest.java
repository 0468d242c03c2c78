package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md: ops and status in a folder without a database say so, naming the path, and never
 * create an empty database (which would answer "no executions yet" about the wrong place).
 */
@SlowTest
class LaunchWithoutDatabaseTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("no-database");

    @Test
    void opsAndStatusNeverCreateADatabase() throws Exception {
        Assumptions.assumeFalse(TestWorkspace.onPostgresql(), "a server database always exists");
        Path data = WORKSPACE.root().resolve("elsewhere/data");
        Map<String, String> env = Map.of("WA_BILLING_DATA_DIR", data.toString(),
                "WA_BILLING_OUTPUT_DIR", WORKSPACE.root().resolve("elsewhere/out").toString());

        for (String[] command : new String[][] {{"ops", "list"}, {"ops", "show", "1"}, {"status", "month=2023-06"}}) {
            ChildJvm.Child child = ChildJvm.run(env, command);
            assertThat(child.exitCode).as(child.output.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(child.output).contains("no database in " + data.toAbsolutePath())
                    .contains("WA_BILLING_DATA_DIR");
        }
        assertThat(data.resolve("db.properties")).doesNotExist();
        assertThat(data.resolve("db.script")).doesNotExist();
        assertThat(Files.exists(data) ? Files.list(data).toList() : java.util.List.of()).isEmpty();
    }
}
