package com.wabilling.invoicing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.support.TieOrder;
import com.wabilling.support.jdbc.SqlStatements;

/** Data access for invoicing a per-message month (docs/per-message-pricing.md 3-4): the pricing records it bills. */
public class PricedMonthDao {

    private static final SqlStatements SQL = SqlStatements.load("db/invoices.sql");

    private final JdbcClient jdbc;

    public PricedMonthDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
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

}
