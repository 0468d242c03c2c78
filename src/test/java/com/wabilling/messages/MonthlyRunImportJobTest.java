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
 * Issue 9: the real jobs/schedule/monthly-run over three consecutive months whose exports arrive in
 * parts (the next month's first days early, the rest later). The script runs with a stand-in
 * launcher that records its commands; the commands (import, reconstruct, invoice) are then run
 * through the launcher's JobRunner against the real jobs, in order, as jobs/wa-billing would. Every
 * month is imported whole and billed exactly as one run over all messages bills it.
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
        assertThat(monthlyRun("2023-06")).containsOnly(ExitCodes.OK).hasSize(6);

        // on 3 August: the rest of July (overlapping its first part by a day) and August 1-2
        export("2023-07/july-rest.csv", "2023-07-02", "2023-08-01", false);
        export("2023-08/august-early.csv", "2023-08-01", "2023-08-03", false);
        assertThat(monthlyRun("2023-07")).containsOnly(ExitCodes.OK).hasSize(6);

        // on 3 September
        export("2023-08/august-rest.csv.gz", "2023-08-03", "2023-09-01", true);
        export("2023-09/september-early.csv", "2023-09-01", "2023-09-03", false);
        List<String> august = new ArrayList<>();
        assertThat(monthlyRun("2023-08", august)).containsOnly(ExitCodes.OK).hasSize(6);

        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            assertThat(storedIn(month)).as(month).isEqualTo(expectedIn(month)).isPositive();
        }
        assertThat(StoredMessages.all(jdbc)).hasSize(written.size());
        Map<String, List<String>> monthByMonth = new HashMap<>();
        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            monthByMonth.put(month, invoiceFiles(month));
        }

        // the same run again: nothing new, every step answers "already completed" with the same run keys
        List<String> again = new ArrayList<>();
        assertThat(monthlyRun("2023-08", again)).containsOnly(ExitCodes.ALREADY_COMPLETED).hasSize(6);
        assertThat(again).isEqualTo(august);
        assertThat(august).filteredOn(c -> c.startsWith("reconstruct") || c.startsWith("invoice")).hasSize(4)
                .allSatisfy(c -> assertThat(c).contains(" rerun=files-"));

        // one run over all messages: the whole range reconstructed at once, then each month invoiced
        assertThat(run("reconstruct from=2023-05-31 to=2023-09-02 rerun=whole")).isZero();
        for (String month : List.of("2023-06", "2023-07", "2023-08")) {
            assertThat(run("invoice month=" + month + " rerun=whole")).isZero();
            assertThat(invoiceFiles(month)).as(month).isEqualTo(monthByMonth.get(month)).isNotEmpty();
        }
        assertThat(monthByMonth.get("2023-07").get(0)).as("July is billed").contains("INV-102938475610001-2023-07");
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

    /** Runs the script for the month, then its commands; returns their exit codes. */
    private List<Integer> monthlyRun(String month) throws Exception {
        return monthlyRun(month, new ArrayList<>());
    }

    private List<Integer> monthlyRun(String month, List<String> commands) throws Exception {
        Path log = WORKSPACE.root().resolve("launcher-" + month + "-" + System.nanoTime() + ".log");
        Process p = script(month, log);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        commands.addAll(Files.readAllLines(log));
        List<Integer> codes = new ArrayList<>();
        for (String line : commands) {
            codes.add(run(line));
        }
        return codes;
    }

    /** One launcher command line, run as jobs/wa-billing runs it. */
    private int run(String line) {
        CommandLine.Invocation invocation = CommandLine.parse(line.split(" "));
        return new JobRunner(context, repository, operator, quiet(), quiet())
                .run(invocation.command(), invocation.job().name(), invocation.parameters()).exitCode();
    }

    /** The month's invoice books (summary, lines, conversations: the CSV files), each as its name and content. */
    private static List<String> invoiceFiles(String month) throws IOException {
        try (var files = Files.list(WORKSPACE.output().resolve("invoices/" + month))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().map(f -> {
                try {
                    return f.getFileName() + "\n" + Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
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
     * An export of a sample account's traffic (Loja Aurora, Brazil): every 50 minutes in [from, to)
     * a customer writes and, a minute later, gets a template. Ids are the time, so overlapping exports
     * repeat the same messages identically.
     */
    private void export(String name, String from, String to, boolean gzip) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        Instant end = Instant.parse(to + "T00:00:00Z");
        for (Instant t = Instant.parse(from + "T00:00:00Z"); t.isBefore(end); t = t.plusSeconds(3000)) {
            String customer = "55119" + String.format("%08d", t.getEpochSecond() % 97);
            String in = "wamid.m" + t.getEpochSecond();
            csv.append(in).append(",102938475610001,110000000000001,").append(customer).append(",inbound,text,,,")
                    .append(t).append(",,,\n");
            written.put(in, t);
            String out = "wamid.o" + t.getEpochSecond();
            Instant sent = t.plusSeconds(60);
            csv.append(out).append(",102938475610001,110000000000001,").append(customer)
                    .append(",outbound,template,pedido_enviado,pt_BR,").append(sent).append(",read,")
                    .append(sent.plusSeconds(2)).append(",\n");
            written.put(out, sent);
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
        return StoredMessages.count(jdbc, r -> r.message().timestamp().toEpochMilli() >= from
                && r.message().timestamp().toEpochMilli() < to);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
