package com.wabilling.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ops list | show | stop} while a job holds the embedded database: answered from what the
 * running process publishes ({@link LiveStatus}); a stop is handed to it as a request file.
 */
public final class LiveOps {

    static final String LIST = "list.txt";
    static final String STOP_REQUEST = "stop-request";
    private static final long STOP_WAIT_MILLIS = 3L * LiveStatus.PERIOD_SECONDS * 1000;

    private LiveOps() {
    }

    static Path dir(Path dataDir) {
        return dataDir.resolve("ops");
    }

    static String show(long executionId) {
        return "show-" + executionId + ".txt";
    }

    /** Whether these ops arguments can be answered while the database is in use. */
    public static boolean handles(List<String> args) {
        return !args.isEmpty() && List.of("list", "show", "stop").contains(args.get(0));
    }

    /** Answers {@code args} from the running process's files; the exit code. */
    public static int run(List<String> args, Path dataDir, PrintStream out, PrintStream err) {
        Path dir = dir(dataDir);
        try {
            switch (args.get(0)) {
                case "list" -> {
                    return print(dir.resolve(LIST), out, err);
                }
                case "show" -> {
                    Path file = dir.resolve(show(Long.parseLong(args.get(1))));
                    if (!Files.exists(file)) {
                        err.println("wa-billing: execution " + args.get(1) + " is not the one running now, and the"
                                + " database is in use until that one ends; the running executions:");
                        print(dir.resolve(LIST), out, err);
                        return ExitCodes.ALREADY_RUNNING;
                    }
                    return print(file, out, err);
                }
                default -> {
                    return stop(dir, args.get(1), out, err);
                }
            }
        } catch (IOException e) {
            err.println("wa-billing: cannot read what the running process published in " + dir + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static int print(Path file, PrintStream out, PrintStream err) throws IOException {
        if (!Files.exists(file)) {
            err.println("wa-billing: the embedded database is in use and the process using it publishes no status"
                    + " (it is starting or finishing); try again in a few seconds");
            return ExitCodes.ALREADY_RUNNING;
        }
        out.print(Files.readString(file, StandardCharsets.UTF_8));
        return ExitCodes.OK;
    }

    private static int stop(Path dir, String id, PrintStream out, PrintStream err) throws IOException {
        if (!Files.exists(dir.resolve(show(Long.parseLong(id))))) {
            err.println("wa-billing: execution " + id + " is not running now: nothing to stop");
            return ExitCodes.USAGE;
        }
        Path request = dir.resolve(STOP_REQUEST);
        Files.writeString(request, id + "\n", StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (Files.exists(request) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (Files.exists(request)) {
            Files.deleteIfExists(request);
            err.println("wa-billing: the running process did not take the stop request; is it still running?");
            return ExitCodes.FAILED;
        }
        out.println("Execution " + id + " asked to stop; it stops at its next commit."
                + " Resume it later by running the same command again.");
        return ExitCodes.OK;
    }
}
