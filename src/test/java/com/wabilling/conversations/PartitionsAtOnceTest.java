package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Partitions at once never need more connections than the pool has. */
class PartitionsAtOnceTest {

    @Test
    void embeddedDatabaseRunsOnePartitionAtATime() {
        assertThat(PartitionsAtOnce.of("hsqldb", 0, 8, 10)).isEqualTo(1);
    }

    @Test
    void postgresqlRunsOnePerCoreWhileThePoolServesTwoConnectionsEach() {
        // pool 10, one for the run lock and 2 for the job repository: 7 left, 2 per partition
        assertThat(PartitionsAtOnce.of("postgresql", 0, 2, 10)).isEqualTo(2);
        assertThat(PartitionsAtOnce.of("postgresql", 0, 8, 10)).isEqualTo(3);
        assertThat(PartitionsAtOnce.of("postgresql", 0, 8, 20)).isEqualTo(8);
    }

    @Test
    void theSettingIsCappedByThePoolAndTheSmallestPoolStillRunsOne() {
        assertThat(PartitionsAtOnce.of("postgresql", 2, 8, 10)).isEqualTo(2);
        assertThat(PartitionsAtOnce.of("postgresql", 16, 2, 10)).isEqualTo(3);
        // the old default pool of 4 on an 8-core host: one partition, not eight waiting for connections
        assertThat(PartitionsAtOnce.of("postgresql", 0, 8, 4)).isEqualTo(1);
        assertThat(PartitionsAtOnce.of("postgresql", 0, 8, 2)).isEqualTo(1);
    }
}
