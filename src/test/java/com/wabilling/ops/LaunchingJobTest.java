package com.wabilling.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Job tests that launch commands as jobs/wa-billing does, in the test's application context (its own
 * database, from the subclass's workspace), and read what each launch printed.
 */
abstract class LaunchingJobTest {

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected JobRepository repository;
    @Autowired
    protected JobOperator operator;

    /** What one launch returned and printed. */
    protected record Launch(int code, String out, String err) {
        /** The exit code, then everything printed: for assertions that read it all. */
        String text() {
            return code + "\n" + out + err;
        }
    }

    protected Launch launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Launcher(context, repository, operator, Path.of("."),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(CommandLine.parse(args));
        return new Launch(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
