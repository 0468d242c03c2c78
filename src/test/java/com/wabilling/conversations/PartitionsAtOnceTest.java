package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** issue 8.2: partitions at once never need more connections than the pool has. */
class PartitionsAtOnceTest {

    @Test
    void embeddedDatabaseRunsOnePartitionAtATime() {
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("hsqldb", 0, 8, 10)).isEqualTo(1);
    }

    @Test
    void postgresqlRunsOnePerCoreWhileThePoolServesTwoConnectionsEach() {
        // pool 10, one for the run lock and 2 for the job repository: 7 left, 2 per partition
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 0, 2, 10)).isEqualTo(2);
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 0, 8, 10)).isEqualTo(3);
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 0, 8, 20)).isEqualTo(8);
    }

    @Test
    void theSettingIsCappedByThePoolAndTheSmallestPoolStillRunsOne() {
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 2, 8, 10)).isEqualTo(2);
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 16, 2, 10)).isEqualTo(3);
        // the old default pool of 4 on an 8-core host: one partition, not eight waiting for connections
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 0, 8, 4)).isEqualTo(1);
        assertThat(ReconstructJobConfiguration.partitionsAtOnce("postgresql", 0, 8, 2)).isEqualTo(1);
    }
}
