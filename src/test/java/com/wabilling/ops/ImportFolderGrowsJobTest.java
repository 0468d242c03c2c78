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
class ImportFolderGrowsJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("folder-grows");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JobRepository repository;
    @Autowired
    JobOperator operator;
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

        Result nothing = launch(command);
        assertThat(nothing.code()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(nothing.text()[1]).contains("every file in " + folder + " was imported before").contains("june-1.csv")
                .doesNotContain("rerun=");

        // a late export lands in the same folder (overlapping the first by a day)
        traffic.write(folder.resolve("june-2.csv.gz"), "2023-06-05T00:00:00Z", "2023-06-11T00:00:00Z");
        Result grown = launch(command);
        assertThat(grown.code()).as(grown.text()[1]).isZero();
        assertThat(grown.text()[0]).contains("1 file(s) of " + folder + " not imported before: june-2.csv.gz");
        assertThat((long) StoredMessages.all(jdbc).size()).isEqualTo(traffic.size(Instant.parse("2023-06-11T00:00:00Z")));

        Result again = launch(command);
        assertThat(again.code()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(again.text()[1]).contains("june-1.csv").contains("june-2.csv.gz");
    }

    private record Result(int code, String[] text) {
    }

    private Result launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Launcher(context, repository, operator, Path.of("."),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(CommandLine.parse(args));
        return new Result(code, new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)});
    }
}
