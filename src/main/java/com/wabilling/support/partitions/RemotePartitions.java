package com.wabilling.support.partitions;

import java.io.PrintStream;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.ApplicationContext;

/**
 * Whether partitions go to workers (a broker is configured) and the pieces that do it: the manager's
 * {@link RemotePartitionHandler} and the {@link PartitionWorker} (docs/operations.md, "Workers").
 */
public class RemotePartitions {

    private final Broker broker;
    private final JobRepository repository;
    private final DataSource dataSource;
    private final RemotePartitionHandler.Settings settings;
    private final PrintStream out;

    public RemotePartitions(Broker broker, JobRepository repository, DataSource dataSource,
            RemotePartitionHandler.Settings settings, PrintStream out) {
        this.broker = broker;
        this.repository = repository;
        this.dataSource = dataSource;
        this.settings = settings;
        this.out = out;
    }

    /** True when partitions run on workers; false: in the job's own process, as without a broker. */
    public boolean enabled() {
        return broker.enabled();
    }

    /** The manager's partition handler for {@code grid} partitions (only when {@link #enabled()}). */
    public PartitionHandler handler(int grid) {
        return new RemotePartitionHandler(repository, dataSource,
                new PartitionRequests(broker.connectionFactory()), grid, settings, out);
    }

    /** A worker running the partition steps of this application's jobs. */
    public PartitionWorker worker(ApplicationContext context) {
        return new PartitionWorker(broker.connectionFactory(), repository, dataSource, name -> step(context, name),
                out);
    }

    /** The step a request names ("reconstruct-scopes:buckets-3" runs the step "reconstruct-scopes"). */
    static Step step(ApplicationContext context, String partitionName) {
        String stepName = partitionName.contains(":") ? partitionName.substring(0, partitionName.indexOf(':'))
                : partitionName;
        return context.getBeansOfType(Step.class).values().stream().filter(s -> s.getName().equals(stepName))
                .findFirst().orElseThrow(() -> new IllegalStateException("no step named " + stepName));
    }

    /** Built from the settings (application.properties maps WA_BILLING_BROKER_*). */
    public static RemotePartitions of(String url, String user, String password, long pollMillis, long waitSeconds,
            JobRepository repository, DataSource dataSource) {
        return new RemotePartitions(new Broker(url, user, password), repository, dataSource,
                new RemotePartitionHandler.Settings(Duration.ofMillis(pollMillis), Duration.ofSeconds(waitSeconds)),
                System.out);
    }
}
