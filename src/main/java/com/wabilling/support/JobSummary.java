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

    /** Adds a later step's part to the summary. */
    public static void append(JobExecution execution, String more) {
        String before = of(execution);
        put(execution, before == null ? more : before + more);
    }

    public static String of(JobExecution execution) {
        return execution.getExecutionContext().containsKey(KEY) ? execution.getExecutionContext().getString(KEY) : null;
    }
}
