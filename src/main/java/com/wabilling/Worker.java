package com.wabilling;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.wabilling.ops.ExitCodes;
import com.wabilling.ops.Launcher;
import com.wabilling.support.partitions.Broker;
import com.wabilling.support.partitions.PartitionWorker;
import com.wabilling.support.partitions.RemotePartitions;

/**
 * {@code jobs/wa-billing worker} (docs/operations.md, "Workers"): runs partitions until SIGTERM, which lets the
 * current partition reach its next commit and gives it back before the database connections close.
 */
final class Worker {

    private Worker() {
    }

    static int run() {
        if (!Broker.fromEnvironment().enabled()) {
            System.err.println("wa-billing: worker: set WA_BILLING_BROKER_URL (e.g. tcp://broker:61616) to the broker"
                    + " the jobs send their partitions to");
            return ExitCodes.USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            // no context shutdown hook: the worker's own hook closes the context after the partition is given back
            context = new SpringApplicationBuilder(WaBillingApplication.class).web(WebApplicationType.NONE)
                    .registerShutdownHook(false).run();
        } catch (RuntimeException e) {
            return Launcher.explainStartupFailure(e, System.err);
        }
        PartitionWorker worker = context.getBean(RemotePartitions.class).worker(context);
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.stop();
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wa-billing-worker-stop"));
        worker.run(); // returns once stopped by the hook
        context.close();
        ended.countDown();
        return ExitCodes.OK;
    }
}
