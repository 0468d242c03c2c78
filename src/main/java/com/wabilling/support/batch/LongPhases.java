package com.wabilling.support.batch;

import java.time.Duration;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** Starts the {@link LongPhase}s of a job execution, with the progress interval and the job repository. */
public final class LongPhases {

    private final JobRepository repository;
    private final Duration interval;

    public LongPhases(JobRepository repository, Duration interval) {
        this.repository = repository;
        this.interval = interval;
    }

    public LongPhase start(String label, String unit, long total, JobExecution execution) {
        return LongPhase.start(label, unit, total, interval, LongPhase.stopOf(repository, execution));
    }
}
