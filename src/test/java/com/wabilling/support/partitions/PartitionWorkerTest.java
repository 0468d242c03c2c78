package com.wabilling.support.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "Workers": a worker gives back what it cannot run and outlives its broker. The real worker
 * in a thread of this JVM, the real embedded broker and job repository; the partition's work is a small step.
 */
@JobTest
class PartitionWorkerTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("partition-worker");
    @RegisterExtension
    static final TestBroker broker = TestBroker.forEachClass(WORKSPACE.root().resolve("broker"));

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }

    @Autowired
    JobRepository repository;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** The partition executions the step ran, by id. */
    private final List<Long> ran = new CopyOnWriteArrayList<>();
    private final List<PartitionWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (int i = 0; i < workers.size(); i++) {
            stop(workers.get(i), threads.get(i));
        }
    }

    @Test
    void aWorkerThatCannotReadTheDatabaseGivesTheRequestBackEveryTimeUntilAWorkerThatCanRunsIt() throws Exception {
        StepExecution partition = TestBroker.waitingPartition(repository, "database-unreachable");
        broker.requests().send(partition);
        // a worker on a host that lost the database server: nothing listens on port 1
        DataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/wabilling", "x", "x");
        ByteArrayOutputStream cutOff = new ByteArrayOutputStream();
        PartitionWorker first = start(broker.settings(), repositoryOn(unreachable), unreachable, cutOff);

        // more often than a broker redelivers one message by default (10 times) before it drops it
        awaitThat(() -> text(cutOff).split("cannot take a partition now", -1).length > 13, cutOff);
        stop(first, threads.get(0));
        assertThat(ran).isEmpty();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        start(broker.settings(), repository, dataSource, output);

        awaitThat(() -> status(partition) == BatchStatus.COMPLETED, output);
        assertThat(ran).containsExactly(partition.getId());
        assertThat(text(output)).contains("running work:p0 of job execution " + partition.getJobExecutionId());
    }

    @Test
    void aMessageThatIsNotARequestIsDroppedAndTheRequestsBehindItRun() throws Exception {
        broker.sendText("hello");
        StepExecution partition = TestBroker.waitingPartition(repository, "behind-a-stranger");
        broker.requests().send(partition);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        start(broker.settings(), repository, dataSource, output);

        awaitThat(() -> status(partition) == BatchStatus.COMPLETED, output);
        assertThat(text(output)).containsOnlyOnce("dropped a message that is not a partition request");
        assertThat(ran).containsExactly(partition.getId());
    }

    @Test
    void aWorkerTakesRequestsAgainAfterItsBrokerRestarts() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        start(broker.settings(), repository, dataSource, output);
        StepExecution before = TestBroker.waitingPartition(repository, "before-restart");
        broker.requests().send(before);
        awaitThat(() -> status(before) == BatchStatus.COMPLETED, output);

        broker.restart();
        StepExecution after = TestBroker.waitingPartition(repository, "after-restart");
        broker.requests().send(after);

        awaitThat(() -> status(after) == BatchStatus.COMPLETED, output);
        assertThat(ran).containsExactly(before.getId(), after.getId());
        assertThat(text(output)).contains("the broker is unreachable"); // it opened a new connection
        assertThat(threads.get(0).isAlive()).isTrue();
    }

    @Test
    void aWorkerStartedBeforeItsBrokerWaitsForItAndStopsWhileItIsGone() throws Exception {
        try (TestBroker late = TestBroker.onFreePort(WORKSPACE.root().resolve("late-broker"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            start(late.settings(), repository, dataSource, output);
            awaitThat(() -> text(output).contains("the broker is unreachable"), output);

            late.start();
            StepExecution partition = TestBroker.waitingPartition(repository, "late-broker");
            late.requests().send(partition);

            awaitThat(() -> status(partition) == BatchStatus.COMPLETED, output);
            assertThat(ran).containsExactly(partition.getId());

            // gone again: the worker keeps trying, and still ends when asked (SIGTERM)
            late.close();
            stop(workers.get(0), threads.get(0));
            assertThat(text(output)).endsWith(": stopped" + System.lineSeparator());
        }
    }

    /** A worker in a thread, whose partitions run a one-step tasklet that records them. */
    private PartitionWorker start(Broker settings, JobRepository on, DataSource lockedOn, ByteArrayOutputStream output) {
        Step work = new StepBuilder("work", on).tasklet((contribution, chunk) -> {
            ran.add(chunk.getStepContext().getStepExecution().getId());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
        PartitionWorker worker = new PartitionWorker(settings.connectionFactory(), on, lockedOn, name -> work,
                new PrintStream(output, true, StandardCharsets.UTF_8), Duration.ofMillis(20));
        Thread thread = new Thread(worker::run, "test-worker-" + workers.size());
        workers.add(worker);
        threads.add(thread);
        thread.start();
        return worker;
    }

    private static void stop(PartitionWorker worker, Thread thread) throws InterruptedException {
        worker.stop();
        thread.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(thread.isAlive()).as("the worker ended").isFalse();
    }

    /** The job repository as a worker that cannot reach the database has it. */
    private static JobRepository repositoryOn(DataSource unreachable) throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(unreachable);
        factory.setTransactionManager(new DataSourceTransactionManager(unreachable));
        factory.setDatabaseType("POSTGRES"); // not read from the database, which is out of reach
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    private BatchStatus status(StepExecution partition) {
        return repository.getStepExecution(partition.getJobExecutionId(), partition.getId()).getStatus();
    }

    /** Waits for what the worker does in its own thread; a minute is far more than any of it takes. */
    private static void awaitThat(BooleanSupplier condition, ByteArrayOutputStream output) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within a minute; the worker said:\n%s", text(output)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String text(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8);
    }
}
