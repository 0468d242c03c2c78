package com.wabilling.support;

import org.springframework.batch.core.job.JobExecution;

/** The readable summary a job leaves in its execution context; the launcher prints it at the end. */
public final class JobSummary {

    public static final String KEY = "summary";

    private JobSummary() {
    }

    public static void put(JobExecution execution, String summary) {
        execution.getExecutionContext().putString(KEY, summary);
    }

    public static String of(JobExecution execution) {
        return execution.getExecutionContext().containsKey(KEY) ? execution.getExecutionContext().getString(KEY) : null;
    }
}
