package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.ops.CommandLine;
import com.wabilling.ops.ExitCodes;
import com.wabilling.ops.JobRunner;
import com.wabilling.support.testing.TestWorkspace;

/**
 * Issue 9.1: the real jobs/schedule/monthly-run over three consecutive months whose exports arrive
 * in parts (the next month's first days early, the rest later). The script runs with a stand-in
 * launcher that records its commands; the import commands are then run through the launcher's
 * JobRunner against the real import job, in order, as jobs/wa-billing would.
 */
@SpringBootTest
class MonthlyRunImportJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("monthly");
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,"
            + "template_name,template_language,timestamp,status,delivered_at,entry_point\n";
    private static final Path SCRIPT = Path.of("jobs/schedule/monthly-run").toAbsolutePath();

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

    private final Path exports = WORKSPACE.root().resolve("exports");
    /** message_id → timestamp of every record written to an export, for the expected counts. */
    private final Map<String, Instant> written = new HashMap<>();

    @Test
    void everyMonthImportsAllItsExportsWhateverArrivedEarlyWithTheMonthBefore() throws Exception {
        // on 3 July: all of June (two parts, one compressed) and July 1-2
        export("2023-06/june-a.csv", "2023-06-01", "2023-06-20", false);
        export("2023-06/june-b.csv.gz", "2023-06-19", "2023-07-01", true);
        export("2023-07/july-early.csv", "2023-07-01", "2023-07-03", false);
        assertThat(monthlyRun("2023-06")).containsExactly(ExitCodes.OK, ExitCodes.OK);

        // on 3 August: the rest of July (overlapping its first part by a day) and August 1-2
        export("2023-07/july-rest.csv", "2023-07-02", "2023-08-01", false);
        export("2023-08/august-early.csv", "2023-08-01", "2023-08-03", false);
        assertThat(monthlyRun("2023-07")).containsExactly(ExitCodes.OK, ExitCodes.OK);

        // on 3 September
        export("2023-08/august-rest.csv.gz", "2023-08-03", "2023-09-01", true);
        export("2023-09/september-early.csv", "2023-09-01", "2023-09-03", false);
        List<String> august = new ArrayList<>();
        assertThat(monthlyRun("2023-08", august)).containsExactly(ExitCodes.OK, ExitCodes.OK);

        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            assertThat(storedIn(month)).as(month).isEqualTo(expectedIn(month)).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message", Long.class)).isEqualTo(written.size());

        // the same run again: nothing new, every step answers "already completed" with the same run keys
        List<String> again = new ArrayList<>();
        assertThat(monthlyRun("2023-08", again)).containsExactly(ExitCodes.ALREADY_COMPLETED,
                ExitCodes.ALREADY_COMPLETED);
        assertThat(again).isEqualTo(august);
        assertThat(august).filteredOn(c -> c.startsWith("reconstruct") || c.startsWith("invoice")).hasSize(4)
                .allSatisfy(c -> assertThat(c).contains(" rerun=files-"));
    }

    @Test
    void aMonthWithoutItsExportFolderFailsNamingIt() throws Exception {
        Path log = WORKSPACE.root().resolve("missing.log");
        Process p = script("2023-01", log);

        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(output).contains("no export folder " + exports.resolve("2023-01"))
                .contains("jobs/schedule/monthly-run 2023-01");
        assertThat(log).doesNotExist();
    }

    /** Runs the script for the month, then its import commands; returns their exit codes. */
    private List<Integer> monthlyRun(String month) throws Exception {
        return monthlyRun(month, new ArrayList<>());
    }

    private List<Integer> monthlyRun(String month, List<String> commands) throws Exception {
        Path log = WORKSPACE.root().resolve("launcher-" + month + "-" + System.nanoTime() + ".log");
        Process p = script(month, log);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        commands.addAll(Files.readAllLines(log));
        JobRunner runner = new JobRunner(context, repository, operator, quiet(), quiet());
        List<Integer> codes = new ArrayList<>();
        for (String line : commands) {
            if (line.startsWith("import-messages ")) {
                CommandLine.Invocation invocation = CommandLine.parse(line.split(" "));
                codes.add(runner.run(invocation.command(), invocation.job().name(), invocation.parameters())
                        .exitCode());
            }
        }
        return codes;
    }

    private Process script(String month, Path log) throws IOException {
        Path launcher = WORKSPACE.root().resolve("record-launcher");
        if (!Files.exists(launcher)) {
            Files.writeString(launcher, "#!/usr/bin/env bash\necho \"$*\" >> \"$LAUNCHER_LOG\"\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), month).redirectErrorStream(true);
        pb.environment().put("WA_BILLING_EXPORTS_DIR", exports.toString());
        pb.environment().put("WA_BILLING_LAUNCHER", launcher.toString());
        pb.environment().put("LAUNCHER_LOG", log.toString());
        return pb.start();
    }

    /**
     * An export of one message every 50 minutes in [from, to): ids are the time, so overlapping
     * exports repeat the same messages identically.
     */
    private void export(String name, String from, String to, boolean gzip) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        Instant end = Instant.parse(to + "T00:00:00Z");
        for (Instant t = Instant.parse(from + "T00:00:00Z"); t.isBefore(end); t = t.plusSeconds(3000)) {
            String id = "wamid.m" + t.getEpochSecond();
            csv.append(id).append(",100,200,55119").append(String.format("%08d", t.getEpochSecond() % 97))
                    .append(",inbound,text,,,").append(t).append(",,,\n");
            written.put(id, t);
        }
        Path file = Files.createDirectories(exports.resolve(name).getParent()).resolve(exports.resolve(name).getFileName());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private long expectedIn(String month) {
        YearMonth m = YearMonth.parse(month);
        Set<String> ids = new HashSet<>();
        written.forEach((id, t) -> {
            if (YearMonth.from(t.atZone(ZoneOffset.UTC)).equals(m)) {
                ids.add(id);
            }
        });
        return ids.size();
    }

    private long storedIn(String month) {
        YearMonth m = YearMonth.parse(month);
        long from = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE sent_at_ms >= ? AND sent_at_ms < ?", Long.class,
                from, to);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
