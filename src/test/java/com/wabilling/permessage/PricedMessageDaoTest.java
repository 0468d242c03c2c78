package com.wabilling.permessage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.testing.DomainTables;

/** What reconcile-meta learns of a record's customer (docs/formats.md, "Meta's pricing analytics"). */
class PricedMessageDaoTest {

    @Test
    void aCustomerKnownByAUserIdOnlyIsNamedByTheIdAndAKnownPhoneNumberWins() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:priced-customers", "SA", "");
        DomainTables.create(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        insert(jdbc, "by-id", "", "BR.8c1f0a");
        insert(jdbc, "by-both", "5511987654321", "BR.77aa");
        insert(jdbc, "by-phone", "4915112345678", null);
        BillingAccount account = new BillingAccount("100", "Test", ZoneOffset.UTC, Currency.getInstance("USD"),
                BigDecimal.ZERO);

        var customers = new PricedMessageDao(new NamedParameterJdbcTemplate(jdbc)).customersOf(account,
                YearMonth.of(2026, 10));

        assertThat(customers).containsEntry("by-id", "BR.8c1f0a").containsEntry("by-both", "5511987654321")
                .containsEntry("by-phone", "4915112345678").hasSize(3);
    }

    private static void insert(JdbcTemplate jdbc, String id, String phone, String userId) {
        jdbc.update("INSERT INTO priced_message (scope_mode, message_id, waba_id, phone_number_id, customer_wa_id,"
                + " customer_user_id, bucket, market, category, pricing_type, regime, delivered_at_ms,"
                + " inside_service_window, opens_entry_point, awaits_service_tier, run_id) VALUES ('phone-number', ?,"
                + " '100', '200', ?, ?, 0, 'Brazil', 'UTILITY', 'REGULAR', 'PMP-2026-10', ?, 0, 0, 0, 1)", id, phone,
                userId, Instant.parse("2026-10-10T10:00:00Z").toEpochMilli());
    }
}
