package com.wabilling.permessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.periods.Period;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.support.TieOrder;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Data access for the pricing records (docs/per-message-pricing.md 2; docs/formats.md pricing/): the one owner of
 * {@code priced_message}, every statement on it in db/priced-messages.sql (docs/architecture.md, "Who owns
 * which table"). Reconstruct writes a period's records and settles their service free tier, its period registry
 * fingerprints what a period carries in, and invoicing reads a month's (docs/per-message-pricing.md 3-4).
 */
public class PricedMessageDao {

    private static final SqlStatements SQL = SqlStatements.load("db/priced-messages.sql");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;
    private final UnsettledPricedMessageDao unsettled;

    public PricedMessageDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.unsettled = new UnsettledPricedMessageDao(jdbc);
    }

    /** Where a period's records wait for the service free tier until it is settled. */
    public UnsettledPricedMessageDao unsettled() {
        return unsettled;
    }

    /** The scope mode and bounds of a period, as the statements name them. */
    private static Map<String, Object> params(Period period) {
        return Map.of("mode", period.mode().parameter(), "from", period.from().toEpochMilli(),
                "to", period.to().toEpochMilli());
    }

    /** Re-running a period replaces its records (docs/billing-rules.md 3.4), settled or not. */
    public void clear(Period period) {
        jdbc.sql(SQL.get("delete-priced")).params(params(period)).update();
        unsettled.clear(period);
    }

    /** A record waiting for the service free tier goes to {@link #unsettled()} until the period is settled. */
    public void insert(Period period, List<? extends PricedScope> outcomes, long runId) {
        List<SqlParameterSource> rows = new ArrayList<>();
        List<SqlParameterSource> waiting = new ArrayList<>();
        for (PricedScope o : outcomes) {
            for (PricedMessage p : o.priced()) {
                (p.price().awaitsServiceFreeTier() ? waiting : rows).add(new MapSqlParameterSource()
                        .addValue("mode", period.mode().parameter())
                        .addValue("messageId", p.messageId())
                        .addValue("wabaId", o.wabaId())
                        .addValue("phoneNumberId", p.phoneNumberId())
                        .addValue("customerWaId", o.customerWaId())
                        .addValue("customerUserId", o.customerUserId(), Types.VARCHAR)
                        .addValue("bucket", o.bucket())
                        .addValue("market", o.market())
                        .addValue("category", p.price().category().name())
                        .addValue("type", p.price().type().name())
                        .addValue("regime", p.regime().name())
                        .addValue("deliveredAt", p.deliveredAt().toEpochMilli())
                        .addValue("insideServiceWindow", flag(p.insideServiceWindow()))
                        .addValue("opensEntryPoint", flag(p.opensEntryPoint()))
                        .addValue("awaitsServiceTier", flag(p.price().awaitsServiceFreeTier()))
                        .addValue("metaPricingCategory", p.metaPricingCategory(), Types.VARCHAR)
                        .addValue("metaPricingType", p.metaPricingType(), Types.VARCHAR)
                        .addValue("runId", runId));
            }
        }
        insertRows(rows);
        unsettled.insert(waiting);
    }

    /** Rows with the parameter names of {@code insert-priced}, the settled ones among them. */
    public void insertRows(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(SQL.get("insert-priced"), rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    /**
     * A free entry point window (72 h, docs/per-message-pricing.md 2 rule 1) that a pricing record opened: the
     * scope's columns as stored and when it opened.
     */
    /** {@code customerWaId}: the scope's customer key (docs/billing-rules.md 3.6). */
    public record EntryPoint(String wabaId, String phoneNumberId, String customerWaId, Instant openedAt) {
    }

    /**
     * The entry point windows still open at the period's start, of the customers in buckets [fromBucket,
     * toBucket): a raw JDBC cursor on the caller's connection, as the partition's reader reads its carried-in
     * state (ScopeHistoryReader).
     */
    public static void forEachCarriedEntryPoint(Connection connection, Period period, int fromBucket, int toBucket,
            Consumer<EntryPoint> action) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL.get("carried-entry-points"))) {
            Object[] parameters = {period.mode().parameter(), period.carriedFrom().toEpochMilli(),
                period.from().toEpochMilli(), fromBucket, toBucket};
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    action.accept(new EntryPoint(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
    }

    /** Part of a period's fingerprint (docs/billing-rules.md 3.4): the entry point windows it carries in, in order. */
    public void forEachFingerprintEntryPoint(Period period, Consumer<EntryPoint> action) {
        jdbc.sql(SQL.get("fingerprint-entry-points")).param("mode", period.mode().parameter())
                .param("carriedFrom", period.carriedFrom().toEpochMilli()).param("from", period.from().toEpochMilli())
                .query(rs -> {
                    action.accept(new EntryPoint(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                });
    }

    /** Service messages the free tier counted for a phone number. */
    public record TierCount(String wabaId, String phoneNumberId, long messages) {
    }

    /**
     * Part of a period's fingerprint: the service messages its free tier counts on, per number, from
     * {@code monthFrom} to the period's start, in order.
     */
    public void forEachFingerprintTierCount(Period period, Instant monthFrom, Consumer<TierCount> action) {
        jdbc.sql(SQL.get("fingerprint-service-tier")).param("mode", period.mode().parameter())
                .param("monthFrom", monthFrom.toEpochMilli())
                .param("from", period.from().toEpochMilli())
                .query(rs -> {
                    action.accept(new TierCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                });
    }

    /** A record whose type waits for the service free tier, in processing order per phone number. */
    public record AwaitingTier(String messageId, String wabaId, String phoneNumberId, Instant deliveredAt) {
    }

    /** The period's records the service free tier counted, as settled (a restarted settlement counts them again). */
    public void forEachSettledKey(Period period, Consumer<AwaitingTier> action) {
        jdbc.sql(SQL.get("settled-keys")).params(params(period)).query(rs -> {
            action.accept(new AwaitingTier(rs.getString("message_id"), rs.getString("waba_id"),
                    rs.getString("phone_number_id"), Instant.ofEpochMilli(rs.getLong("delivered_at_ms"))));
        });
    }

    /** Service messages of the number counted for the tier between its month's start and the period. */
    public int tierCountedBefore(Period period, String wabaId, String phoneNumberId, Instant monthStart) {
        return jdbc.sql(SQL.get("service-tier-counted-before")).param("mode", period.mode().parameter())
                .param("wabaId", wabaId).param("phoneNumberId", phoneNumberId)
                .param("monthStart", monthStart.toEpochMilli()).param("from", period.from().toEpochMilli())
                .query(Integer.class).single();
    }

    /** A row of pricing/&lt;from&gt;_&lt;to&gt;.csv with Meta's columns. */
    public record Row(String messageId, String wabaId, String phoneNumberId, String customerWaId, String market,
            String category, String pricingType, String regime, Instant deliveredAt, String metaPricingCategory,
            String metaPricingType, String customerUserId) {
    }

    /** Whether a record of the period names its customer by user id (docs/formats.md: its file gains the column). */
    public boolean anyUserId(Period period) {
        return jdbc.sql(SQL.get("any-user-id")).params(params(period)).query(Long.class).single() > 0;
    }

    /** By delivered_at then message_id (Java's string order, whatever the database's collation). */
    public void forEachRecord(Period period, Consumer<Row> action) {
        TieOrder<Row> ordered = new TieOrder<>(r -> r.deliveredAt().toEpochMilli(),
                java.util.Comparator.comparing(Row::messageId), action);
        jdbc.sql(SQL.get("select-priced")).params(params(period)).query(rs -> {
            ordered.accept(new Row(rs.getString("message_id"), rs.getString("waba_id"), rs.getString("phone_number_id"),
                    rs.getString("customer_wa_id"), rs.getString("market"), rs.getString("category"),
                    rs.getString("pricing_type"), rs.getString("regime"),
                    Instant.ofEpochMilli(rs.getLong("delivered_at_ms")), rs.getString("meta_pricing_category"),
                    rs.getString("meta_pricing_type"), rs.getString("customer_user_id")));
        });
        ordered.finish();
    }

    /** Records per (category, pricing_type), for the run summary. */
    public record TypeCount(String category, String pricingType, long messages) {
    }

    public List<TypeCount> typeCounts(Period period) {
        Map<String, Object> params = params(period);
        return jdbc.sql(SQL.get("priced-counts")).params(params).query(TypeCount.class).list();
    }

    /**
     * The account's pricing records of its month and the UTILITY/AUTHENTICATION records of the other
     * WABAs of its portfolio (each filtered to its own local month by the calculator), by delivery time
     * then message_id. Each WABA is read by its own indexed query; the other WABAs' records (only the
     * categories volume tiers count) are held while the account's own are streamed and merged in.
     */
    public void forEachPricedMessage(BillingAccount account, List<BillingAccount> portfolio, YearMonth month,
            Consumer<BillableMessage> action) {
        Instant from = account.monthStart(month);
        Instant to = account.monthEnd(month);
        for (BillingAccount other : portfolio) {
            from = other.monthStart(month).isBefore(from) ? other.monthStart(month) : from;
            to = other.monthEnd(month).isAfter(to) ? other.monthEnd(month) : to;
        }
        List<BillableMessage> others = new ArrayList<>();
        for (String waba : portfolio.stream().map(BillingAccount::wabaId).distinct().toList()) {
            if (!waba.equals(account.wabaId())) {
                query("month-tiered-messages", waba, from, to, others::add);
            }
        }
        others.sort(Comparator.comparingLong(m -> m.deliveredAt().toEpochMilli()));
        TieOrder<BillableMessage> ordered = new TieOrder<>(m -> m.deliveredAt().toEpochMilli(),
                Comparator.comparing(BillableMessage::messageId), action);
        int[] next = {0};
        query("month-priced-messages", account.wabaId(), from, to, own -> {
            while (next[0] < others.size() && !others.get(next[0]).deliveredAt().isAfter(own.deliveredAt())) {
                ordered.accept(others.get(next[0]++));
            }
            ordered.accept(own);
        });
        others.subList(next[0], others.size()).forEach(ordered);
        ordered.finish();
    }

    private void query(String name, String wabaId, Instant from, Instant to, Consumer<BillableMessage> action) {
        jdbc.sql(SQL.get(name)).param("wabaId", wabaId).param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli()).query(rs -> {
                    action.accept(new BillableMessage(rs.getString("message_id"), rs.getString("waba_id"),
                            rs.getString("phone_number_id"), PricingCategory.valueOf(rs.getString("category")),
                            PricingType.valueOf(rs.getString("pricing_type")), rs.getString("market"),
                            Instant.ofEpochMilli(rs.getLong("delivered_at_ms")), rs.getInt("inside_service_window") == 1));
                });
    }

    /** Pricing records (phone-number scope) delivered in a range for one WABA. */
    public record WabaCount(String wabaId, long messages) {
    }

    public List<WabaCount> countsByWaba(Instant from, Instant to) {
        return jdbc.sql(SQL.get("messages-by-waba")).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .query(WabaCount.class).list();
    }

    /** The customer of each of the account's pricing records of its month, by message_id (reconcile-meta). */
    public Map<String, String> customersOf(BillingAccount account, YearMonth month) {
        Map<String, String> customers = new HashMap<>();
        jdbc.sql(SQL.get("month-message-customers")).param("wabaId", account.wabaId())
                .param("from", account.monthStart(month).toEpochMilli())
                .param("to", account.monthEnd(month).toEpochMilli())
                .query(rs -> {
                    customers.put(rs.getString("message_id"), rs.getString("customer_wa_id"));
                });
        return customers;
    }

    /**
     * A (market, category) an account's per-message month needs a rate for, at some quarter hour, with the
     * first and last delivery of its records in it.
     */
    public record PricePoint(String market, PricingCategory category, Instant at, Instant first, Instant last) {
    }

    /** What the rate card must price for the account's month under a per-message regime (docs/billing-rules.md 4.2). */
    public List<PricePoint> pricePoints(BillingAccount account, YearMonth month) {
        return jdbc.sql(SQL.get("month-message-price-points")).param("wabaId", account.wabaId())
                .param("from", account.monthStart(month).toEpochMilli())
                .param("to", account.monthEnd(month).toEpochMilli())
                .query((rs, n) -> new PricePoint(rs.getString("market"), PricingCategory.valueOf(rs.getString("category")),
                        Instant.ofEpochMilli(rs.getLong("quarter_hour") * 900_000L),
                        Instant.ofEpochMilli(rs.getLong("first_ms")), Instant.ofEpochMilli(rs.getLong("last_ms"))))
                .list();
    }
}
