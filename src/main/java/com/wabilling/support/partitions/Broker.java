package com.wabilling.support.partitions;

import java.util.Optional;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * The message broker that carries partitions to workers (docs/operations.md, "Workers"):
 * {@code WA_BILLING_BROKER_URL}, {@code WA_BILLING_BROKER_USER}, {@code WA_BILLING_BROKER_PASSWORD}.
 * Without a URL every partition runs in the process that runs the job, as before.
 */
public record Broker(String url, String user, String password) {

    /** The queue of partition requests. */
    public static final String QUEUE = "wa-billing.partitions";

    public static Broker fromEnvironment() {
        return new Broker(System.getenv("WA_BILLING_BROKER_URL"), System.getenv("WA_BILLING_BROKER_USER"),
                System.getenv("WA_BILLING_BROKER_PASSWORD"));
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /**
     * A connection factory. A consumer takes one request at a time (no prefetch: a busy worker must not hold
     * requests an idle one could run). No reconnecting inside the client: a connection to a broker that went
     * away fails, and the worker opens a new one (its calls would otherwise block while the client retries).
     */
    public ConnectionFactory connectionFactory() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url.strip(), blankToNull(user),
                blankToNull(password));
        factory.setConsumerWindowSize(0);
        factory.setRetryInterval(1000);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(30_000);
        return factory;
    }

    /**
     * Why partitions cannot go to workers with this database, or empty: workers on other hosts share the job
     * repository and the data, which the embedded database (one process, one host) cannot serve.
     */
    public static Optional<String> refusal(String brokerUrl, String databaseUrl) {
        boolean broker = brokerUrl != null && !brokerUrl.isBlank();
        boolean server = databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:");
        if (broker && !server) {
            return Optional.of("WA_BILLING_BROKER_URL is set, but the database is the embedded one in the data"
                    + " directory: workers need a shared database server. Set WA_BILLING_DB_URL (with"
                    + " WA_BILLING_DB_USER and WA_BILLING_DB_PASSWORD) to a PostgreSQL database that every worker"
                    + " reaches, or unset WA_BILLING_BROKER_URL to run the partitions in this process");
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
