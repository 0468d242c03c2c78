package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import com.wabilling.support.batch.UsageException;

class CommandLineTest {

    private static final String SAMPLE = "sample-data/templates.csv";

    @Test
    void fillsDefaultsSoEquivalentCommandsAreTheSameRun() {
        var given = CommandLine.parse(new String[] {"migrate-templates", "input=" + SAMPLE});
        var explicit = CommandLine.parse(new String[] {"migrate-templates", "effective-date=2023-04-01",
            "input=" + SAMPLE, "max-rejects=1000"});

        assertThat(given.parameters()).isEqualTo(explicit.parameters());
        assertThat(given.parameters()).containsEntry("effective-date", "2023-04-01");
    }

    @Test
    void keepsRerunAsAnIdentifyingParameter() {
        var invocation = CommandLine.parse(new String[] {"migrate-templates", "input=" + SAMPLE, "rerun=2"});

        assertThat(invocation.parameters()).containsEntry("rerun", "2");
    }

    @Test
    void usageErrorsSayWhatIsWrongAndWhatIsAccepted() {
        assertUsage(new String[] {}, "no command");
        assertUsage(new String[] {"frobnicate"}, "unknown command 'frobnicate'");
        assertUsage(new String[] {"migrate-templates"}, "missing parameter input=");
        assertUsage(new String[] {"migrate-templates", "input=" + SAMPLE, "colour=red"}, "unknown parameter 'colour'");
        assertUsage(new String[] {"migrate-templates", "input=nope.csv"}, "does not exist: nope.csv");
        assertUsage(new String[] {"migrate-templates", "input=" + SAMPLE, "effective-date=April"}, "not a date");
        assertUsage(new String[] {"migrate-templates", "input=" + SAMPLE, "max-rejects=-1"}, "not a whole number");
        assertUsage(new String[] {"migrate-templates", "input"}, "is not name=value");
        assertUsage(new String[] {"migrate-templates", "input=" + SAMPLE, "rerun="}, "rerun= needs a value");
        assertUsage(new String[] {"ops", "show"}, "accepted: ops list");
        assertUsage(new String[] {"ops", "show", "abc"}, "cannot understand");
        assertUsage(new String[] {"demo", "x=1"}, "demo takes no parameters");
        assertUsage(new String[] {"worker", "queue=x"}, "worker takes no parameters");
        assertUsage(new String[] {"broker", "port=1"}, "broker takes no parameters");
    }

    @Test
    void theWorkerAndTheBrokerAreCommandsSetUpByTheEnvironment() {
        assertThat(CommandLine.parse(new String[] {"worker"}).command()).isEqualTo(CommandLine.WORKER);
        assertThat(CommandLine.parse(new String[] {"broker"}).command()).isEqualTo(CommandLine.BROKER);
        assertThat(CommandLine.usage()).contains("  worker ").contains("  broker ");
    }

    @Test
    void helpIsAskedForWithHelpDashDashHelpOrDashH() {
        assertThat(CommandLine.isHelp(new String[] {"help"})).isTrue();
        assertThat(CommandLine.isHelp(new String[] {"--help"})).isTrue();
        assertThat(CommandLine.isHelp(new String[] {"-h"})).isTrue();
        assertThat(CommandLine.isHelp(new String[] {})).isFalse();
        // a command's own --help is help too (exit 0), with that command's usage
        assertThat(CommandLine.isHelp(new String[] {"invoice", "--help"})).isTrue();
        assertThat(CommandLine.usage(new String[] {"invoice", "--help"})).startsWith("usage: jobs/wa-billing invoice")
                .contains("month=<YYYY-MM>").doesNotContain("import-messages");
        assertThat(CommandLine.usage(new String[] {"status", "-h"})).isEqualTo("usage: jobs/wa-billing "
                + CommandLine.STATUS_USAGE);
        assertThat(CommandLine.isHelp(new String[] {"invoice", "month=2023-06", "--help"})).isFalse();
        assertThat(CommandLine.usage()).contains("invoice month=<YYYY-MM>").contains("ops list");
    }

    @Test
    void anEmptyInputOrAFolderWithoutInputFilesIsBadUsage(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("export.csv.zip"), "x");

        assertUsage(new String[] {"import-messages", "input="}, "input is empty");
        assertUsage(new String[] {"import-messages", "input=" + dir}, "names no input file");
        assertUsage(new String[] {"migrate-templates", "input=" + dir}, "skipped: export.csv.zip");
    }

    @Test
    void mentionsTheAcceptedParametersInErrors() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"migrate-templates", "colour=red"}))
                .hasMessageContaining("input=<file or directory>").hasMessageContaining("[effective-date=2023-04-01]");
    }

    @Test
    void invoiceLeavesOutOnlyWabaIdsAndByDefaultNone() {
        assertThat(CommandLine.parse(new String[] {"invoice", "month=2023-06"}).parameters())
                .containsEntry("leave-out", "");
        assertThat(CommandLine.parse(new String[] {"invoice", "month=2023-06", "leave-out=12,34"}).parameters())
                .containsEntry("leave-out", "12,34");
        assertUsage(new String[] {"invoice", "month=2023-06", "leave-out=12,abc"}, "leave-out must be waba_ids");
        assertUsage(new String[] {"invoice", "month=2023-06", "leave-out=12,"}, "leave-out must be waba_ids");
        assertThat(CommandLine.usage()).contains("[leave-out=<waba_id>[,<waba_id>...]]");
    }

    @Test
    void acceptsOpsActions() {
        assertThat(CommandLine.parse(new String[] {"ops", "list"}).arguments()).containsExactly("list");
        assertThat(CommandLine.parse(new String[] {"ops", "show", "12"}).arguments()).containsExactly("show", "12");
        assertThat(CommandLine.parse(new String[] {"ops", "recover"}).arguments()).containsExactly("recover");
        assertThat(Path.of(SAMPLE)).exists();
    }

    private static void assertUsage(String[] args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args)).isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
