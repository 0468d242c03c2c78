package com.wabilling.support.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.jdbc.RunLock;
import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/operations.md, "Workers": how the job decides, from the shared job repository, that a partition lost its
 * worker; the real handler, job repository and embedded broker in this JVM, the workers played by the test.
 */
@JobTest
class RemotePartitionHandlerTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("partition-handler");
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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private RemotePartitionHandler handler;

    @BeforeEach
    void handler() {
        handler = new RemotePartitionHandler(repository, dataSource, broker.requests(), 1,
                new RemotePartitionHandler.Settings(Duration.ofMillis(10), Duration.ofMinutes(10)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aPartitionWhoseWorkerIsLostAFourthTimeFailsTheStepNamingWhatToDo() throws Exception {
        StepExecution first = TestBroker.waitingPartition(repository, "lost-four-times");
        InFlightPartition partition = new InFlightPartition(repository, first);
        List<Long> executions = new ArrayList<>(List.of(first.getId()));
        for (int worker = 1; worker <= 3; worker++) {
            StepExecution lost = TestBroker.runByWorker(repository, partition.execution(), "host-" + worker + ":4242");

            assertThat(handler.poll(partition, false)).as("ended").isFalse();

            StepExecution marked = repository.getStepExecution(lost.getJobExecutionId(), lost.getId());
            assertThat(marked.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(marked.getExitStatus().getExitDescription())
                    .contains("worker host-" + worker + ":4242 ended without finishing this partition");
            StepExecution next = partition.execution();
            assertThat(next.getId()).isNotIn(executions);
            assertThat(next.getStepName()).isEqualTo("work:p0");
            assertThat(next.getStatus()).isEqualTo(BatchStatus.STARTING);
            // resumes from the lost execution's last commit, waiting for a new worker
            assertThat(next.getExecutionContext().getLong("read.count")).isEqualTo(1000);
            assertThat(next.getExecutionContext().containsKey(Workers.KEY)).isFalse();
            assertThat(broker.take(Duration.ofSeconds(10))).isEqualTo(next.getId() + " work:p0");
            executions.add(next.getId());
        }
        StepExecution fourth = TestBroker.runByWorker(repository, partition.execution(), "host-4:4242");

        assertThatThrownBy(() -> handler.poll(partition, false)).isInstanceOf(IllegalStateException.class)
                .hasMessage("partition work:p0 lost its worker 4 times (last worker host-4:4242): see the workers'"
                        + " output, then run the same command again");

        StepExecution last = repository.getStepExecution(fourth.getJobExecutionId(), fourth.getId());
        assertThat(last.getStatus()).as("no execution is left marked running").isEqualTo(BatchStatus.FAILED);
        assertThat(last.getExitStatus().getExitDescription())
                .contains("worker host-4:4242 ended without finishing this partition; the step fails");
        assertThat(repository.getJobExecution(fourth.getJobExecutionId()).getStepExecutions()).hasSize(4);
        assertThat(broker.take(Duration.ofSeconds(2))).as("not sent a fifth time").isNull();
    }

    @Test
    void onPostgresqlAPartitionWhoseWorkerSessionHoldsItsLockIsNotLost() throws Exception {
        Assumptions.assumeTrue(TestWorkspace.onPostgresql(), "the embedded database has no partition locks");
        StepExecution running = TestBroker.runByWorker(repository,
                TestBroker.waitingPartition(repository, "worker-alive"), "host-a:7");
        InFlightPartition partition = new InFlightPartition(repository, running);
        Optional<RunLock> worker = RunLock.tryAcquirePartition(dataSource, running.getJobExecution().getJobInstanceId(),
                "work:p0");
        assertThat(worker).isPresent();

        assertThat(handler.poll(partition, false)).isFalse();
        assertThat(partition.execution().getId()).isEqualTo(running.getId());
        assertThat(partition.execution().getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(broker.take(Duration.ofSeconds(2))).isNull();

        worker.get().close(); // the worker's session ends
        assertThat(handler.poll(partition, false)).isFalse();
        assertThat(repository.getStepExecution(running.getJobExecutionId(), running.getId()).getStatus())
                .isEqualTo(BatchStatus.FAILED);
        assertThat(broker.take(Duration.ofSeconds(10))).isEqualTo(partition.execution().getId() + " work:p0");
    }

    @Test
    void aPartitionThatCompletesWhileTheJobMarksItLostIsNotLost() {
        StepExecution seen = TestBroker.runByWorker(repository,
                TestBroker.waitingPartition(repository, "completed-meanwhile"), "host-a:8");
        // the worker's last commit lands between the job's read and its mark
        StepExecution worker = repository.getStepExecution(seen.getJobExecutionId(), seen.getId());
        worker.setStatus(BatchStatus.COMPLETED);
        worker.setExitStatus(ExitStatus.COMPLETED);
        worker.setEndTime(LocalDateTime.now());
        repository.update(worker);
        InFlightPartition partition = new InFlightPartition(repository, seen);

        assertThat(partition.markLost()).isFalse();

        StepExecution stored = repository.getStepExecution(seen.getJobExecutionId(), seen.getId());
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stored.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
    }

    @Test
    void aPartitionWhoseWorkerCommitsAChunkWhileTheJobMarksItLostIsMarkedOnItsNewVersion() {
        StepExecution seen = TestBroker.runByWorker(repository,
                TestBroker.waitingPartition(repository, "chunk-meanwhile"), "host-a:9");
        // a worker whose lock's session ended while it still commits: its chunk lands after the job's read
        StepExecution worker = repository.getStepExecution(seen.getJobExecutionId(), seen.getId());
        worker.setWriteCount(2000);
        repository.update(worker);
        InFlightPartition partition = new InFlightPartition(repository, seen);

        assertThat(partition.markLost()).isTrue();

        StepExecution stored = repository.getStepExecution(seen.getJobExecutionId(), seen.getId());
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored.getWriteCount()).as("the worker's commit kept").isEqualTo(2000);
        assertThat(stored.getExitStatus().getExitDescription()).contains("worker host-a:9 ended without finishing");
    }
}
