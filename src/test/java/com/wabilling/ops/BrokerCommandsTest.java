package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import com.wabilling.support.testing.ChildJvm;
import com.wabilling.support.testing.SlowTest;
import com.wabilling.support.testing.TestWorkspace;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * docs/operations.md, "Workers": {@code broker} serves clients and keeps its requests across a restart;
 * partitions on workers are refused on the embedded database; a worker needs a broker.
 */
@SlowTest
class BrokerCommandsTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("broker-commands");

    @Test
    void theEmbeddedBrokerKeepsARequestAcrossARestart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WA_BILLING_DATA_DIR", WORKSPACE.root().resolve("data").toString());
        env.put("WA_BILLING_BROKER_PORT", Integer.toString(port));
        String url = "tcp://localhost:" + port;

        Process broker = startBroker(env);
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("wa-billing.partitions")).send(session.createTextMessage("42 x"));
        }
        broker.destroy(); // SIGTERM
        assertThat(broker.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(WORKSPACE.root().resolve("data/broker/journal")).isDirectory();

        Process again = startBroker(env);
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage kept = (TextMessage) session.createConsumer(session.createQueue("wa-billing.partitions"))
                    .receive(10_000);
            assertThat(kept).isNotNull();
            assertThat(kept.getText()).isEqualTo("42 x");
        } finally {
            again.destroy();
            again.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void partitionsOnWorkersAreRefusedOnTheEmbeddedDatabase() throws Exception {
        Map<String, String> env = WORKSPACE.launcherEnvironment(WORKSPACE.root().resolve("embedded"));
        env.remove("WA_BILLING_DB_URL");
        env.put("WA_BILLING_BROKER_URL", "tcp://localhost:1");

        ChildJvm.Child job = ChildJvm.run(env, "reconstruct", "from=2023-06-01", "to=2023-07-01");
        ChildJvm.Child worker = ChildJvm.run(env, "worker");

        assertThat(job.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(job.output).contains("workers need a shared database server").contains("WA_BILLING_DB_URL");
        assertThat(worker.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(worker.output).contains("workers need a shared database server");
        assertThat(Path.of(env.get("WA_BILLING_DATA_DIR"), "db.properties")).doesNotExist();
    }

    @Test
    void aWorkerWithoutABrokerIsRefused() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WA_BILLING_DB_URL", "jdbc:postgresql://localhost:1/none");

        ChildJvm.Child worker = ChildJvm.run(env, "worker");

        assertThat(worker.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(worker.output).contains("set WA_BILLING_BROKER_URL");
    }

    private static Process startBroker(Map<String, String> env) throws Exception {
        Process broker = ChildJvm.start(env, "broker");
        CountDownLatch listening = new CountDownLatch(1);
        StringBuffer output = new StringBuffer();
        ChildJvm.drain(broker, output, "broker: listening on tcp://", listening);
        assertThat(listening.await(2, TimeUnit.MINUTES)).as("%s", output).isTrue();
        return broker;
    }
}
