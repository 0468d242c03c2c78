package com.wabilling.conversations;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.periods.Period;
import com.wabilling.pricing.PricingType;
import com.wabilling.support.TieOrder;
import com.wabilling.support.jdbc.SqlStatements;

/** Data access for the pricing records of a period (docs/per-message-pricing.md 2; docs/formats.md pricing/). */
public class PricedMessageDao {

    static final SqlStatements SQL = SqlStatements.load("db/priced-messages.sql");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;

    public PricedMessageDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    /** Re-running a period replaces its records (docs/billing-rules.md 3.4). */
    public void clear(Period period) {
        jdbc.sql(SQL.get("delete-priced")).params(ConversationDao.params(period)).update();
    }

    public void insert(Period period, List<? extends ScopeOutcome> outcomes, long runId) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (ScopeOutcome o : outcomes) {
            for (PricedMessage p : o.priced()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("mode", period.mode().parameter())
                        .addValue("messageId", p.messageId())
                        .addValue("wabaId", o.scope().wabaId())
                        .addValue("phoneNumberId", p.phoneNumberId())
                        .addValue("customerWaId", o.scope().customerWaId())
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
        if (!rows.isEmpty()) {
            batch.batchUpdate(SQL.get("insert-priced"), rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    /** A record whose type waits for the service free tier, in processing order per phone number. */
    public record AwaitingTier(String messageId, String wabaId, String phoneNumberId, Instant deliveredAt) {
    }

    public void forEachAwaitingTier(Period period, Consumer<AwaitingTier> action) {
        jdbc.sql(SQL.get("awaiting-service-tier")).params(ConversationDao.params(period)).query(rs -> {
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

    public void setTypes(Period period, List<AwaitingTier> records, PricingType type) {
        if (records.isEmpty()) {
            return;
        }
        batch.batchUpdate(SQL.get("set-pricing-type"), records.stream().map(r -> new MapSqlParameterSource()
                .addValue("type", type.name()).addValue("mode", period.mode().parameter())
                .addValue("wabaId", r.wabaId()).addValue("deliveredAt", r.deliveredAt().toEpochMilli())
                .addValue("messageId", r.messageId())).toArray(SqlParameterSource[]::new));
    }

    /** A row of pricing/&lt;from&gt;_&lt;to&gt;.csv with Meta's columns. */
    public record Row(String messageId, String wabaId, String phoneNumberId, String customerWaId, String market,
            String category, String pricingType, String regime, Instant deliveredAt, String metaPricingCategory,
            String metaPricingType) {
    }

    /** By delivered_at then message_id (Java's string order, whatever the database's collation). */
    public void forEachRecord(Period period, Consumer<Row> action) {
        TieOrder<Row> ordered = new TieOrder<>(r -> r.deliveredAt().toEpochMilli(),
                java.util.Comparator.comparing(Row::messageId), action);
        jdbc.sql(SQL.get("select-priced")).params(ConversationDao.params(period)).query(rs -> {
            ordered.accept(new Row(rs.getString("message_id"), rs.getString("waba_id"), rs.getString("phone_number_id"),
                    rs.getString("customer_wa_id"), rs.getString("market"), rs.getString("category"),
                    rs.getString("pricing_type"), rs.getString("regime"),
                    Instant.ofEpochMilli(rs.getLong("delivered_at_ms")), rs.getString("meta_pricing_category"),
                    rs.getString("meta_pricing_type")));
        });
        ordered.finish();
    }

    /** Records per (category, pricing_type), for the run summary. */
    public record TypeCount(String category, String pricingType, long messages) {
    }

    public List<TypeCount> typeCounts(Period period) {
        Map<String, Object> params = ConversationDao.params(period);
        return jdbc.sql(SQL.get("priced-counts")).params(params).query(TypeCount.class).list();
    }
}
