package com.wabilling.support.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/operations.md, "Workers": partitions go to workers only with a broker and a shared database server. */
class BrokerTest {

    @Test
    void withoutABrokerNothingChanges() {
        assertThat(new Broker(null, null, null).enabled()).isFalse();
        assertThat(new Broker("  ", null, null).enabled()).isFalse();
        assertThat(Broker.refusal(null, null)).isEmpty();
        assertThat(Broker.refusal("", null)).isEmpty();
    }

    @Test
    void aBrokerWithTheEmbeddedDatabaseIsRefusedNamingBothFixes() {
        assertThat(new Broker("tcp://broker:61616", null, null).enabled()).isTrue();
        assertThat(Broker.refusal("tcp://broker:61616", null)).get().asString()
                .contains("workers need a shared database server").contains("WA_BILLING_DB_URL")
                .contains("unset WA_BILLING_BROKER_URL");
        // a database server other than PostgreSQL is not one the workers are built for either
        assertThat(Broker.refusal("tcp://broker:61616", "jdbc:hsqldb:hsql://db/billing")).isPresent();
        assertThat(Broker.refusal("tcp://broker:61616", "jdbc:postgresql://db:5432/billing")).isEmpty();
    }

    @Test
    void theEmbeddedBrokerHoldsRequestsBackOnlyBelowAFloorOfFreeDiskNotAtAShareOfTheDisk() throws Exception {
        var configuration = EmbeddedBroker.configuration("localhost", 0, java.nio.file.Path.of("broker"), false);

        // Artemis's own default (90 % of the disk used) held every request back on a large, shared disk
        assertThat(configuration.getMaxDiskUsage()).isEqualTo(-1);
        assertThat(configuration.getMinDiskFree()).isEqualTo(512L * 1024 * 1024);
    }
}
