package com.wabilling.support.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

import com.wabilling.ops.JobRunner;

/**
 * The suite's jobs, injected for the job tests that run them one after another, with the data a test class
 * shares loaded once and a launcher for new runs (docs/development.md, "Build and test").
 */
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

    private static final AtomicInteger RERUNS = new AtomicInteger();

    /** Starts the suite's jobs: as a new run, or exactly as given. */
    protected final Launches launch = new Launches();

    /**
     * The data every test of the class reads (the sample months imported and reconstructed, say): a class
     * that has some overrides this to launch it. It runs once, before the class's first test.
     */
    protected void loadClassData() throws Exception {
    }

    @BeforeEach
    protected final void loadClassDataOnce() throws Exception {
        OnceForTheClass.run(getClass(), this::loadClassData);
    }

    /**
     * {@code parameters} and a {@code rerun=} value no launch of this JVM has had: a new run of the job,
     * whatever ran before on the class's database. Give the same map again to resume that run.
     */
    public static Map<String, String> newRunParameters(Map<String, String> parameters) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put("rerun", "new-run-" + RERUNS.incrementAndGet());
        return p;
    }

    protected static void completed(JobExecution execution) {
        org.assertj.core.api.Assertions.assertThat(execution.getStatus())
                .as(() -> execution.getAllFailureExceptions().toString())
                .isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
    }

    /** In a class of its own: @SpringBatchTest takes a test's methods returning a JobExecution for its scopes. */
    protected final class Launches {

        /** A new run of the job (a {@code rerun=} of its own). */
        public JobExecution newRun(Job job, Map<String, String> parameters) throws Exception {
            return exactly(job, newRunParameters(parameters));
        }

        /** The job with exactly these parameters: the same command again resumes or repeats that run. */
        public JobExecution exactly(Job job, Map<String, String> parameters) throws Exception {
            jobs.setJob(job);
            return jobs.startJob(JobRunner.toJobParameters(parameters));
        }
    }
}
