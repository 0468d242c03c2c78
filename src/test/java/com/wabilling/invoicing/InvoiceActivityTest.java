package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.conversations.ConversationDao;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.support.testing.DomainTables;

/**
 * The WABAs with activity in a range, as invoicing finds those without an account: conversations and pricing
 * records are each counted by their owner and added up per WABA here (docs/architecture.md, "Who owns which table").
 */
class InvoiceActivityTest {

    private static final Instant FROM = Instant.parse("2025-06-30T10:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-31T14:00:00Z");

    @Test
    void conversationsAndPricingRecordsOfAWabaAddUpAndOtherScopesAndTimesStayOut() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:activity", "SA", "");
        DomainTables.create(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // 111: two conversations (3 + 1 messages) before the switch, then two pricing records: 2 conversations, 6 messages
        conversation(jdbc, "c1", "phone-number", "111", "2025-06-30T21:15:00.123Z", 3);
        conversation(jdbc, "c2", "phone-number", "111", "2025-06-30T23:59:59.999Z", 1);
        priced(jdbc, "wamid.Στέλλα-1", "phone-number", "111", "2025-07-01T00:00:01Z");
        priced(jdbc, "wamid.Στέλλα-2", "phone-number", "111", "2025-07-31T13:59:59Z");
        // 222: pricing records only, one of them after the range and one in the WABA scope
        priced(jdbc, "wamid.زينب-1", "phone-number", "222", "2025-07-15T08:30:00Z");
        priced(jdbc, "wamid.زينب-2", "phone-number", "222", "2025-07-31T14:00:00Z");
        priced(jdbc, "wamid.زينب-3", "waba", "222", "2025-07-15T08:30:00Z");
        // 333: a conversation before the range only
        conversation(jdbc, "c3", "phone-number", "333", "2025-06-30T09:59:59.999Z", 5);

        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        InvoiceDao invoices = new InvoiceDao(named, new ConversationDao(named), new PricedMessageDao(named));

        assertThat(invoices.activityByWaba(FROM, TO)).containsExactly(
                new UnknownAccounts.Activity("111", 2, 6), new UnknownAccounts.Activity("222", 0, 1));
    }

    private static void conversation(JdbcTemplate jdbc, String id, String mode, String waba, String openedAt,
            int messages) {
        long opened = Instant.parse(openedAt).toEpochMilli();
        jdbc.update("INSERT INTO conversation (conversation_id, scope_mode, waba_id, phone_number_id, customer_wa_id,"
                + " bucket, market, category, opened_at_ms, expires_at_ms, opening_message_id, messages, run_id)"
                + " VALUES (?, ?, ?, 'pn', '306912345678', 1, 'Greece', 'UTILITY', ?, ?, 'm', ?, 1)", id, mode, waba,
                opened, opened + 86_400_000L, messages);
    }

    private static void priced(JdbcTemplate jdbc, String id, String mode, String waba, String deliveredAt) {
        jdbc.update("INSERT INTO priced_message (scope_mode, message_id, waba_id, phone_number_id, customer_wa_id, bucket,"
                + " market, category, pricing_type, regime, delivered_at_ms, inside_service_window, opens_entry_point,"
                + " awaits_service_tier, run_id) VALUES (?, ?, ?, 'pn', '971501234567', 2, 'United Arab Emirates',"
                + " 'UTILITY', 'REGULAR', 'PMP-2025', ?, 0, 0, 0, 1)", mode, id, waba,
                Instant.parse(deliveredAt).toEpochMilli());
    }
}
