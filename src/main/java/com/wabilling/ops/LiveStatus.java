package com.wabilling.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The embedded database admits one process, so while a job runs no other process can read the job
 * repository. The running process therefore publishes, every {@link #PERIOD_SECONDS} s, what
 * {@code ops list} and {@code ops show} would print ({@code data/ops/}), and carries out a stop
 * that another process requested there ({@link LiveOps}). Files only: no port is opened.
 */
final class LiveStatus implements AutoCloseable {

    static final int PERIOD_SECONDS = 2;

    private final JobRepository repository;
    private final JobOperator operator;
    private final Path dir;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService stops = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ops-live-stop");
        t.setDaemon(true);
        return t;
    });

    private LiveStatus(JobRepository repository, JobOperator operator, Path dir) {
        this.repository = repository;
        this.operator = operator;
        this.dir = dir;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ops-live-status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publish, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        // a stop is taken within half a second, whatever a status snapshot costs while the job loads the machine
        stops.scheduleWithFixedDelay(this::honourStopRequest, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Publishes while a job runs on the embedded database; nothing on PostgreSQL (ops connect there). */
    static AutoCloseable startIfEmbedded(String databaseUrl, Path dataDir, JobRepository repository,
            JobOperator operator) {
        return databaseUrl.startsWith("jdbc:hsqldb:file:")
                ? new LiveStatus(repository, operator, LiveOps.dir(dataDir)) : () -> { };
    }

    private void publish() {
        try {
            List<JobExecution> running = Executions.recent(repository, 20).stream().filter(Executions::leftRunning)
                    .toList();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
            OpsCommands ops = new OpsCommands(repository, operator, null, out, out);
            ops.run(List.of("list", "20"));
            write(LiveOps.LIST, text.toString(StandardCharsets.UTF_8));
            for (JobExecution e : running) {
                text.reset();
                ops.run(List.of("show", Long.toString(e.getId())));
                write(LiveOps.show(e.getId()), text.toString(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException | IOException e) {
            // a status snapshot is a convenience: never let it disturb the job
        }
    }

    private void honourStopRequest() {
        try {
            Path request = dir.resolve(LiveOps.STOP_REQUEST);
            if (!Files.exists(request)) {
                return;
            }
            long id = Long.parseLong(Files.readString(request, StandardCharsets.UTF_8).strip());
            // the long phases of the job running here look at this first (no database round trip)
            com.wabilling.support.batch.LongPhase.requestStop(id);
            Files.deleteIfExists(request);
            Executions.requestStop(repository, id);
        } catch (Exception ex) {
            // a malformed request, or an execution already stopping or ended: the snapshot shows its state
        }
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.writeString(tmp, "(as of " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ", published by the running process " + ProcessHandle.current().pid() + ")\n" + text,
                StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        stops.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            stops.awaitTermination(5, TimeUnit.SECONDS);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // stale snapshots are named with their time; the next run replaces them
        }
    }
}
