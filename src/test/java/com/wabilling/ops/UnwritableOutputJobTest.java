package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, Non-zero exits: an output directory nothing can be written in (here one under a
 * regular file: permission bits would not stop the root user the tests run as) is refused before any
 * job starts, exit 2, naming it and the setting to check; ops commands, which write nothing, still run.
 */
@JobTest
class UnwritableOutputJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("unwritable-output");
    private static final Path OUTPUT = WORKSPACE.root().resolve("a-file").resolve("out");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        try {
            Files.writeString(WORKSPACE.root().resolve("a-file"), "a regular file where a folder should be");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("wa-billing.output-dir", OUTPUT::toString);
    }


    @Test
    void aJobIsRefusedBeforeItStartsNamingTheDirectoryAndWhy() {
        Launch refused = launch("migrate-templates", "input=sample-data/templates.csv");

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).isEqualTo("wa-billing: cannot write the output directory "
                + OUTPUT + ": Not a directory — check WA_BILLING_OUTPUT_DIR\n");
        assertThat(repository.getJobInstances("migrate-templates", 0, 10)).as("no job started").isEmpty();
        assertThat(launch("ops", "list").code()).isZero();
    }
}
