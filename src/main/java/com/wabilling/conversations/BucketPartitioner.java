package com.wabilling.conversations;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.messages.Buckets;

/**
 * reconstruct's partitions: each reads a contiguous range of customer buckets (scopes never span buckets),
 * its first and last bucket in its context, as Spring Batch's ColumnRangePartitioner puts a partition's
 * minValue and maxValue there; the reader takes its bounds from the context alone.
 */
class BucketPartitioner implements Partitioner {

    static final String FIRST_BUCKET = "firstBucket";
    static final String LAST_BUCKET = "lastBucket";
    /** What a partition's context held before the bounds: its index among the grid. */
    static final String PARTITION_BEFORE_BOUNDS = "partition";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        requireGrid(gridSize);
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(FIRST_BUCKET, firstBucket(i, gridSize));
            context.putInt(LAST_BUCKET, firstBucket(i + 1, gridSize) - 1);
            partitions.put("buckets-" + i, context);
        }
        return partitions;
    }

    /** Partitions of equal bucket ranges: the grid must divide the bucket count. */
    static void requireGrid(int grid) {
        if (grid < 1 || Buckets.COUNT % grid != 0) {
            throw new IllegalArgumentException("the grid must divide " + Buckets.COUNT + " buckets: " + grid);
        }
    }

    /** A partition's first and last bucket, both included. */
    record Bounds(int first, int last) {
    }

    /**
     * The bounds a partition's context holds. A context saved by a version before the bounds were stored holds
     * only the partition's index ({@value #PARTITION_BEFORE_BOUNDS}) among {@code grid}: a failed reconstruct
     * of that version, resumed by this one, reads the same buckets (docs/operations.md, "Crash recovery": upgrading between a failure and its resume).
     */
    static Bounds bounds(ExecutionContext context, int grid) {
        if (context.containsKey(FIRST_BUCKET)) {
            Bounds bounds = new Bounds(context.getInt(FIRST_BUCKET), context.getInt(LAST_BUCKET));
            int width = Buckets.COUNT / grid;
            // the sort names its run files by partition of this grid: other bounds would find no run and
            // rebuild nothing for their buckets, silently
            if (bounds.first() % width != 0 || bounds.last() != bounds.first() + width - 1) {
                throw new IllegalStateException("a reconstruct partition's buckets " + bounds.first() + "-"
                        + bounds.last() + " are not one of the " + grid + " partitions the sort writes");
            }
            return bounds;
        }
        if (!context.containsKey(PARTITION_BEFORE_BOUNDS)) {
            throw new IllegalStateException("a reconstruct partition's context holds neither " + FIRST_BUCKET
                    + " nor " + PARTITION_BEFORE_BOUNDS + ": " + context);
        }
        int partition = context.getInt(PARTITION_BEFORE_BOUNDS);
        return new Bounds(firstBucket(partition, grid), firstBucket(partition + 1, grid) - 1);
    }

    /** The first bucket of partition {@code partition} of {@code grid}. */
    static int firstBucket(int partition, int grid) {
        return Buckets.COUNT * partition / grid;
    }
}
