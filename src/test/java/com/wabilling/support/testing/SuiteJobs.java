package com.wabilling.support.testing;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite's jobs, injected for the job tests that run them one after another (docs/development.md). */
public abstract class SuiteJobs {

    @Autowired
    protected JobOperatorTestUtils jobs;
    @Autowired
    protected Job templateMigrationJob;
    @Autowired
    protected Job messageImportJob;
    @Autowired
    protected Job reconstructJob;
    @Autowired
    protected Job invoiceJob;

    private static final java.util.concurrent.atomic.AtomicInteger RERUNS = new java.util.concurrent.atomic.AtomicInteger();

    /** Launches the job as a new run each time ({@code rerun=<n>}), whatever ran before on the shared database. */
    protected final NewRuns newRuns = new NewRuns();

    protected static void completed(org.springframework.batch.core.job.JobExecution execution) {
        org.assertj.core.api.Assertions.assertThat(execution.getStatus())
                .as(() -> execution.getAllFailureExceptions().toString())
                .isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
    }

    /** In a class of its own: @SpringBatchTest takes a test's methods returning a JobExecution for its scopes. */
    protected final class NewRuns {
        public org.springframework.batch.core.job.JobExecution launch(Job job, java.util.Map<String, String> parameters)
                throws Exception {
            java.util.Map<String, String> p = new java.util.HashMap<>(parameters);
            p.put("rerun", "new-run-" + RERUNS.incrementAndGet());
            jobs.setJob(job);
            return jobs.startJob(com.wabilling.ops.JobRunner.toJobParameters(p));
        }
    }
}
