package com.wabilling.support;

import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The launcher command line that runs (or resumes) a job with exactly these parameters: what a
 * refusal tells the operator to run. Job names are the command names (docs/operations.md).
 */
public final class RunCommand {

    private RunCommand() {
    }

    public static String of(String jobName, JobParameters parameters) {
        String arguments = parameters.parameters().stream()
                .map(p -> p.name() + "=" + p.value())
                .sorted()
                .collect(Collectors.joining(" "));
        return ("jobs/wa-billing " + jobName + " " + arguments).strip();
    }
}
