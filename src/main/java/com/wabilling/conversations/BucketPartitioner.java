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

    /** The first bucket of partition {@code partition} of {@code grid}. */
    static int firstBucket(int partition, int grid) {
        return Buckets.COUNT * partition / grid;
    }
}
