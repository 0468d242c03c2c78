package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.SuiteJobs;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.Refusal;
import com.wabilling.support.testing.Csv;
import com.wabilling.support.testing.TestWorkspace;

/**
 * Per-message months end to end on sample-data/per-message: pricing records, the free tier
 * and volume bands, invoices and their explanations (priced once, docs/billing-rules.md 4.4), reconciliation with
 * Meta, what-if, period composition and restart. The
 * expected message ids and counts are those sample-data/per-message.md documents, worked out by the
 * generator's own model of docs/per-message-pricing.md, not by this code.
 */
@SpringBatchTest
@JobTest
class PerMessageJobTest extends SuiteJobs {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("per-message");
    /** A copy of sample-data's reference files: a test may change the rate card for one run. */
    private static final Path REFERENCE = WORKSPACE.copyOfSampleReference();
    private static final String WHOLE = "pricing/2025-06-01_2026-12-02.csv";
    private static final String SAHYADRI = "102938475610003";
    private static final String TOKO = "102938475610004";
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
        registry.add("wa-billing.reference-dir", REFERENCE::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceDao invoices;
    @Autowired
    PricedMessageDao priced;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private final Runs runs = new Runs();

    /** The per-message sample reconstructed. */
    @Override
    protected void loadClassData() throws Exception {
        completed(launch.newRun(templateMigrationJob, Map.of("input", "sample-data/templates.csv")));
        completed(launch.newRun(messageImportJob, Map.of("input", "sample-data/per-message")));
        completed(runs.reconstruct("2025-06-01", "2026-12-02"));
    }

    @Test
    void pricingRecordsFollowTheRegimeOfEachAccountsLocalDate() {
        Map<String, Map<String, String>> records = byId(read(WHOLE));

        // a utility conversation opened 23:00 local on 2025-06-30 covers the template at 00:30 and the reply
        assertThat(records).doesNotContainKeys("wamid.HBgM0010490PERMSG", "wamid.HBgM0010491PERMSG");
        assertThat(records.get("wamid.HBgM0010492PERMSG")).containsEntry("category", "UTILITY")
                .containsEntry("pricing_type", "regular").containsEntry("regime", "PMP-2025");
        // utility templates inside the window: free on 30 September, charged from 1 October (Amsterdam time)
        assertThat(records.get("wamid.HBgM0010500PERMSG")).containsEntry("pricing_type", "free_customer_service")
                .containsEntry("regime", "PMP-2025");
        assertThat(records.get("wamid.HBgM0010501PERMSG")).containsEntry("pricing_type", "regular")
                .containsEntry("regime", "PMP-2026-10");
        assertThat(read(WHOLE)).extracting(r -> r.get("delivered_at")).isSorted();
    }

    @Test
    void onPostgresqlAPeriodsRecordsAreReadThroughACursorNotAllAtOnce() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestWorkspace.onPostgresql(),
                "the embedded database reads in its own process");
        // PostgreSQL sends a whole result at once unless a fetch size asks for a cursor (inside a transaction,
        // as every step's work runs): 2.5M pricing records of one month ran a 1 GiB heap out that way
        var period = new com.wabilling.periods.Period(java.time.LocalDate.parse("2025-06-01"),
                java.time.LocalDate.parse("2026-12-02"), com.wabilling.periods.ScopeMode.PHONE_NUMBER);
        List<Long> openCursors = new ArrayList<>();
        new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(tx ->
                priced.forEachRecord(period, row -> {
                    if (openCursors.isEmpty()) { // asked on the same connection while the read is under way
                        openCursors.add(jdbc.queryForObject("SELECT COUNT(*) FROM pg_cursors WHERE name <> ''",
                                Long.class));
                    }
                }));
        assertThat(openCursors).hasSize(1).allMatch(cursors -> cursors >= 1, "a cursor open (this query's own may count too)");
    }

    @Test
    void thePhoneNumbersThousandAndFirstServiceMessageOfItsLocalMonthIsCharged() {
        List<Map<String, String>> october = read(WHOLE).stream()
                .filter(r -> r.get("phone_number_id").equals("130000000000001") && r.get("category").equals("SERVICE"))
                .filter(r -> YearMonth.from(Instant.parse(r.get("delivered_at")).atZone(KOLKATA))
                        .equals(YearMonth.of(2026, 10)))
                .toList();

        assertThat(october).hasSize(1074);
        assertThat(october.subList(0, 1000)).allSatisfy(r -> assertThat(r).containsEntry("pricing_type",
                "free_customer_service"));
        assertThat(october.subList(1000, 1074)).allSatisfy(r -> assertThat(r).containsEntry("pricing_type", "regular"));
        assertThat(october.get(1000)).containsEntry("message_id", "wamid.HBgM0011871PERMSG");
    }

    @Test
    void consecutivePeriodsGiveTheRecordsOfOneRunAcrossAMonthsFreeTier() throws Exception {
        List<Map<String, String>> whole = read(WHOLE).stream()
                .filter(r -> r.get("delivered_at").compareTo("2026-09-01") >= 0).map(PerMessageJobTest::byNumber)
                .toList();

        // split inside Sahyadri's October: the second part starts its free tier count from the first's
        completed(runs.reconstruct("2026-09-01", "2026-10-16"));
        completed(runs.reconstruct("2026-10-16", "2026-12-02"));

        List<Map<String, String>> split = new ArrayList<>(read("pricing/2026-09-01_2026-10-16.csv"));
        split.addAll(read("pricing/2026-10-16_2026-12-02.csv"));
        assertThat(split.stream().map(PerMessageJobTest::byNumber).toList()).isEqualTo(whole);
    }

    /**
     * A record without its empty customer_user_id: a period with a customer known by user id (docs/formats.md)
     * has the column, one without does not (the first part here, before the user-id sample of November).
     */
    private static Map<String, String> byNumber(Map<String, String> record) {
        Map<String, String> result = new java.util.TreeMap<>(record);
        result.remove("customer_user_id", "");
        return result;
    }

    /**
     * sample-data/auth-international.md: De Molen (portfolio and WABA 102938475610002) is eligible in Israel from
     * 2026-10-04T22:00:00Z; its two Israel authentication templates after it are AUTHENTICATION_INTERNATIONAL in
     * the pricing records too, every other authentication record stays AUTHENTICATION; Meta's webhook said
     * {@code authentication} for the October one, so the reconciliation names the disagreement.
     */
    @Test
    void pricingRecordsShowTheAuthenticationInternationalCategoryOfEligibleMessages() {
        List<Map<String, String>> records = read(WHOLE);

        assertThat(records.stream().filter(r -> r.get("category").equals("AUTHENTICATION_INTERNATIONAL"))
                .map(r -> r.get("message_id")))
                .containsExactlyInAnyOrder("wamid.HBgM0009582PERMSG", "wamid.HBgM0010169PERMSG");
        Instant start = java.time.OffsetDateTime.parse("2026-10-05T00:00:00+02:00").toInstant();
        assertThat(records.stream().filter(r -> r.get("category").equals("AUTHENTICATION"))
                .filter(r -> r.get("waba_id").equals("102938475610002") && r.get("market").equals("Israel")))
                .as("De Molen's Israel authentication before its start stays AUTHENTICATION")
                .allSatisfy(r -> assertThat(Instant.parse(r.get("delivered_at"))).isBefore(start));
        Map<String, Map<String, String>> reconciliation = byId(read("pricing/2025-06-01_2026-12-02-reconciliation.csv"));
        assertThat(reconciliation.get("wamid.HBgM0009582PERMSG")).containsEntry("kind", "category_disagreement")
                .containsEntry("category", "AUTHENTICATION_INTERNATIONAL")
                .containsEntry("meta_pricing_category", "authentication");
    }

    @Test
    void reconciliationNamesEachDisagreementWithMeta() {
        Map<String, Map<String, String>> rows = byId(read("pricing/2025-06-01_2026-12-02-reconciliation.csv"));

        assertThat(rows.get("wamid.HBgM0001984PERMSG")).containsEntry("kind", "category_disagreement");
        assertThat(rows.get("wamid.HBgM0005299PERMSG")).containsEntry("kind", "type_disagreement")
                .containsEntry("pricing_type", "free_customer_service").containsEntry("meta_pricing_type", "regular")
                .containsEntry("amount_at_stake", "0.0068"); // Brazil utility list rate on 2026-03-03
        assertThat(rows.get("wamid.HBgM0011906PERMSG")).containsEntry("kind", "type_disagreement");
        assertThat(rows.get("wamid.HBgM0003442PERMSG")).containsEntry("kind", "unknown_meta_value")
                .containsEntry("meta_pricing_type", "free_tier_x");
        assertThat(rows.get("wamid.HBgM0004961PERMSG")).containsEntry("kind", "meta_only") // sent, never delivered
                .containsEntry("meta_pricing_category", "utility");
        long agreements = rows.values().stream().filter(r -> r.get("kind").equals("agreement")).count();
        assertThat(agreements).isGreaterThan(4000);
    }

    @Test
    void octoberInvoiceChargesTheServiceMessagesBeyondTheFreeTierAtTheUtilityRate() throws Exception {
        completed(runs.invoice("2026-10", Map.of()));

        Path dir = WORKSPACE.output().resolve("invoices/2026-10");
        List<Map<String, String>> lines = Csv.read(dir.resolve("INV-" + SAHYADRI + "-2026-10.csv"));
        List<Map<String, String>> service = lines.stream().filter(l -> l.get("category").equals("SERVICE")).toList();
        assertThat(service.stream().mapToLong(l -> Long.parseLong(l.get("billable"))).sum()).isEqualTo(74);
        // India's utility rate from 2026-10-01 (sample-data/rate-card.csv), the band column empty
        assertThat(service).filteredOn(l -> l.get("market").equals("India")).allSatisfy(l -> assertThat(l)
                .containsEntry("unit_price", "0.0016").containsEntry("band", ""));
        for (Map<String, String> l : lines) { // amount = billable x unit price, HALF_UP once per line
            assertThat(new BigDecimal(l.get("amount"))).isEqualByComparingTo(new BigDecimal(l.get("unit_price"))
                    .multiply(new BigDecimal(l.get("billable"))).setScale(2, RoundingMode.HALF_UP));
        }
        // the messages file explains the lines message by message
        List<Map<String, String>> messages = Csv.read(dir.resolve("INV-" + SAHYADRI + "-2026-10-messages.csv"));
        assertThat((long) messages.size()).isEqualTo(lines.stream().mapToLong(l -> Long.parseLong(l.get("messages")))
                .sum());
        Map<String, String> summary = Csv.read(dir.resolve("summary.csv")).stream()
                .filter(r -> r.get("waba_id").equals(SAHYADRI)).findFirst().orElseThrow();
        assertThat(summary.get("conversations")).isEqualTo(Integer.toString(messages.size()));

        // priced once: the explanation staged with the lines is what pricing the month gives, its checksum is the
        // one recorded with the invoice, and nothing staged is left behind
        Path repriced = priceAgain(SAHYADRI, YearMonth.of(2026, 10));
        Path books = dir.resolve("INV-" + SAHYADRI + "-2026-10-messages.csv");
        assertThat(Files.readString(repriced)).isEqualTo(Files.readString(books));
        assertThat(jdbc.queryForObject("SELECT explanation_sha256 FROM invoice WHERE invoice_id = ?", String.class,
                "INV-" + SAHYADRI + "-2026-10")).isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(books)));
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".staged."));
        }
    }

    /**
     * sample-data/per-message.md: Loja Aurora's three promo_inverno templates sent through the Marketing Messages
     * API in October 2026 are a MARKETING_LITE line of their own at Brazil's marketing rate of 2026-10-01 in USD
     * (rate-card.csv: 0.0625), next to the MARKETING line of the one sent through the Cloud API.
     */
    @Test
    void marketingMessagesApiTemplatesAreALineOfTheirOwnAtTheMarketingRate() throws Exception {
        completed(runs.invoice("2026-10", Map.of()));

        List<Map<String, String>> lines = Csv.read(WORKSPACE.output()
                .resolve("invoices/2026-10/INV-102938475610001-2026-10.csv"));
        assertThat(lines).filteredOn(l -> l.get("category").equals("MARKETING_LITE")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("market", "Brazil").containsEntry("unit_price", "0.0625")
                        .containsEntry("messages", "3").containsEntry("billable", "3").containsEntry("amount", "0.19"));
        assertThat(lines).filteredOn(l -> l.get("category").equals("MARKETING") && l.get("market").equals("Brazil"))
                .singleElement().satisfies(l -> assertThat(l).containsEntry("unit_price", "0.0625"));
    }

    @Test
    void volumeBandsCountThePortfoliosChargedMessagesAcrossItsWabas() throws Exception {
        completed(runs.invoice("2026-11", Map.of()));

        Path dir = WORKSPACE.output().resolve("invoices/2026-11");
        Map<String, Long> byBand = new HashMap<>();
        for (String waba : List.of("102938475610001", "102938475610005")) {
            Csv.read(dir.resolve("INV-" + waba + "-2026-11.csv")).stream()
                    .filter(l -> l.get("category").equals("UTILITY") && l.get("market").equals("Argentina"))
                    .forEach(l -> byBand.merge(l.get("band"), Long.parseLong(l.get("billable")), Long::sum));
        }
        // 243 charged Argentina utility messages in the portfolio: the first 200 in 1-200, the rest in 201-500
        assertThat(byBand).containsEntry("1-200", 200L).containsEntry("201-500", 43L);
        List<Map<String, String>> loja = Csv.read(dir.resolve("INV-102938475610001-2026-11-messages.csv"));
        List<Map<String, String>> viajes = Csv.read(dir.resolve("INV-102938475610005-2026-11-messages.csv"));
        List<Map<String, String>> both = new ArrayList<>(loja);
        both.addAll(viajes);
        Map<String, String> bandOfTheFirstInBand2 = both.stream()
                .filter(m -> m.get("message_id").equals("wamid.HBgM0013002PERMSG")).findFirst().orElseThrow();
        assertThat(bandOfTheFirstInBand2).containsEntry("band", "201-500").containsEntry("unit_price", "0.0221");
    }

    @Test
    void theFinalizedPerMessageInvoicesGetValidPeppolFiles() throws Exception {
        completed(runs.invoice("2026-10", Map.of("finalize", "true", "invoice-date", "2026-11-02")));

        Path dir = WORKSPACE.output().resolve("invoices/2026-10");
        com.wabilling.invoicing.documents.PeppolValidator validator = new com.wabilling.invoicing.documents.PeppolValidator();
        List<Map<String, String>> summary = Csv.read(dir.resolve("summary.csv"));
        assertThat(summary).hasSize(5);
        for (Map<String, String> invoice : summary) {
            String id = invoice.get("invoice_id");
            byte[] xml = java.nio.file.Files.readAllBytes(dir.resolve(id + ".xml"));
            assertThat(validator.failures(xml)).as(id).isEmpty();
            assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).as(id)
                    .contains("<cbc:PayableAmount currencyID=\"" + invoice.get("currency") + "\">" + invoice.get("gross"));
        }
    }

    @Test
    void aWhatIfIsWrittenApartAndNeverStored() throws Exception {
        Integer invoices = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class);

        JobExecution whatIf = runs.invoice("2026-09", Map.of("regime", "PMP-2026-10"));

        completed(whatIf);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isEqualTo(invoices);
        List<Map<String, String>> summary = Csv.read(WORKSPACE.output().resolve("what-if/2026-09-PMP-2026-10/summary.csv"));
        // utility templates inside the window become charged, nothing becomes free: no account pays less
        assertThat(summary).isNotEmpty().allSatisfy(r -> assertThat(new BigDecimal(r.get("difference")).signum())
                .isNotNegative());
        assertThat(summary).anySatisfy(r -> assertThat(new BigDecimal(r.get("difference")).signum()).isPositive());

        assertThatThrownBy(() -> runs.invoice("2026-09", Map.of("regime", "PMP-2026-10", "finalize", "true")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("cannot be finalized");
    }

    @Test
    void aPerMessageMonthWithoutTheMarketsPerMessageRowIsRefusedNeverPricedAtAConversationRate() throws Exception {
        // India's per-message USD row deleted: its rows of 2023-06-01 to 2024-10-01 are prices per conversation
        Path card = REFERENCE.resolve("rate-card.csv");
        String original = java.nio.file.Files.readString(card);
        String row = "2025-07-01,India,USD,0.0107,0.0014,0.0014,\n";
        assertThat(original).contains(row);
        // Sahyadri Travels (USD) has charged India marketing and utility messages in September 2025
        List<Map<String, String>> september = read(WHOLE).stream()
                .filter(r -> r.get("waba_id").equals(SAHYADRI) && r.get("market").equals("India")
                        && YearMonth.from(Instant.parse(r.get("delivered_at")).atZone(KOLKATA))
                                .equals(YearMonth.of(2025, 9)))
                .toList();
        assertThat(september).extracting(r -> r.get("category")).contains("MARKETING", "UTILITY");
        Integer invoices = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class);
        java.nio.file.Files.writeString(card, original.replace(row, ""));
        JobExecution refused;
        try {
            refused = runs.invoice("2025-09", Map.of());
        } finally {
            java.nio.file.Files.writeString(card, original);
        }

        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        String reason = refused.getAllFailureExceptions().toString();
        assertThat(reason).contains("India, MARKETING, USD, 2025-09-").contains("India, UTILITY, USD, 2025-09-")
                .contains("a per-message date needs a row effective on or after 2025-07-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isEqualTo(invoices);
    }

    @Test
    void aFailedReconstructResumesToTheRecordsOfACleanRun() throws Exception {
        completed(runs.reconstruct("2026-11-01", "2026-12-02"));
        List<Map<String, String>> clean = read("pricing/2026-11-01_2026-12-02.csv");
        Map<String, String> parameters = newRunParameters(Map.of("from", "2026-11-01", "to", "2026-12-02",
                "conversation-scope", "phone-number"));
        // an outage for one message of the next run: rows stored before stay valid
        Long lastRun = jdbc.queryForObject("SELECT MAX(run_id) FROM priced_message", Long.class);
        jdbc.execute("ALTER TABLE priced_message ADD CONSTRAINT test_outage CHECK (message_id <> '"
                + clean.get(clean.size() / 2).get("message_id") + "' OR run_id <= " + lastRun + ")");
        JobExecution failed;
        try {
            failed = launch.exactly(reconstructJob, parameters);
        } finally {
            jdbc.execute("ALTER TABLE priced_message DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        JobExecution resumed = launch.exactly(reconstructJob, parameters);

        completed(resumed);
        assertThat(read("pricing/2026-11-01_2026-12-02.csv")).isEqualTo(clean);
    }

    @Test
    void aSettlementThatFailsHalfWayIsFinishedByItsResumeAsACleanRunSettles() throws Exception {
        completed(runs.reconstruct("2026-09-01", "2026-12-02"));
        List<Map<String, String>> clean = read("pricing/2026-09-01_2026-12-02.csv");
        List<Map<String, String>> service = clean.stream().filter(r -> r.get("category").equals("SERVICE")
                && r.get("regime").equals("PMP-2026-10")).toList(); // what waits for the free tier
        assertThat(service).hasSizeGreaterThan(1_000); // some free, some charged
        Map<String, String> parameters = newRunParameters(Map.of("from", "2026-09-01", "to", "2026-12-02",
                "conversation-scope", "phone-number"));
        // an outage for a service record of the last slice of buckets the settlement moves (the partitions
        // never write there), so that earlier slices are committed when it fails
        Long lastRun = jdbc.queryForObject("SELECT MAX(run_id) FROM priced_message", Long.class);
        String lastSlice = jdbc.queryForObject("SELECT MIN(message_id) FROM priced_message WHERE category = 'SERVICE'"
                + " AND regime = 'PMP-2026-10' AND bucket >= 56", String.class);
        assertThat(lastSlice).isNotNull();
        jdbc.execute("ALTER TABLE priced_message ADD CONSTRAINT test_outage CHECK (message_id <> '" + lastSlice
                + "' OR run_id <= " + lastRun + ")");
        JobExecution failed;
        try {
            failed = launch.exactly(reconstructJob, parameters);
        } finally {
            jdbc.execute("ALTER TABLE priced_message DROP CONSTRAINT test_outage");
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStatus() == BatchStatus.FAILED)
                .extracting(org.springframework.batch.core.step.StepExecution::getStepName)
                .containsExactly("settle-service-tier");
        // every service record is either moved (earlier slices of buckets, committed) or still waiting
        long from = java.time.Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
        long to = java.time.Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();
        long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM priced_message_unsettled"
                + " WHERE delivered_at_ms >= ? AND delivered_at_ms < ?", Long.class, from, to);
        long moved = jdbc.queryForObject("SELECT COUNT(*) FROM priced_message WHERE category = 'SERVICE'"
                + " AND regime = 'PMP-2026-10' AND delivered_at_ms >= ? AND delivered_at_ms < ?", Long.class, from, to);
        assertThat(waiting).isPositive();
        assertThat(moved).isPositive(); // so the resume is a restart: it decides over moved and waiting records
        assertThat(waiting + moved).isEqualTo(service.size());

        JobExecution resumed = launch.exactly(reconstructJob, parameters);

        completed(resumed);
        assertThat(read("pricing/2026-09-01_2026-12-02.csv")).isEqualTo(clean);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM priced_message_unsettled", Long.class)).isZero();
    }

    @Test
    void aReRunWhoseClearingFailsHalfWayGoesOnFromTheDayItReached() throws Exception {
        completed(runs.reconstruct("2026-11-01", "2026-12-02"));
        List<Map<String, String>> clean = read("pricing/2026-11-01_2026-12-02.csv");
        Map<String, String> middle = clean.get(clean.size() / 2);
        Instant day = Instant.parse(middle.get("delivered_at")).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Map<String, String> parameters = newRunParameters(Map.of("from", "2026-11-01", "to", "2026-12-02",
                "conversation-scope", "phone-number"));
        // an outage when the re-run clears that record: the days before it are cleared, one transaction each
        String id = middle.get("message_id");
        if (com.wabilling.support.testing.TestWorkspace.onPostgresql()) {
            jdbc.execute("CREATE FUNCTION test_outage() RETURNS trigger AS $$ BEGIN IF OLD.message_id = '" + id
                    + "' THEN RAISE EXCEPTION 'outage'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql");
            jdbc.execute("CREATE TRIGGER test_outage BEFORE DELETE ON priced_message FOR EACH ROW"
                    + " EXECUTE FUNCTION test_outage()");
        } else {
            jdbc.execute("CREATE TRIGGER test_outage BEFORE DELETE ON priced_message REFERENCING OLD ROW AS o"
                    + " FOR EACH ROW WHEN (o.message_id = '" + id + "') SIGNAL SQLSTATE '45000'");
        }
        JobExecution failed;
        try {
            failed = launch.exactly(reconstructJob, parameters);
        } finally {
            jdbc.execute("DROP TRIGGER test_outage" + (com.wabilling.support.testing.TestWorkspace.onPostgresql()
                    ? " ON priced_message" : ""));
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        long end = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM priced_message WHERE delivered_at_ms >= ?"
                + " AND delivered_at_ms < ?", Long.class, start, day.toEpochMilli())).isZero();
        long fromTheDay = clean.stream().filter(r -> !Instant.parse(r.get("delivered_at")).isBefore(day)).count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM priced_message WHERE delivered_at_ms >= ?"
                + " AND delivered_at_ms < ?", Long.class, day.toEpochMilli(), end)).isEqualTo(fromTheDay);

        JobExecution resumed = launch.exactly(reconstructJob, parameters);

        completed(resumed);
        assertThat(read("pricing/2026-11-01_2026-12-02.csv")).isEqualTo(clean);
    }

    private static List<Map<String, String>> read(String file) {
        return Csv.read(WORKSPACE.output().resolve(file));
    }

    @Test
    void aResumedRunWritesTheExplanationOfTheFirstPricingEvenAfterTheRatesChanged() throws Exception {
        Map<String, String> august = Map.of("month", "2026-08", "rerun", "explained-once");
        JobExecution failed = runs.failingAtToko(august);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Path dir = WORKSPACE.output().resolve("invoices/2026-08");
        assertThat(staged(dir, SAHYADRI)).hasSize(1);
        // the rolled-back chunk left Toko Nusantara's staged file, which no committed invoice records
        assertThat(staged(dir, TOKO)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_id = ?", Long.class,
                "INV-" + TOKO + "-2026-08")).isZero();

        // India's USD rates raised between the failure and the resume: pricing Sahyadri's month again would
        // now give other unit prices than its stored invoice (the earlier version refused the resume for that)
        Path card = REFERENCE.resolve("rate-card.csv");
        String original = Files.readString(card);
        String india = "2025-07-01,India,USD,0.0107,0.0014,0.0014,\n";
        assertThat(original).contains(india);
        JobExecution resumed;
        String repriced;
        Files.writeString(card, original.replace(india, "2025-07-01,India,USD,0.0207,0.0024,0.0024,\n"));
        try {
            resumed = launch.exactly(invoiceJob, august);
            repriced = Files.readString(priceAgain(SAHYADRI, YearMonth.of(2026, 8)));
        } finally {
            Files.writeString(card, original);
        }
        assertThat(repriced).containsPattern(",0\\.0(207|024),"); // what a second pricing would have written

        completed(resumed);
        Path explanation = dir.resolve("INV-" + SAHYADRI + "-2026-08-messages.csv");
        List<Map<String, String>> rows = Csv.read(explanation);
        List<Map<String, String>> indiaRows = rows.stream().filter(r -> r.get("market").equals("India")).toList();
        assertThat(indiaRows).isNotEmpty().extracting(r -> r.get("unit_price")).doesNotContain("0.0207", "0.0024");
        // the explanation is the invoice's: as many messages per line as the stored lines count
        Map<String, Long> perLine = new HashMap<>();
        rows.forEach(r -> perLine.merge(r.get("category") + "|" + r.get("market") + "|" + r.get("band") + "|"
                + r.get("unit_price"), 1L, Long::sum));
        Map<String, Long> lines = new HashMap<>();
        Csv.read(dir.resolve("INV-" + SAHYADRI + "-2026-08.csv")).forEach(l -> lines.put(l.get("category") + "|"
                + l.get("market") + "|" + l.get("band") + "|" + l.get("unit_price"), Long.parseLong(l.get("messages"))));
        assertThat(perLine).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT explanation_sha256 FROM invoice WHERE invoice_id = ?", String.class,
                "INV-" + SAHYADRI + "-2026-08")).isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(explanation)));
        assertThat(jdbc.queryForObject("SELECT explanation_rows FROM invoice WHERE invoice_id = ?", Long.class,
                "INV-" + SAHYADRI + "-2026-08")).isEqualTo(rows.size());
        assertThat(staged(dir, "")).isEmpty();
    }

    @Test
    void aStagedExplanationChangedOrMissingIsRefusedAndNeverPricedAgain() throws Exception {
        Map<String, String> july = Map.of("month", "2026-07", "rerun", "explained-refused");
        assertThat(runs.failingAtToko(july).getStatus()).isEqualTo(BatchStatus.FAILED);
        Path dir = WORKSPACE.output().resolve("invoices/2026-07");
        Path first = staged(dir, "102938475610001").get(0);
        Path second = staged(dir, "102938475610002").get(0);
        byte[] firstBytes = Files.readAllBytes(first);
        byte[] secondBytes = Files.readAllBytes(second);

        // a row added by hand (its last one again): the checksum recorded with the invoice tells
        List<String> firstLines = Files.readAllLines(first);
        Files.writeString(first, firstLines.get(firstLines.size() - 1) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Refusal changed = refusal(launch.exactly(invoiceJob, july));
        assertThat(changed.getMessage()).contains("INV-102938475610001-2026-07")
                .contains("is not the file staged with it");
        assertThat(changed.nextStep()).contains("jobs/wa-billing invoice month=2026-07 rerun=<new value>");
        assertThat(dir.resolve("INV-102938475610001-2026-07-messages.csv")).doesNotExist();

        Files.write(first, firstBytes);
        Files.delete(second);
        Refusal missing = refusal(launch.exactly(invoiceJob, july));
        assertThat(missing.getMessage()).contains("INV-102938475610002-2026-07").contains("is missing from");
        assertThat(dir.resolve("INV-102938475610002-2026-07-messages.csv")).doesNotExist();

        // the file put back: the same command resumes and moves both into place as they were staged
        Files.write(second, secondBytes);
        completed(launch.exactly(invoiceJob, july));
        assertThat(Files.readAllBytes(dir.resolve("INV-102938475610001-2026-07-messages.csv"))).isEqualTo(firstBytes);
        assertThat(Files.readAllBytes(dir.resolve("INV-102938475610002-2026-07-messages.csv"))).isEqualTo(secondBytes);
    }

    private static Refusal refusal(JobExecution execution) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        return execution.getAllFailureExceptions().stream().filter(Refusal.class::isInstance).map(Refusal.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(execution.getAllFailureExceptions().toString()));
    }

    /** The explanation a pricing of the account's month under the reference files as they are now gives. */
    private Path priceAgain(String waba, YearMonth month) {
        ReferenceFiles files = new ReferenceFiles(REFERENCE);
        PerMessageMonth perMessage = new PerMessageMonth(new PricedMessageDao(new NamedParameterJdbcTemplate(jdbc)),
                files.accounts(), files.rateCard(), files.volumeTiers(), files.authInternational());
        return new MessagesExplanationFile(invoices, perMessage).stage(WORKSPACE.root().resolve("priced-again"),
                files.accounts().stream().filter(a -> a.wabaId().equals(waba)).findFirst().orElseThrow(), month).file();
    }

    /** The staged explanations of the month folder whose name starts with {@code .INV-<waba>}. */
    private static List<Path> staged(Path dir, String waba) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".INV-" + waba)
                    && f.getFileName().toString().endsWith(".staged.csv")).toList();
        }
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("message_id"), r -> r, (a, b) -> a));
    }

    /** Launch helpers, in an inner class (see ReconstructJobTest). */
    private final class Runs {
        JobExecution reconstruct(String from, String to) throws Exception {
            return launch.newRun(reconstructJob, Map.of("from", from, "to", to, "conversation-scope", "phone-number"));
        }

        JobExecution invoice(String month, Map<String, String> more) throws Exception {
            Map<String, String> parameters = new HashMap<>(more);
            parameters.put("month", month);
            return launch.newRun(invoiceJob, parameters);
        }

        /** Starts the invoice run with the insert of Toko Nusantara's invoice failing: the three before it commit. */
        JobExecution failingAtToko(Map<String, String> parameters) throws Exception {
            jdbc.execute("ALTER TABLE invoice ADD CONSTRAINT test_outage CHECK (invoice_id <> 'INV-" + TOKO + "-"
                    + parameters.get("month") + "')");
            try {
                return launch.exactly(invoiceJob, parameters);
            } finally {
                jdbc.execute("ALTER TABLE invoice DROP CONSTRAINT test_outage");
            }
        }
    }
}
