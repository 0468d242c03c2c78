package com.wabilling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.wabilling.ops.CommandLine;
import com.wabilling.ops.ExitCodes;
import com.wabilling.ops.Launcher;
import com.wabilling.ops.UsageException;

/** Entry point of {@code jobs/wa-billing COMMAND name=value ...} (cli.md). */
@SpringBootApplication
public class WaBillingApplication {

    public static void main(String[] args) {
        CommandLine.Invocation invocation;
        try {
            invocation = CommandLine.parse(args);
        } catch (UsageException e) {
            System.err.println("wa-billing: " + e.getMessage());
            System.err.println(CommandLine.usage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (invocation.command().equals("demo") && System.getenv("WA_BILLING_REFERENCE_DIR") == null) {
            // the demo runs on the project's own sample-data/, wherever it is started from
            System.setProperty("wa-billing.reference-dir",
                    java.nio.file.Path.of(System.getProperty("wa-billing.home", "."), "sample-data").toString());
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(WaBillingApplication.class)
                    .web(WebApplicationType.NONE)
                    .run();
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
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
