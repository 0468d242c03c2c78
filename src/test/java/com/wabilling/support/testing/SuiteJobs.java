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
}
