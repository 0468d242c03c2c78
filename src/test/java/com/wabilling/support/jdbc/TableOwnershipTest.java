package com.wabilling.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table has one owner, and only the owner's SQL file names it (docs/architecture.md, "Who owns which
 * table"): another package that needs its rows asks the owning DAO and combines in Java.
 */
class TableOwnershipTest {

    /** The SQL file of each owner and the tables it owns, as docs/architecture.md's table lists them. */
    private static final Map<String, Set<String>> OWNED = Map.of(
            "conversations.sql", Set.of("conversation", "anomaly", "reconciliation_finding"),
            "periods.sql", Set.of("reconstructed_period", "period_rebuild"),
            "messages.sql", Set.of("message_block", "message_count", "message_repeat", "message_status_change",
                    "imported_file", "customer_link"),
            "priced-messages.sql", Set.of("priced_message"),
            "priced-messages-unsettled.sql", Set.of("priced_message_unsettled"),
            "invoices.sql", Set.of("invoice", "invoice_line", "invoice_sequence", "invoice_period_basis"),
            "prepaid.sql", Set.of("prepaid_statement", "prepaid_usage"),
            "run-records.sql", Set.of("reject_record", "run_count"),
            "templates.sql", Set.of("template", "template_category"));

    private static final Path DB = Path.of("src/main/resources/db");
    private static final Pattern TABLE = Pattern.compile("(?<![:\\w])(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)(?:\\s+[a-z]\\b)?"
            + "(?:\\s*,\\s*([a-z_]+))?", Pattern.CASE_INSENSITIVE);

    @Test
    void everySqlFileNamesOnlyTheTablesItOwns() throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        try (Stream<Path> files = Files.list(DB)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                named.put(file.getFileName().toString(), tables(Files.readString(file)));
            }
        }
        assertThat(named.keySet()).isEqualTo(new TreeSet<>(OWNED.keySet()));
        named.forEach((file, tables) -> assertThat(tables).as(file).isSubsetOf(OWNED.get(file)));
    }

    @Test
    void noTableHasTwoOwners() {
        List<String> all = OWNED.values().stream().flatMap(Set::stream).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void theCheckSeesAJoinAndAUnionAcrossOwners() {
        // the statement invoices.sql held before its owners answered for their tables, and messages.sql's old join
        assertThat(tables("SELECT waba_id FROM (SELECT waba_id FROM conversation UNION ALL\n"
                + "  SELECT waba_id FROM priced_message) activity GROUP BY waba_id"))
                .contains("conversation", "priced_message");
        assertThat(tables("SELECT DISTINCT p.scope_mode FROM reconstructed_period p, message_status_change c"))
                .contains("reconstructed_period", "message_status_change");
        assertThat(tables("-- a comment naming FROM priced_message\nSELECT 1 FROM invoice")).containsExactly("invoice");
    }

    /** The tables a script's statements name (comments left out; a subquery's parenthesis is no table). */
    static Set<String> tables(String script) {
        String statements = script.lines().map(l -> l.replaceAll("--.*", "")).collect(Collectors.joining("\n"));
        Set<String> tables = new TreeSet<>();
        Matcher m = TABLE.matcher(statements);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase());
            if (m.group(2) != null) {
                tables.add(m.group(2).toLowerCase());
            }
        }
        return tables;
    }
}
