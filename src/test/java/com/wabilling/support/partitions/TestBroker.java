package com.wabilling.support.partitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The real embedded broker in the test's own JVM, on a free port, journalled under {@code journal}; and
 * partitions in the real job repository as a job's split leaves them.
 */
final class TestBroker implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final Path journal;
    private final int port;
    private EmbeddedBroker broker;

    private TestBroker(Path journal, int port) {
        this.journal = journal;
        this.port = port;
    }

    /** The settings of a broker on a free port, not started yet. */
    static TestBroker onFreePort(Path journal) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new TestBroker(journal, socket.getLocalPort());
        }
    }

    /** Started before the test class, stopped after it (as a {@code @RegisterExtension}). */
    static TestBroker forEachClass(Path journal) {
        try {
            return onFreePort(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    TestBroker start() throws Exception {
        broker = EmbeddedBroker.start("localhost", port, journal, null, null);
        return this;
    }

    /** Stopped and started again on its journal, as an operator restarts it. */
    void restart() throws Exception {
        broker.stop();
        start();
    }

    Broker settings() {
        return new Broker("tcp://localhost:" + port, null, null);
    }

    /** What a job sends through: a connection per request, no reconnecting. */
    PartitionRequests requests() {
        return new PartitionRequests(settings().connectionFactory());
    }

    /** The next request's text ("execution-id step-name"), taken off the queue; null when none came within. */
    String take(Duration within) throws JMSException {
        try (Connection connection = settings().connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = (TextMessage) session.createConsumer(session.createQueue(Broker.QUEUE))
                    .receive(within.toMillis());
            return message == null ? null : message.getText();
        }
    }

    /** A message on the queue that is not a partition request. */
    void sendText(String text) throws JMSException {
        try (Connection connection = settings().connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(Broker.QUEUE)).send(session.createTextMessage(text));
        }
    }

    @Override
    public void close() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    /** Partition {@code work:p0} of a new run {@code run}, waiting for a worker (STARTING, as split). */
    static StepExecution waitingPartition(JobRepository repository, String run) {
        JobParameters parameters = new JobParametersBuilder().addString("run", run).toJobParameters();
        JobInstance instance = repository.createJobInstance("remote-partitions-test", parameters);
        JobExecution job = repository.createJobExecution(instance, parameters, new ExecutionContext());
        job.setStatus(BatchStatus.STARTED);
        job.setStartTime(LocalDateTime.now());
        repository.update(job);
        return repository.createStepExecution("work:p0", job);
    }

    /**
     * What a worker that took the partition has committed: its name, a restart point after its first chunk,
     * the execution STARTED. Nobody holds the partition's lock afterwards: the worker is gone.
     */
    static StepExecution runByWorker(JobRepository repository, StepExecution partition, String worker) {
        StepExecution now = repository.getStepExecution(partition.getJobExecutionId(), partition.getId());
        now.getExecutionContext().putString(Workers.KEY, worker);
        now.getExecutionContext().putLong("read.count", 1000);
        repository.updateExecutionContext(now);
        now.setStatus(BatchStatus.STARTED);
        now.setStartTime(LocalDateTime.now());
        now.setWriteCount(1000);
        repository.update(now);
        return repository.getStepExecution(partition.getJobExecutionId(), partition.getId());
    }
}
