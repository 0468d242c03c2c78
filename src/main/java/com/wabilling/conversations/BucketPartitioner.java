package com.wabilling.conversations;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** reconstruct's partitions: partition i reads the customer buckets of its share (scopes never span buckets). */
class BucketPartitioner implements Partitioner {

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt("partition", i);
            partitions.put("buckets-" + i, context);
        }
        return partitions;
    }
}
