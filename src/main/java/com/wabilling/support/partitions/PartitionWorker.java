package com.wabilling.support.partitions;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import com.wabilling.support.jdbc.RunLock;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * {@code jobs/wa-billing worker} (docs/operations.md, "Workers"): takes partition requests from the broker one
 * at a time and runs them against the shared database, until {@link #stop()}. A request is acknowledged only
 * once its partition is claimed: a worker killed before that leaves it to another. The claim is the
 * partition's lock (held by this process's database session while it runs, so the job sees at once when this
 * worker is gone) and the worker's name in the partition's context. A request whose partition is not waiting
 * any more (run, withdrawn, or held by another worker) is dropped: the job decides what runs again.
 */
public class PartitionWorker {

    private final ConnectionFactory broker;
    private final JobRepository repository;
    private final DataSource dataSource;
    private final Function<String, Step> steps;
    private final PrintStream out;
    private final String name = Workers.current();
    private volatile boolean stopping;
    private volatile StepExecution running;

    public PartitionWorker(ConnectionFactory broker, JobRepository repository, DataSource dataSource,
            Function<String, Step> steps, PrintStream out) {
        this.broker = broker;
        this.repository = repository;
        this.dataSource = dataSource;
        this.steps = steps;
        this.out = out;
    }

    /** Takes and runs partitions until {@link #stop()}. */
    public void run() {
        out.println("worker " + name + ": waiting for partitions on " + Broker.QUEUE);
        while (!stopping) {
            try (Connection connection = broker.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Broker.QUEUE));
                while (!stopping) {
                    Message message = consumer.receive(500);
                    if (message != null) {
                        takeOrGiveBack(message, session);
                    }
                }
            } catch (JMSException e) {
                out.println("worker " + name + ": the broker is unreachable (" + e.getMessage() + "); trying again");
                pause();
            }
        }
        out.println("worker " + name + ": stopped");
    }

    /**
     * Asks the worker to end: it takes no more requests, and the partition it runs stops at its next commit
     * and is given back (STOPPED: the job sends it again, resuming from that commit).
     */
    public void stop() {
        stopping = true;
        StepExecution current = running;
        if (current != null) {
            out.println("worker " + name + ": stopping: " + current.getStepName() + " stops at its next commit and"
                    + " is given back to its job");
            current.setTerminateOnly();
        }
    }

    /** A request that cannot be looked at now (the database unreachable) goes back to the broker for later. */
    private void takeOrGiveBack(Message message, Session session) throws JMSException {
        try {
            take(message);
        } catch (RuntimeException e) {
            out.println("worker " + name + ": cannot take a partition now (" + e.getMessage() + "); trying again");
            session.recover(); // redelivered, to this worker or another
            pause();
        }
    }

    private void take(Message message) throws JMSException {
        PartitionRequests.Request request = PartitionRequests.parse(message);
        StepExecution partition = repository.getStepExecution(request.jobExecutionId(),
                request.step().getStepExecutionId());
        if (partition == null) {
            drop(message, request, "its job execution is not in this database");
            return;
        }
        Optional<RunLock> lock = RunLock.tryAcquirePartition(dataSource,
                partition.getJobExecution().getJobInstanceId(), partition.getStepName());
        if (lock.isEmpty()) {
            drop(message, request, "another worker runs this partition");
            return;
        }
        try (RunLock held = lock.get()) {
            partition = repository.getStepExecution(request.jobExecutionId(), request.step().getStepExecutionId());
            if (partition.getStatus() != BatchStatus.STARTING) {
                drop(message, request, "it is " + partition.getStatus() + ", no longer waiting");
                return;
            }
            partition.getExecutionContext().putString(Workers.KEY, name);
            repository.updateExecutionContext(partition);
            message.acknowledge();
            execute(partition, request.step().getStepName());
        }
    }

    private void drop(Message message, PartitionRequests.Request request, String why) throws JMSException {
        message.acknowledge();
        out.println("worker " + name + ": dropped the request for " + request.step().getStepName() + " of job execution "
                + request.jobExecutionId() + ": " + why);
    }

    private void execute(StepExecution partition, String stepName) {
        running = partition;
        if (stopping) {
            partition.setTerminateOnly(); // the signal came while it was being claimed
        }
        out.println("worker " + name + ": running " + stepName + " of job execution " + partition.getJobExecutionId());
        try {
            steps.apply(stepName).execute(partition);
        } catch (Exception | Error e) {
            // the step records its own failures; this is one it could not record
            partition.setStatus(BatchStatus.FAILED);
            partition.addFailureException(e);
            try {
                repository.update(partition);
            } catch (RuntimeException ignored) {
                // the job sees the partition as lost and sends it again
            }
        } finally {
            running = null;
        }
        out.println("worker " + name + ": " + stepName + " " + partition.getStatus());
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
