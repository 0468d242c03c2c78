package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Each partition's bucket bounds in its context, as ColumnRangePartitioner does with its column's values. */
class BucketPartitionerTest {

    @Test
    void eightPartitionsHoldEightContiguousRangesOfEightBuckets() {
        Map<String, ExecutionContext> partitions = new BucketPartitioner().partition(8);

        assertThat(partitions).hasSize(8);
        for (int i = 0; i < 8; i++) {
            ExecutionContext context = partitions.get("buckets-" + i);
            assertThat(context.getInt(BucketPartitioner.FIRST_BUCKET)).isEqualTo(8 * i);
            assertThat(context.getInt(BucketPartitioner.LAST_BUCKET)).isEqualTo(8 * i + 7);
        }
    }

    @Test
    void everyBucketLiesInExactlyOnePartitionWhateverTheGrid() {
        for (int grid : new int[] {1, 2, 4, 16, 64}) {
            List<Integer> covered = new ArrayList<>();
            new BucketPartitioner().partition(grid).values().forEach(c -> {
                for (int b = c.getInt(BucketPartitioner.FIRST_BUCKET); b <= c.getInt(BucketPartitioner.LAST_BUCKET); b++) {
                    covered.add(b);
                }
            });
            assertThat(covered).hasSize(64).doesNotHaveDuplicates().allMatch(b -> b >= 0 && b < 64);
        }
    }

    /**
     * A partition saved by the version before the bounds held only its index i; that version read buckets
     * [64 * i / grid, 64 * (i + 1) / grid) (its ScopeHistoryReader), which a resume by this version must read too.
     */
    @Test
    void aContextSavedBeforeTheBoundsReadsTheBucketsItsIndexReadThen() {
        for (int i = 0; i < 8; i++) {
            ExecutionContext old = new ExecutionContext();
            old.putInt("partition", i);

            BucketPartitioner.Bounds bounds = BucketPartitioner.bounds(old, 8);

            assertThat(bounds.first()).isEqualTo(64 * i / 8);
            assertThat(bounds.last()).isEqualTo(64 * (i + 1) / 8 - 1);
        }
        ExecutionContext current = new BucketPartitioner().partition(8).get("buckets-3");
        assertThat(BucketPartitioner.bounds(current, 8)).isEqualTo(new BucketPartitioner.Bounds(24, 31));
        assertThatThrownBy(() -> BucketPartitioner.bounds(new ExecutionContext(), 8))
                .hasMessageContaining("neither firstBucket nor partition");
        ExecutionContext other = new ExecutionContext();
        other.putInt(BucketPartitioner.FIRST_BUCKET, 4);
        other.putInt(BucketPartitioner.LAST_BUCKET, 11);
        assertThatThrownBy(() -> BucketPartitioner.bounds(other, 8)).hasMessageContaining("buckets 4-11 are not one");
    }

    @Test
    void aGridThatDoesNotDivideTheBucketsIsRefused() {
        assertThatThrownBy(() -> new BucketPartitioner().partition(6)).hasMessageContaining("must divide 64");
    }
}
