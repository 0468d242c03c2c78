package com.wabilling.permessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.periods.Period;
import com.wabilling.pricing.PricingType;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * The one owner of {@code priced_message_unsettled} (docs/architecture.md, "Who owns which table"): the pricing
 * records whose type waits for the service free tier (docs/per-message-pricing.md 2), from the partition that
 * priced them until the settling step moves them into {@code priced_message} with their type. Its one index,
 * by customer bucket, lets the settling step read and delete one slice of buckets without scanning the rest.
 */
public class UnsettledPricedMessageDao {

    private static final SqlStatements SQL = SqlStatements.load("db/priced-messages-unsettled.sql");
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;

    public UnsettledPricedMessageDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    private static Map<String, Object> params(Period period) {
        return Map.of("mode", period.mode().parameter(), "from", period.from().toEpochMilli(),
                "to", period.to().toEpochMilli());
    }

    /** Rows with the parameter names of {@code insert-priced}. */
    void insert(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(SQL.get("insert-unsettled"), rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Re-running a period, or settling it, empties its share of the table. */
    public void clear(Period period) {
        jdbc.sql(SQL.get("delete-unsettled")).params(params(period)).update();
    }

    /** What the free tier counts, in no particular order. */
    public void forEachKey(Period period, Consumer<PricedMessageDao.AwaitingTier> action) {
        jdbc.sql(SQL.get("unsettled-keys")).params(params(period)).query(rs -> {
            action.accept(new PricedMessageDao.AwaitingTier(rs.getString("message_id"), rs.getString("waba_id"),
                    rs.getString("phone_number_id"), Instant.ofEpochMilli(rs.getLong("delivered_at_ms"))));
        });
    }

    /**
     * Moves the records of buckets [fromBucket, toBucket): hands them to {@code write} in batches, as rows for
     * {@code insert-priced}, each typed FREE_CUSTOMER_SERVICE when {@code free} says so, else as priced, then
     * deletes them here (the caller's transaction holds both).
     */
    public void moveSettled(Period period, int fromBucket, int toBucket,
            Predicate<PricedMessageDao.AwaitingTier> free, Consumer<List<SqlParameterSource>> write) {
        List<SqlParameterSource> rows = new ArrayList<>();
        jdbc.sql(SQL.get("unsettled-rows")).params(params(period)).param("fromBucket", fromBucket)
                .param("toBucket", toBucket).query(rs -> {
                    var key = new PricedMessageDao.AwaitingTier(rs.getString("message_id"), rs.getString("waba_id"),
                            rs.getString("phone_number_id"), Instant.ofEpochMilli(rs.getLong("delivered_at_ms")));
                    rows.add(new MapSqlParameterSource()
                            .addValue("mode", rs.getString("scope_mode"))
                            .addValue("messageId", key.messageId())
                            .addValue("wabaId", key.wabaId())
                            .addValue("phoneNumberId", key.phoneNumberId())
                            .addValue("customerWaId", rs.getString("customer_wa_id"))
                            .addValue("bucket", rs.getInt("bucket"))
                            .addValue("market", rs.getString("market"))
                            .addValue("category", rs.getString("category"))
                            .addValue("type", free.test(key) ? PricingType.FREE_CUSTOMER_SERVICE.name()
                                    : rs.getString("pricing_type"))
                            .addValue("regime", rs.getString("regime"))
                            .addValue("deliveredAt", key.deliveredAt().toEpochMilli())
                            .addValue("insideServiceWindow", rs.getInt("inside_service_window"))
                            .addValue("opensEntryPoint", rs.getInt("opens_entry_point"))
                            .addValue("awaitsServiceTier", rs.getInt("awaits_service_tier"))
                            .addValue("metaPricingCategory", rs.getString("meta_pricing_category"),
                                    java.sql.Types.VARCHAR)
                            .addValue("metaPricingType", rs.getString("meta_pricing_type"), java.sql.Types.VARCHAR)
                            .addValue("runId", rs.getLong("run_id"))
                            .addValue("customerUserId", rs.getString("customer_user_id"), java.sql.Types.VARCHAR));
                    if (rows.size() == BATCH) {
                        write.accept(List.copyOf(rows));
                        rows.clear();
                    }
                });
        if (!rows.isEmpty()) {
            write.accept(List.copyOf(rows));
        }
        jdbc.sql(SQL.get("delete-unsettled-buckets")).params(params(period)).param("fromBucket", fromBucket)
                .param("toBucket", toBucket).update();
    }
}
