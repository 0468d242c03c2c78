package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.wabilling.benchmark.SyntheticExport;
import com.wabilling.support.partitions.EmbeddedBroker;
import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "Workers": reconstruct's partitions run on worker JVMs through the embedded broker,
 * sharing one PostgreSQL database; a worker killed with SIGKILL while it holds a partition, or the job's own
 * process killed mid-step, loses, doubles and stalls nothing: conversations and invoices are those of a
 * run in one JVM. PostgreSQL only (workers need a shared database server).
 */
@SlowTest
@Tag("postgresql")
class RemotePartitioningTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("remote");
    /** A worker's progress line: it is inside a partition's chunks (a partition here takes over a second). */
    private static final String RUNNING = "INFO  reconstruct: ";
    private static Path input;
    private static EmbeddedBroker broker;
    private static int port;
    private static Map<String, String> single;
    private final List<Process> workers = new ArrayList<>();
    /** The jobs the test started; one its assertions left running is killed after it. */
    private final List<Process> jobs = new ArrayList<>();
    private final Map<Process, Thread> drains = new java.util.HashMap<>();

    @BeforeAll
    static void startBrokerAndRunInOneJvm() throws Exception {
        Assumptions.assumeTrue(TestWorkspace.onPostgresql(), "workers need a shared database server");
        input = WORKSPACE.root().resolve("input");
        new SyntheticExport().write(input, 150_000, Path.of("sample-data"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        broker = EmbeddedBroker.start("localhost", port, WORKSPACE.root().resolve("broker"), null, null);
        single = env("single", false);
        for (String[] command : suite()) {
            ChildJvm.Child child = ChildJvm.run(single, command);
            assertThat(child.exitCode).as(child.output.toString()).isZero();
        }
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (Process job : jobs) {
            job.destroyForcibly();
            job.waitFor();
        }
        jobs.clear();
        for (Process worker : workers) {
            ChildJvm.signal(worker, "CONT"); // in case a test left it frozen
            worker.destroy(); // SIGTERM: an idle worker ends at once
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        workers.clear();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aWorkerKilledWhileItHoldsAPartitionLosesNothing() throws Exception {
        Map<String, String> env = env("killed-worker", true);
        importInto(env);
        Running run = reconstructOnTwoWorkers(env, false);
        Process holder = run.holder();
        holder.destroyForcibly(); // SIGKILL while it holds its partition
        holder.waitFor();
        workers.remove(holder);
        startWorker(env, run.workerOutputs(), null);

        run.awaitSuccess();
        assertThat(run.output()).as("the job saw the partition's worker die; workers: %s", run.workerOutputs())
                .contains("lost worker");
        ChildJvm.Child show = ChildJvm.run(env, "ops", "show", executionOf(run.workerOutputs()));
        assertThat(show.output).contains("partitions on workers:");
        List<String> rows = show.output.toString().lines().filter(l -> l.contains("worker=")).toList();
        assertThat(rows).hasSizeGreaterThan(8) // the lost execution and the eight that completed
                .allMatch(row -> row.matches(".*reconstruct-scopes:buckets-\\d .*worker=\\S+:\\d+ +\\d+:\\d\\d:\\d\\d\\.\\d.*"));
        assertThat(rows).filteredOn(row -> row.contains(":" + holder.pid() + " ")).singleElement().asString()
                .contains("FAILED");
        invoiceAndCompare(env);
    }

    @Test
    void theJobKilledMidStepResumesWithTheSameCommandOnceItsWorkersLetGo() throws Exception {
        Map<String, String> env = env("killed-manager", true);
        importInto(env);
        Running run = reconstructOnTwoWorkers(env, false);
        Process holder = run.holder();
        ChildJvm.signal(holder, "STOP"); // frozen while it holds its partition: alive, its session and lock kept
        run.manager().destroyForcibly();
        run.manager().waitFor();
        run.drain().join();

        ChildJvm.Child list = ChildJvm.run(env, "ops", "list");
        assertThat(list.output).contains("partitions running on workers now:");
        assertThat(list.output.toString().lines().filter(l -> l.contains(":" + holder.pid() + " ")).toList())
                .singleElement().asString().contains("reconstruct-scopes:buckets-").doesNotContain("worker gone");

        // the same command recovers the run and waits for the frozen worker before it sends that partition again
        Process again = ChildJvm.start(env, suite()[2]);
        jobs.add(again);
        StringBuffer againOutput = new StringBuffer();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread againDrain = ChildJvm.drain(again, againOutput, "is still ending an earlier execution", waiting);
        assertThat(waiting.await(3, TimeUnit.MINUTES)).as("%s", againOutput).isTrue();
        ChildJvm.signal(holder, "CONT"); // its next commit finds its execution recovered: it ends without writing
        assertThat(again.waitFor(3, TimeUnit.MINUTES)).isTrue();
        againDrain.join();

        assertThat(again.exitValue()).as(againOutput.toString()).isZero();
        assertThat(againOutput).contains("recovered, resuming");
        invoiceAndCompare(env);
    }

    @Test
    void withoutWorkersTheJobFailsNamingTheFixAndAWorkerStoppedWithSigtermGivesItsPartitionBack() throws Exception {
        Map<String, String> env = env("no-workers", true);
        env.put("WA_BILLING_WORKER_WAIT_SECONDS", "3");
        importInto(env);

        ChildJvm.Child alone = ChildJvm.run(env, suite()[2]);

        assertThat(alone.exitCode).as(alone.output.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(alone.output).contains("no worker took partition reconstruct-scopes:buckets-")
                .contains("start workers (jobs/wa-billing worker").contains("run the same command again");

        // the stale requests of the failed run are dropped by the workers; the same command sends its partitions again
        Running run = reconstructOnTwoWorkers(env, true);
        Process first = run.holder();
        first.toHandle().destroy(); // SIGTERM (keeps our end of its output): its partition is given back
        assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
        workers.remove(first);
        drains.get(first).join();
        assertThat(run.workerOutputs().get(0)).contains(" STOPPED").contains(": stopped");
        assertThat(run.workerOutputs().toString()).as("the failed run's requests, withdrawn")
                .contains("dropped the request for reconstruct-scopes:buckets-").contains("FAILED, no longer waiting");

        run.awaitSuccess();
        assertThat(run.output()).contains("was given back by worker ");
        invoiceAndCompare(env);
    }

    @Test
    void aBrokerRestartedMidRunLosesNothing() throws Exception {
        Map<String, String> env = env("restarted-broker", true);
        importInto(env);
        Running run = reconstructOnTwoWorkers(env, false);

        broker.stop(); // the requests not yet taken are in its journal
        int[] seen = run.workerOutputs().stream().mapToInt(StringBuffer::length).toArray();
        broker = EmbeddedBroker.start("localhost", port, WORKSPACE.root().resolve("broker"), null, null);

        run.awaitSuccess();
        // the same two workers took requests again (they reconnect by themselves): of the partitions they announce
        // after the stop, at most one each was taken before it (a worker holds one at a time)
        long announced = java.util.stream.IntStream.range(0, seen.length)
                .mapToLong(i -> run.workerOutputs().get(i).substring(seen[i]).lines()
                        .filter(l -> l.contains(": running reconstruct-scopes:buckets-")).count())
                .sum();
        assertThat(announced).as("workers: %s", run.workerOutputs()).isGreaterThan(2);
        invoiceAndCompare(env);
    }

    @Test
    void aStopStopsThePartitionsOnTheWorkersAndTheSameCommandResumes() throws Exception {
        Map<String, String> env = env("stopped", true);
        importInto(env);
        Running run = reconstructOnTwoWorkers(env, false);
        for (Process worker : workers) {
            ChildJvm.signal(worker, "STOP"); // the step cannot end while the stop is asked
        }

        ChildJvm.Child stop = ChildJvm.run(env, "ops", "stop", executionOf(run.workerOutputs()));
        for (Process worker : workers) {
            ChildJvm.signal(worker, "CONT"); // their next commit sees the job stopped
        }

        assertThat(stop.exitCode).as(stop.output.toString()).isZero();
        assertThat(run.manager().waitFor(3, TimeUnit.MINUTES)).isTrue();
        run.drain().join();
        assertThat(run.manager().exitValue()).as("%s", run.output()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.output()).contains("reconstruct STOPPED").doesNotContain("sending it again");
        ChildJvm.Child again = ChildJvm.run(env, suite()[2]);
        assertThat(again.exitCode).as(again.output.toString()).isZero();
        invoiceAndCompare(env);
    }

    private static String[][] suite() {
        return new String[][] {
            {"migrate-templates", "input=" + input.resolve("templates.csv")},
            {"import-messages", "input=" + input.resolve("messages")},
            {"reconstruct", "from=2023-05-29", "to=2023-07-04"},
            {"invoice", "month=2023-06"},
        };
    }

    /** The job execution whose partitions the workers ran, as they name it. */
    private static String executionOf(List<StringBuffer> outputs) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("of job execution (\\d+)").matcher(outputs.toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Until every worker said it waits for partitions (its context started). */
    private static void awaitWaiting(List<StringBuffer> outputs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (outputs.stream().anyMatch(o -> o.indexOf("waiting for partitions") < 0)) {
            assertThat(System.nanoTime()).as("workers started within 3 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void importInto(Map<String, String> env) throws Exception {
        for (String[] command : List.of(suite()[0], suite()[1])) {
            ChildJvm.Child child = ChildJvm.run(env, command);
            assertThat(child.exitCode).as(child.output.toString()).isZero();
        }
    }

    private Process startWorker(Map<String, String> env, List<StringBuffer> outputs, CountDownLatch running)
            throws IOException {
        Process worker = ChildJvm.start(env, "worker");
        StringBuffer output = new StringBuffer();
        outputs.add(output);
        drains.put(worker, ChildJvm.drain(worker, output, RUNNING, running == null ? new CountDownLatch(1) : running));
        workers.add(worker);
        return worker;
    }

    /** The job started with two workers ready, once one of them (the first, if so asked) is inside a partition. */
    private Running reconstructOnTwoWorkers(Map<String, String> env, boolean first) throws Exception {
        List<StringBuffer> outputs = new ArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        startWorker(env, outputs, running);
        startWorker(env, outputs, first ? new CountDownLatch(1) : running);
        awaitWaiting(outputs);
        Process manager = ChildJvm.start(env, suite()[2]);
        jobs.add(manager);
        StringBuffer output = new StringBuffer();
        Thread drain = ChildJvm.drain(manager, output, null, null);
        assertThat(running.await(3, TimeUnit.MINUTES)).as("a worker took a partition").isTrue();
        return new Running(manager, output, drain, outputs,
                outputs.get(0).indexOf(RUNNING) >= 0 ? workers.get(0) : workers.get(1));
    }

    /** A job running on workers, and the worker inside a partition when it was caught. */
    private record Running(Process manager, StringBuffer output, Thread drain, List<StringBuffer> workerOutputs,
            Process holder) {

        void awaitSuccess() throws InterruptedException {
            assertThat(manager.waitFor(3, TimeUnit.MINUTES)).isTrue();
            drain.join();
            assertThat(manager.exitValue()).as("%s\nworkers: %s", output, workerOutputs).isZero();
        }
    }

    /** The month invoiced, then conversations, invoices and tables compared with the run in one JVM. */
    private static void invoiceAndCompare(Map<String, String> env) throws Exception {
        assertThat(ChildJvm.run(env, suite()[3]).exitCode).isZero();
        Path out = Path.of(env.get("WA_BILLING_OUTPUT_DIR"));
        Path reference = Path.of(single.get("WA_BILLING_OUTPUT_DIR"));
        assertThat(CrashRecoveryTest.files(out.resolve("conversations")))
                .isEqualTo(CrashRecoveryTest.files(reference.resolve("conversations")));
        assertThat(CrashRecoveryTest.files(out.resolve("invoices/2023-06")))
                .isEqualTo(CrashRecoveryTest.files(reference.resolve("invoices/2023-06")));
        assertThat(CrashRecoveryTest.stored(env)).isEqualTo(CrashRecoveryTest.stored(single));
    }

    private static Map<String, String> env(String name, boolean distributed) {
        Map<String, String> env = new LinkedHashMap<>(WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve(name)));
        env.put("WA_BILLING_REFERENCE_DIR", input.toString());
        if (distributed) {
            env.put("WA_BILLING_BROKER_URL", "tcp://localhost:" + port);
        }
        return env;
    }
}
