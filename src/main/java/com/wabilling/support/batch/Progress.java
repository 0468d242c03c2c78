package com.wabilling.support.batch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Prints the progress of a long step on the console: units done, units per second, share done and
 * ETA, at most once per interval. Partitions of one step share one line of progress. It never prints
 * item contents, so no customer number reaches the console or the log.
 */
public final class Progress implements StepExecutionListener, ItemReadListener<Object> {

    private static final Logger LOG = LoggerFactory.getLogger("com.wabilling.progress");

    /** The share of the work done, from the item just read (0..1), or NaN when unknown. */
    public interface Estimate {
        double fractionDone(State state, Object item);
    }

    /** Progress of one step of one job execution. */
    public static final class State {
        final AtomicLong units = new AtomicLong();
        final long startNanos = System.nanoTime();
        volatile long lastPrintNanos = System.nanoTime();
        volatile long total = -1;

        public long units() {
            return units.get();
        }

        public long total() {
            return total;
        }
    }

    private final String label;
    private final String unitName;
    private final ToLongFunction<Object> units;
    private final Estimate estimate;
    private final java.util.function.Function<StepExecution, Long> total;
    private final long intervalNanos;
    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final ThreadLocal<State> current = new ThreadLocal<>();

    private Progress(String label, String unitName, ToLongFunction<Object> units, Estimate estimate,
            java.util.function.Function<StepExecution, Long> total, Duration interval) {
        this.label = label;
        this.unitName = unitName;
        this.units = units;
        this.estimate = estimate;
        this.total = total;
        this.intervalNanos = interval.toNanos();
    }

    /** Progress against a total known at the start (messages in a window, accounts). */
    public static Progress ofTotal(String label, String unitName, ToLongFunction<Object> units,
            java.util.function.Function<StepExecution, Long> total, Duration interval) {
        return new Progress(label, unitName, units, (s, item) -> s.total > 0 ? (double) s.units() / s.total
                : Double.NaN, total, interval);
    }

    /** Progress by the position of the item just read (bytes of the input files). */
    public static Progress ofPosition(String label, String unitName, ToDoubleFunction<Object> fraction,
            Duration interval) {
        return new Progress(label, unitName, item -> 1, (s, item) -> fraction.applyAsDouble(item), null, interval);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        State state = states.computeIfAbsent(stepExecution.getJobExecution().getId(), id -> {
            State s = new State();
            s.total = total == null ? -1 : total.apply(stepExecution);
            return s;
        });
        current.set(state);
    }

    @Override
    public void afterRead(Object item) {
        State state = current.get();
        if (state == null) {
            return;
        }
        state.units.addAndGet(units.applyAsLong(item));
        long now = System.nanoTime();
        if (now - state.lastPrintNanos >= intervalNanos) {
            state.lastPrintNanos = now;
            print(state, estimate.fractionDone(state, item), now);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        current.remove();
        return null;
    }

    private void print(State state, double fraction, long now) {
        LOG.info(line(label, unitName, state.units(), (now - state.startNanos) / 1e9, fraction));
    }

    /** One progress line: units done, units per second and, when the share done is known, the ETA. */
    static String line(String label, String unitName, long done, double elapsedSeconds, double fraction) {
        double seconds = Math.max(elapsedSeconds, 1e-3);
        String line = String.format("%s: %,d %s, %,.0f/s", label, done, unitName, done / seconds);
        if (!Double.isNaN(fraction) && fraction > 0) {
            double clamped = Math.min(fraction, 1.0);
            long eta = Math.round(seconds / clamped * (1 - clamped));
            line += String.format(", %.0f%% done, ETA %d:%02d:%02d", clamped * 100, eta / 3600, eta / 60 % 60, eta % 60);
        }
        return line;
    }
}
