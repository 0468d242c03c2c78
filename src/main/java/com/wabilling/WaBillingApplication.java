package com.wabilling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.wabilling.ops.CommandLine;
import com.wabilling.ops.DataDirectoryLock;
import com.wabilling.ops.EmbeddedDatabaseCreation;
import com.wabilling.ops.ExitCodes;
import com.wabilling.ops.Launcher;
import com.wabilling.ops.LiveOps;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.UsageException;
import com.wabilling.support.partitions.Broker;
import com.wabilling.support.partitions.EmbeddedBroker;

/** Entry point of {@code jobs/wa-billing COMMAND name=value ...} (docs/operations.md). */
@SpringBootApplication
public class WaBillingApplication {

    public static void main(String[] args) {
        if (CommandLine.isHelp(args)) {
            System.out.println(CommandLine.usage(args));
            System.exit(ExitCodes.OK);
            return;
        }
        CommandLine.Invocation invocation;
        try {
            invocation = CommandLine.parse(args);
        } catch (UsageException e) {
            System.err.println("wa-billing: " + e.getMessage());
            System.err.println(CommandLine.usage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (invocation.command().equals(CommandLine.BROKER)) {
            System.exit(EmbeddedBroker.run(Launcher.dataDir(), System.out, System.err));
            return;
        }
        java.util.Optional<String> noWorkers = Broker.refusal(System.getenv("WA_BILLING_BROKER_URL"),
                System.getenv("WA_BILLING_DB_URL"));
        if (noWorkers.isPresent() && !Launcher.neverCreatesDatabase(invocation)) {
            System.err.println("wa-billing: " + invocation.command() + ": " + noWorkers.get());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (invocation.command().equals(CommandLine.WORKER)) {
            System.exit(Worker.run());
            return;
        }
        if (invocation.command().equals("demo") && System.getenv("WA_BILLING_REFERENCE_DIR") == null) {
            // the demo runs on the project's own sample-data/, wherever it is started from
            System.setProperty("wa-billing.reference-dir",
                    java.nio.file.Path.of(System.getProperty("wa-billing.home", "."), "sample-data").toString());
        }
        // SIGTERM (systemd, Kubernetes) or Ctrl-C in the middle of a job: say what happened and how to go on
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            String running = ProcessOwner.running();
            if (running != null) {
                System.err.println("wa-billing: stopped by a signal during " + running + "; everything it committed"
                        + " is kept: run the same command again to resume from its last commit");
            }
        }, "wa-billing-signal"));
        if (DataDirectoryLock.applies() && Launcher.neverCreatesDatabase(invocation) && !Launcher.embeddedDatabaseExists()) {
            // an ops command in the wrong folder must say so, not create an empty database and list nothing
            System.err.println("wa-billing: no database in " + Launcher.dataDir().toAbsolutePath() + ": ops and status"
                    + " never create one. Run from the folder that holds the data/ of your runs, or set WA_BILLING_DATA_DIR"
                    + " (or WA_BILLING_DB_URL) to it");
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (DataDirectoryLock.applies() && !DataDirectoryLock.tryAcquire(Launcher.dataDir())) {
            // another wa-billing process has the embedded database: never open it a second time
            boolean answeredLive = invocation.command().equals("ops") && LiveOps.handles(invocation.arguments());
            System.exit(answeredLive ? LiveOps.run(invocation.arguments(), Launcher.dataDir(), System.out, System.err)
                    : Launcher.explainInUse(System.err));
            return;
        }
        EmbeddedDatabaseCreation.Start prepared = EmbeddedDatabaseCreation.NONE;
        ConfigurableApplicationContext context;
        try {
            if (DataDirectoryLock.applies()) {
                prepared = EmbeddedDatabaseCreation.begin(Launcher.dataDir());
            }
            context = start();
            if (context == null) {
                return;
            }
            // the schema is migrated: a new or upgraded embedded database is complete
            prepared.migrated(() -> checkpoint(context));
        } catch (RuntimeException e) {
            System.exit(Launcher.explainStartupFailure(e, System.err));
            return;
        }
        int code;
        try {
            code = context.getBean(Launcher.class).run(invocation);
        } catch (RuntimeException e) {
            System.err.println("wa-billing: " + e);
            code = ExitCodes.FAILED;
        }
        int exitCode = code;
        int finalCode = SpringApplication.exit(context, () -> exitCode);
        System.exit(finalCode);
    }

    /** Writes everything the database holds to its files (HSQLDB's CHECKPOINT). */
    private static void checkpoint(ConfigurableApplicationContext context) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checkpoint the migrated database: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the application context. A live process using the embedded database was refused before
     * (DataDirectoryLock); a database lock left by a killed process is released by the database within
     * seconds, so that case waits and tries again.
     */
    private static ConfigurableApplicationContext start() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean told = false;
        while (true) {
            try {
                return new SpringApplicationBuilder(WaBillingApplication.class).web(WebApplicationType.NONE).run();
            } catch (RuntimeException e) {
                // this process holds the data directory's lock, so a database lock is one a finished or
                // killed process left, which the database releases within seconds
                if (!Launcher.isLockFailure(e) || System.nanoTime() > deadline) {
                    System.exit(Launcher.explainStartupFailure(e, System.err));
                    return null;
                }
                if (!told) {
                    System.err.println("wa-billing: the embedded database is locked by a process that is no longer"
                            + " running a job (finishing, or killed); waiting up to 30 s for the lock...");
                    told = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    System.exit(ExitCodes.FAILED);
                }
            }
        }
    }
}
