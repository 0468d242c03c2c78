package com.wabilling.support.partitions;

import java.io.PrintStream;
import java.time.Duration;
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
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * {@code jobs/wa-billing worker} (docs/operations.md, "Workers"): takes partition requests from the broker one
 * at a time and runs them against the shared database, until {@link #stop()}. A request leaves the queue only
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
    private final Duration pause;
    private final String name = Workers.current();
    private volatile boolean stopping;
    private volatile StepExecution running;

    public PartitionWorker(ConnectionFactory broker, JobRepository repository, DataSource dataSource,
            Function<String, Step> steps, PrintStream out) {
        this(broker, repository, dataSource, steps, out, Duration.ofSeconds(2));
    }

    /** {@code pause}: how long to wait before trying again when the broker or the database is unreachable. */
    PartitionWorker(ConnectionFactory broker, JobRepository repository, DataSource dataSource,
            Function<String, Step> steps, PrintStream out, Duration pause) {
        this.pause = pause;
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
                // transacted: a request leaves the queue only with its claim, its drop, or its copy given back
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                Queue queue = session.createQueue(Broker.QUEUE);
                MessageConsumer consumer = session.createConsumer(queue);
                MessageProducer producer = session.createProducer(queue);
                while (!stopping) {
                    Message message = consumer.receive(500);
                    if (message != null) {
                        takeOrGiveBack(message, session, producer);
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

    /**
     * A request that cannot be looked at now (the database unreachable) goes back to the broker for later, as a
     * new message: a broker drops a message it has delivered too often (ten times, by default), and this one
     * may come back many times while the database is away. Something that is not a request is dropped.
     */
    private void takeOrGiveBack(Message message, Session session, MessageProducer producer) throws JMSException {
        PartitionRequests.Request request;
        try {
            request = PartitionRequests.parse(message);
        } catch (JMSException | RuntimeException e) {
            session.commit();
            out.println("worker " + name + ": dropped a message that is not a partition request (" + e + ")");
            return;
        }
        try {
            take(request, session);
        } catch (RuntimeException e) {
            out.println("worker " + name + ": cannot take a partition now (" + e.getMessage() + "); trying again");
            producer.send(PartitionRequests.message(session, request));
            session.commit(); // the copy sent and the request taken off at once: to this worker or another
            pause();
        }
    }

    private void take(PartitionRequests.Request request, Session session) throws JMSException {
        StepExecution partition = repository.getStepExecution(request.jobExecutionId(),
                request.step().getStepExecutionId());
        if (partition == null) {
            drop(session, request, "its job execution is not in this database");
            return;
        }
        Optional<RunLock> lock = RunLock.tryAcquirePartition(dataSource,
                partition.getJobExecution().getJobInstanceId(), partition.getStepName());
        if (lock.isEmpty()) {
            drop(session, request, "another worker runs this partition");
            return;
        }
        try (RunLock held = lock.get()) {
            partition = repository.getStepExecution(request.jobExecutionId(), request.step().getStepExecutionId());
            if (partition.getStatus() != BatchStatus.STARTING) {
                drop(session, request, "it is " + partition.getStatus() + ", no longer waiting");
                return;
            }
            partition.getExecutionContext().putString(Workers.KEY, name);
            repository.updateExecutionContext(partition);
            session.commit();
            execute(partition, request.step().getStepName());
        }
    }

    private void drop(Session session, PartitionRequests.Request request, String why) throws JMSException {
        session.commit();
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
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
