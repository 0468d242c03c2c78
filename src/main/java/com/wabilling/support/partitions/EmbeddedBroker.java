package com.wabilling.support.partitions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * {@code jobs/wa-billing broker}: an ActiveMQ Artemis server in this process for one host, trials and tests
 * (docs/operations.md, "Workers"). Requests are persistent, journalled under {@code <data dir>/broker}, so a
 * restarted broker still holds those not yet taken. With {@code WA_BILLING_BROKER_USER} set, only that user
 * (and its password) may connect.
 */
public final class EmbeddedBroker {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    private EmbeddedBroker() {
    }

    /**
     * Below this much free disk the broker holds new requests back (a producer waits until space is freed).
     * Artemis's default is a share of the disk, 90 % used: on a large disk that others fill, it held every
     * partition request back while 19 GB were free, and the job waited. The journal needs a few MB.
     */
    static final long FREE_DISK_FLOOR_BYTES = 512L * 1024 * 1024;

    /** Starts a broker on {@code port} with its journal under {@code journal}. */
    public static EmbeddedBroker start(String host, int port, Path journal, String user, String password)
            throws Exception {
        boolean secured = user != null && !user.isBlank();
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.server.setConfiguration(configuration(host, port, journal, secured));
        if (secured) {
            broker.server.setSecurityManager(new OneUser(user, password == null ? "" : password));
        }
        broker.server.start();
        return broker;
    }

    static ConfigurationImpl configuration(String host, int port, Path journal, boolean secured) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port);
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO); // no native library needed
        configuration.setJournalDirectory(journal.resolve("journal").toString());
        configuration.setBindingsDirectory(journal.resolve("bindings").toString());
        configuration.setPagingDirectory(journal.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(journal.resolve("large-messages").toString());
        configuration.setJMXManagementEnabled(false);
        configuration.setMaxDiskUsage(-1); // the floor below decides, not a share of the disk
        configuration.setMinDiskFree(FREE_DISK_FLOOR_BYTES);
        configuration.setSecurityEnabled(secured);
        return configuration;
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** The command: runs until SIGTERM or Ctrl-C; the exit code. */
    public static int run(Path dataDir, PrintStream out, PrintStream err) {
        String portSetting = Objects.requireNonNullElse(System.getenv("WA_BILLING_BROKER_PORT"), "61616");
        int port;
        try {
            port = Integer.parseInt(portSetting.strip());
        } catch (NumberFormatException e) {
            err.println("wa-billing: broker: WA_BILLING_BROKER_PORT must be a port number, not '" + portSetting + "'");
            return 2;
        }
        String host = Objects.requireNonNullElse(System.getenv("WA_BILLING_BROKER_HOST"), "0.0.0.0");
        Path journal = dataDir.resolve("broker").toAbsolutePath();
        EmbeddedBroker broker;
        try {
            broker = start(host, port, journal, System.getenv("WA_BILLING_BROKER_USER"),
                    System.getenv("WA_BILLING_BROKER_PASSWORD"));
        } catch (Exception e) {
            err.println("wa-billing: broker: cannot start on " + host + ":" + port + ": " + e.getMessage()
                    + " (is the port in use? set WA_BILLING_BROKER_PORT)");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                // the process ends anyway; the journal is written as messages arrive
            }
            stopped.countDown();
        }, "wa-billing-broker-stop"));
        out.println("broker: listening on tcp://" + host + ":" + port + ", journal in " + journal
                + "; jobs and workers reach it with WA_BILLING_BROKER_URL=tcp://<this host>:" + port);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The one user of a secured embedded broker, allowed everything. */
    private record OneUser(String user, String password) implements ActiveMQSecurityManager {

        @Override
        public boolean validateUser(String name, String secret) {
            return user.equals(name) && password.equals(secret);
        }

        @Override
        public boolean validateUserAndRole(String name, String secret, Set<Role> roles, CheckType checkType) {
            return validateUser(name, secret);
        }
    }
}
