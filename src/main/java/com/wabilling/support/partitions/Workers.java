package com.wabilling.support.partitions;

import org.springframework.batch.core.step.StepExecution;

import com.wabilling.support.batch.ProcessOwner;

/** Which worker ran a partition: {@code host:pid} in the partition's step execution context. */
public final class Workers {

    /** The step execution context key of the worker that took the partition. */
    public static final String KEY = "worker";

    private Workers() {
    }

    /** This process as a worker: host:pid. */
    public static String current() {
        return ProcessOwner.hostName() + ":" + ProcessHandle.current().pid();
    }

    /** The worker that took the partition, or empty when it ran in the job's own process (or was not taken). */
    public static String of(StepExecution partition) {
        return partition.getExecutionContext().containsKey(KEY) ? partition.getExecutionContext().getString(KEY) : "";
    }

    /** "worker host:pid", or "a worker" when it did not record itself. */
    public static String describe(StepExecution partition) {
        String worker = of(partition);
        return worker.isEmpty() ? "a worker" : "worker " + worker;
    }
}
