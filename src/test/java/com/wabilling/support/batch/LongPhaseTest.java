package com.wabilling.support.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;

class LongPhaseTest {

    @Test
    void aStopAskedMidwayIsAnsweredWithinASecondAsAnInterruption() throws Exception {
        AtomicBoolean asked = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        LongPhase phase = LongPhase.start("sort", "messages", 1_000_000, Duration.ofHours(1), () -> {
            looks.incrementAndGet();
            return asked.get();
        });
        for (int i = 0; i < 100_000; i++) {
            phase.advance(1);
        }
        assertThat(looks.get()).as("looks at most once a second, the first unit included").isBetween(1, 2);
        asked.set(true);
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            while (true) {
                phase.advance(1);
            }
        }).isInstanceOf(LongPhase.Stopped.class).hasCauseInstanceOf(JobInterruptedException.class)
                .hasMessageContaining("sort stopped on request");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aStopAskedInThisProcessIsSeenWithoutTheRepository() {
        var execution = new org.springframework.batch.core.job.JobExecution(4242L,
                new org.springframework.batch.core.job.JobInstance(1L, "reconstruct"),
                new org.springframework.batch.core.job.parameters.JobParameters());
        LongPhase.requestStop(4242L);
        assertThat(LongPhase.stopOf(null, execution).getAsBoolean()).isTrue();
    }

    @Test
    void progressLinesSayTheShareDoneAndTheEta() {
        assertThat(Progress.line("reconstruct (sorting)", "messages", 250_000, 10.0, 0.25))
                .isEqualTo("reconstruct (sorting): 250,000 messages, 25,000/s, 25% done, ETA 0:00:30");
        assertThat(Progress.line("invoice", "invoices", 3, 2.0, Double.NaN)).isEqualTo("invoice: 3 invoices, 2/s");
    }
}
