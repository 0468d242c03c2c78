package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.messages.StoredMessages;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "Folders grow": the same import command on a folder that gained an export
 * since it completed imports the new file (and only it); "nothing done" only when every file was
 * imported before, naming them.
 */
@JobTest
class ImportFolderGrowsJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("folder-grows");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileAddedToAnImportedFolderIsImportedByTheSameCommand() throws Exception {
        MonthlyExports traffic = new MonthlyExports(7L, Instant.parse("2023-06-01T00:00:00Z"),
                Instant.parse("2023-06-11T00:00:00Z"));
        Path folder = WORKSPACE.root().resolve("exports/2023-06");
        traffic.write(folder.resolve("june-1.csv"), "2023-06-01T00:00:00Z", "2023-06-06T00:00:00Z");
        String[] command = {"import-messages", "input=" + folder};
        assertThat(launch(command).code()).isZero();

        Launch nothing = launch(command);
        assertThat(nothing.code()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(nothing.err()).contains("every file in " + folder + " was imported before").contains("june-1.csv")
                .doesNotContain("rerun=");

        // a late export lands in the same folder (overlapping the first by a day)
        traffic.write(folder.resolve("june-2.csv.gz"), "2023-06-05T00:00:00Z", "2023-06-11T00:00:00Z");
        Launch grown = launch(command);
        assertThat(grown.code()).as(grown.err()).isZero();
        assertThat(grown.out()).contains("1 file(s) of " + folder + " not imported before: june-2.csv.gz");
        assertThat((long) StoredMessages.all(jdbc).size()).isEqualTo(traffic.size(Instant.parse("2023-06-11T00:00:00Z")));

        Launch again = launch(command);
        assertThat(again.code()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(again.err()).contains("june-1.csv").contains("june-2.csv.gz");
    }
}
