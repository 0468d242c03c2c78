package com.wabilling.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.wabilling.WaBillingApplication;
import com.wabilling.support.testing.TestWorkspace;

/**
 * Flyway versions the schema: a new database gets version 1 (the baseline); a database made before
 * Flyway (same tables, no history) is baselined at 1, keeps its data and gets later versions.
 * Each database is opened by the real application context, as a launch would.
 */
class SchemaMigrationTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("schema");

    /** Every table the version before Flyway created: Spring Batch's six and the domain's twelve. */
    private static final Set<String> TABLES = Set.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_STEP_EXECUTION_CONTEXT", "REJECT_RECORD", "RUN_COUNT", "TEMPLATE", "TEMPLATE_CATEGORY", "MESSAGE_BLOCK",
            "CONVERSATION", "ANOMALY", "RECONCILIATION_FINDING", "RECONSTRUCTED_PERIOD", "INVOICE", "INVOICE_LINE",
            "INVOICE_SEQUENCE");

    @Test
    void aNewDatabaseGetsEveryTableAtVersionOne() throws Exception {
        String url = url("fresh");

        try (ConfigurableApplicationContext context = start(url, "classpath:db/migration")) {
            assertThat(applied(context)).containsExactly("1 JDBC SUCCESS", "2 SQL SUCCESS", "3 SQL SUCCESS",
                    "4 SQL SUCCESS", "5 SQL SUCCESS", "6 JDBC SUCCESS", "7 SQL SUCCESS", "8 SQL SUCCESS",
                    "9 SQL SUCCESS", "10 SQL SUCCESS", "11 SQL SUCCESS", "12 SQL SUCCESS", "13 SQL SUCCESS", "14 SQL SUCCESS", "15 JDBC SUCCESS", "16 SQL SUCCESS");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(tables(jdbc)).containsAll(TABLES).contains("PERIOD_REBUILD", "IMPORTED_FILE",
                    "MESSAGE_STATUS_CHANGE", "INVOICE_PERIOD_BASIS", "MESSAGE_COUNT", "MESSAGE_REPEAT", "MESSAGE_BLOCK");
        }
    }

    @Test
    void aDatabaseFromBeforeFlywayOnceMigratedHasExactlyTheShapeOfANewOne() throws Exception {
        String fresh = url("compare-new");
        try (ConfigurableApplicationContext context = start(fresh, "classpath:db/migration")) {
            assertThat(applied(context)).containsExactly("1 JDBC SUCCESS", "2 SQL SUCCESS", "3 SQL SUCCESS",
                    "4 SQL SUCCESS", "5 SQL SUCCESS", "6 JDBC SUCCESS", "7 SQL SUCCESS", "8 SQL SUCCESS",
                    "9 SQL SUCCESS", "10 SQL SUCCESS", "11 SQL SUCCESS", "12 SQL SUCCESS", "13 SQL SUCCESS", "14 SQL SUCCESS", "15 JDBC SUCCESS", "16 SQL SUCCESS");
        }
        String old = url("compare-old");
        createTheOldWay(old);
        try (ConfigurableApplicationContext context = start(old, "classpath:db/migration")) {
            assertThat(applied(context)).containsExactly("1 BASELINE BASELINE", "2 SQL SUCCESS", "3 SQL SUCCESS",
                    "4 SQL SUCCESS", "5 SQL SUCCESS", "6 JDBC SUCCESS", "7 SQL SUCCESS", "8 SQL SUCCESS",
                    "9 SQL SUCCESS", "10 SQL SUCCESS", "11 SQL SUCCESS", "12 SQL SUCCESS", "13 SQL SUCCESS", "14 SQL SUCCESS", "15 JDBC SUCCESS", "16 SQL SUCCESS");
        }

        assertThat(shape(fresh)).isEqualTo(shape(old)).isNotEmpty();
    }

    @Test
    void aDatabaseFromBeforeFlywayIsBaselinedKeepsItsDataAndGetsLaterVersions() throws Exception {
        String url = url("old");
        createTheOldWay(url);
        JdbcTemplate before = new JdbcTemplate(dataSource(url));
        before.update("INSERT INTO invoice_sequence (sequence_name, next_value) VALUES ('invoice', 42)");
        before.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)"
                + " VALUES (7, 0, 'import-messages', 'k7')");
        before.update("INSERT INTO invoice (invoice_id, kind, status, waba_id, billing_month, account_name, currency,"
                + " conversations, billable, subtotal, markup, total, created_at_ms, run_id) VALUES ('INV-100-2023-06',"
                + " 'INVOICE', 'FINALIZED', '100', '2023-06', 'Ζαχαροπλαστείο Ελένη', 'EUR', 49, 48, 3.0, 0.3, 3.3, 0, 7)");
        before.update("INSERT INTO invoice_line (invoice_id, category, market, unit_price, conversations, free_count,"
                + " billable, amount) VALUES ('INV-100-2023-06', 'MARKETING', 'Greece', 0.0625, 49, 1, 48, 3.0)");
        before.execute("SHUTDOWN"); // as a finished launch leaves the file database

        try (ConfigurableApplicationContext context = start(url, "classpath:db/migration,classpath:db/test-migration")) {
            assertThat(applied(context)).containsExactly("1 BASELINE BASELINE", "2 SQL SUCCESS", "3 SQL SUCCESS",
                    "4 SQL SUCCESS", "5 SQL SUCCESS", "6 JDBC SUCCESS", "7 SQL SUCCESS", "8 SQL SUCCESS",
                    "9 SQL SUCCESS", "10 SQL SUCCESS", "11 SQL SUCCESS", "12 SQL SUCCESS", "13 SQL SUCCESS", "14 SQL SUCCESS", "15 JDBC SUCCESS", "16 SQL SUCCESS", "900 SQL SUCCESS");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT next_value FROM invoice_sequence WHERE sequence_name = 'invoice'",
                    Long.class)).isEqualTo(42);
            assertThat(jdbc.queryForObject("SELECT JOB_NAME FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = 7",
                    String.class)).isEqualTo("import-messages");
            // V15 renamed the count of conversations (messages on a per-message month) to quantity, keeping it
            assertThat(jdbc.queryForObject("SELECT i.quantity || ' ' || l.quantity FROM invoice i JOIN invoice_line l"
                    + " ON l.invoice_id = i.invoice_id", String.class)).isEqualTo("49 49");
            // V900__probe.sql (test only) added this column
            assertThat(jdbc.queryForList("SELECT migration_probe FROM invoice_sequence", String.class))
                    .containsExactly((String) null);
            assertThat(tables(jdbc)).containsAll(TABLES);
        }
    }

    @Test
    void messagesStoredARowEachMoveIntoBlocksWithTheirRunsAndCounts() throws Exception {
        // A database from before keeps every message, conversation and count
        String url = url("rows");
        createTheOldWay(url);
        JdbcTemplate before = new JdbcTemplate(dataSource(url));
        String insert = "INSERT INTO message (message_id, waba_id, phone_number_id, customer_wa_id, bucket, direction,"
                + " message_type, template_name, template_language, sent_at_ms, status, delivered_at_ms, event_at_ms,"
                + " entry_point, meta_conversation_id, meta_category, run_id) VALUES (?, '100', '200', ?, 1, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?)";
        long june10 = java.time.Instant.parse("2023-06-10T10:00:00Z").toEpochMilli();
        long june11 = java.time.Instant.parse("2023-06-11T01:00:00Z").toEpochMilli();
        before.update(insert, "in.1", "31600000001", "I", "text", null, null, june10, null, null, june10, "ctwa_ad",
                null, null, 3);
        before.update(insert, "out.1", "31600000001", "O", "template", "order_shipped", "en", june10, "read", june11,
                june11, null, "conv.9", "utility", 3);
        before.update(insert, "out.2", "31600000002", "O", "text", null, null, june10, "failed", null, null, null, null,
                null, 4);
        before.update("INSERT INTO conversation (conversation_id, scope_mode, waba_id, phone_number_id, customer_wa_id,"
                + " bucket, market, category, opened_at_ms, expires_at_ms, opening_message_id, messages, run_id)"
                + " VALUES ('c1', 'phone-number', '100', '200', '31600000001', 1, 'Netherlands', 'SERVICE', ?, ?,"
                + " 'in.1', 2, 5)", june10, june10 + 86_400_000);
        before.execute("SHUTDOWN");

        try (ConfigurableApplicationContext context = start(url, "classpath:db/migration")) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            List<String> stored = com.wabilling.messages.StoredMessages.all(jdbc).stream()
                    .map(r -> r.runId() + " " + r.message().messageId() + " " + r.message().direction() + " "
                            + r.message().status() + " " + r.message().eventAt() + " " + r.message().entryPoint() + " "
                            + r.message().metaConversationId() + " " + r.message().templateName())
                    .sorted().toList();
            assertThat(stored).containsExactly(
                    "3 in.1 INBOUND null 2023-06-10T10:00:00Z ctwa_ad null null",
                    "3 out.1 OUTBOUND read 2023-06-11T01:00:00Z null conv.9 order_shipped",
                    "4 out.2 OUTBOUND failed null null null null");
            // per day of the event (U: on the day it was sent), kind and run; with_meta for Meta's id
            assertThat(jdbc.queryForList("SELECT run_id || ' ' || day_ms || ' ' || kind || ' ' || with_meta || ' '"
                    + " || messages FROM message_count ORDER BY run_id, kind", String.class)).containsExactly(
                    "3 " + (june10 - june10 % 86_400_000) + " I 0 1", "3 " + (june11 - june11 % 86_400_000) + " O 1 1",
                    "4 " + (june10 - june10 % 86_400_000) + " U 0 1");
            assertThat(jdbc.queryForObject("SELECT opening_message_id FROM conversation WHERE conversation_id = 'c1'",
                    String.class)).isEqualTo("in.1");
        }
    }

    private static String url(String name) {
        return "jdbc:hsqldb:file:" + WORKSPACE.root().resolve(name) + "/db;hsqldb.tx=mvcc;shutdown=true;"
                + "hsqldb.default_table_type=cached";
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "SA", "");
    }

    /** What the version before Flyway did on first use: Spring Batch's script, then db/schema.sql. */
    private static void createTheOldWay(String url) {
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-hsqldb.sql"),
                new ClassPathResource("db/schema-before-flyway.sql")).execute(dataSource(url));
    }

    private static ConfigurableApplicationContext start(String url, String locations) {
        // command-line arguments, because they take precedence over application.properties
        return new SpringApplicationBuilder(WaBillingApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=SA",
                "--spring.datasource.password=", "--spring.flyway.locations=" + locations,
                "--wa-billing.output-dir=" + WORKSPACE.output(), "--wa-billing.data-dir=" + WORKSPACE.root());
    }

    /** "version type state" of every applied migration, in order. */
    private static List<String> applied(ConfigurableApplicationContext context) {
        List<String> result = new ArrayList<>();
        for (MigrationInfo info : context.getBean(Flyway.class).info().applied()) {
            result.add(info.getVersion() + " " + info.getType() + " " + info.getState());
        }
        return result;
    }

    private static Set<String> tables(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class));
    }

    /**
     * Tables with their columns (type, size, nullability), named indexes with their columns, and
     * sequences, leaving out Flyway's own history table and HSQLDB's generated index names.
     */
    private static Set<String> shape(String url) throws SQLException {
        Set<String> shape = new TreeSet<>();
        try (Connection connection = dataSource(url).getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, "PUBLIC", "%", "%")) {
                while (rs.next()) {
                    if (!rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                        shape.add("column " + rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " "
                                + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") "
                                + rs.getString("IS_NULLABLE"));
                    }
                }
            }
            for (String table : tables(new JdbcTemplate(dataSource(url)))) {
                if (table.equalsIgnoreCase("flyway_schema_history")) {
                    continue;
                }
                try (ResultSet rs = meta.getIndexInfo(null, "PUBLIC", table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null && !index.startsWith("SYS_")) {
                            shape.add("index " + table + "." + index + " " + rs.getString("COLUMN_NAME")
                                    + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
                        }
                    }
                }
            }
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    shape.add("sequence " + rs.getString(1));
                }
            }
            connection.createStatement().execute("SHUTDOWN");
        }
        return shape;
    }
}
