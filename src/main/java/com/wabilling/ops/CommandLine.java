package com.wabilling.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.wabilling.conversations.ReconstructJobConfiguration;
import com.wabilling.invoicing.InvoiceJobConfiguration;
import com.wabilling.messages.MessageImportJobConfiguration;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.UsageException;
import com.wabilling.templates.TemplateMigrationJobConfiguration;

/** Parses {@code COMMAND name=value ...} (docs/operations.md) before anything is started. */
public final class CommandLine {

    /** Every job's parameters, as the job itself defines them. */
    public static final List<JobParameterSpec> JOB_COMMANDS = List.of(TemplateMigrationJobConfiguration.PARAMETERS,
            MessageImportJobConfiguration.PARAMETERS, ReconstructJobConfiguration.PARAMETERS,
            InvoiceJobConfiguration.PARAMETERS, com.wabilling.analytics.ReconcileMetaJobConfiguration.PARAMETERS);

    public static final String MONTHLY_RUN = "monthly-run";
    public static final String STATUS = "status";
    /** The embedded message broker and a partition worker (docs/operations.md, "Workers"). */
    public static final String BROKER = "broker";
    public static final String WORKER = "worker";
    static final String STATUS_USAGE = STATUS + " month=<YYYY-MM> [exports=<folder of month folders>]";
    static final String MONTHLY_RUN_USAGE = MONTHLY_RUN + " [month=<YYYY-MM>] [exports=<folder of month folders>]";

    /** A parsed invocation: a job to run, an ops action, or the demo. */
    public record Invocation(String command, JobParameterSpec job, Map<String, String> parameters, List<String> arguments) {
    }

    private CommandLine() {
    }

    /** {@code help}, {@code --help} or {@code -h}: usage on standard output, exit 0 (docs/operations.md). */
    public static boolean isHelp(String[] args) {
        List<String> words = List.of("help", "--help", "-h");
        return args.length == 1 && words.contains(args[0]) || args.length == 2 && words.contains(args[1]);
    }

    /** The usage of {@code COMMAND --help}: that command's line when it is known, else every command's. */
    public static String usage(String[] args) {
        if (args.length == 2) {
            Optional<JobParameterSpec> job = find(args[0]);
            if (job.isPresent()) {
                return "usage: jobs/wa-billing " + job.get().usage();
            }
            String line = switch (args[0]) {
                case MONTHLY_RUN -> MONTHLY_RUN_USAGE;
                case STATUS -> STATUS_USAGE;
                case "ops" -> OpsCommands.USAGE;
                default -> null;
            };
            if (line != null) {
                return "usage: jobs/wa-billing " + line;
            }
        }
        return usage();
    }

    public static Invocation parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (command.equals("demo") || command.equals(BROKER) || command.equals(WORKER)) {
            if (!rest.isEmpty()) {
                throw new UsageException(command + " takes no parameters (" + command + " is set up by the environment:"
                        + " docs/operations.md)");
            }
            return new Invocation(command, null, Map.of(), List.of());
        }
        if (command.equals(MONTHLY_RUN) || command.equals(STATUS)) {
            String usage = command.equals(STATUS) ? STATUS_USAGE : MONTHLY_RUN_USAGE;
            Map<String, String> parameters = pairs(command, rest);
            for (String name : parameters.keySet()) {
                if (!name.equals("month") && !name.equals("exports")) {
                    throw new UsageException(command + ": unknown parameter '" + name + "'; usage: " + usage);
                }
            }
            if (parameters.containsKey("month") && !parameters.get("month").matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw new UsageException(command + ": month must be YYYY-MM, not '" + parameters.get("month") + "'");
            }
            if (command.equals(STATUS) && !parameters.containsKey("month")) {
                throw new UsageException("status: missing parameter month=; usage: " + usage);
            }
            return new Invocation(command, null, parameters, List.of());
        }
        if (command.equals("ops")) {
            return new Invocation(command, null, Map.of(), OpsCommands.check(rest));
        }
        JobParameterSpec job = find(command).orElseThrow(() -> new UsageException("unknown command '" + command + "'"));
        Map<String, String> parameters = job.resolve(pairs(command, rest));
        if (parameters.containsKey("from") && parameters.containsKey("to")
                && parameters.get("from").compareTo(parameters.get("to")) >= 0) {
            throw new UsageException(command + ": from= must be before to= (to is exclusive): from="
                    + parameters.get("from") + " to=" + parameters.get("to"));
        }
        return new Invocation(command, job, parameters, List.of());
    }

    public static Optional<JobParameterSpec> find(String command) {
        return JOB_COMMANDS.stream().filter(c -> c.name().equals(command)).findFirst();
    }

    private static Map<String, String> pairs(String command, List<String> args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(command + ": '" + arg + "' is not name=value");
            }
            if (result.put(arg.substring(0, eq), arg.substring(eq + 1)) != null) {
                throw new UsageException(command + ": parameter " + arg.substring(0, eq) + " given twice");
            }
        }
        return result;
    }

    public static String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("usage: jobs/wa-billing COMMAND [name=value ...]");
        lines.add("commands:");
        JOB_COMMANDS.forEach(c -> lines.add("  " + c.usage()));
        lines.add("  " + MONTHLY_RUN_USAGE);
        lines.add("  " + STATUS_USAGE);
        lines.add("  " + OpsCommands.USAGE);
        lines.add("  " + WORKER + "    (runs partitions sent by jobs; WA_BILLING_BROKER_URL, a PostgreSQL WA_BILLING_DB_URL)");
        lines.add("  " + BROKER + "    (an embedded message broker; WA_BILLING_BROKER_PORT, default 61616)");
        lines.add("  demo");
        return String.join("\n", lines);
    }
}
