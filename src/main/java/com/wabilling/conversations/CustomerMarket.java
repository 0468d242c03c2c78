package com.wabilling.conversations;

import java.util.ArrayList;
import java.util.List;

import com.wabilling.messages.CustomerLinks;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.UserIds;
import com.wabilling.periods.Period;
import com.wabilling.pricing.MarketTable;

/**
 * The customer behind a scope's customer key and the market it is billed in (docs/billing-rules.md 3.6): the
 * market of the phone number when one is known for the customer (from any linked row), else the market of
 * the user id's country code through markets.csv's iso_country ({@code Other} when unknown), an inference the
 * anomaly {@value #MARKET_FROM_USER_ID} records once per scope and period.
 */
record CustomerMarket(String customerWaId, String customerUserId, String market, boolean inferred) {

    static final String MARKET_FROM_USER_ID = "market_from_user_id";
    static final String CONFLICTING_USER_LINK = "conflicting_user_link";

    static CustomerMarket of(String customerKey, CustomerLinks links, MarketTable markets) {
        String phone = links.phoneOf(customerKey);
        String userId = CustomerLinks.userIdOf(customerKey);
        if (phone != null) {
            return new CustomerMarket(phone, userId, markets.marketOf(phone), false);
        }
        return new CustomerMarket("", userId, markets.marketOfCountry(UserIds.country(userId)), true);
    }

    /**
     * The anomalies of the scope's messages of the period: a row whose two ids contradict the standing links,
     * and, when the market was inferred, the first message of the period.
     */
    List<Anomaly> anomalies(List<ExportedMessage> messages, CustomerLinks links, Period period) {
        List<Anomaly> anomalies = new ArrayList<>();
        boolean reported = !inferred;
        for (ExportedMessage m : messages) {
            if (m.eventAt().isBefore(period.from()) || !m.eventAt().isBefore(period.to())) {
                continue;
            }
            if (!reported) {
                anomalies.add(new Anomaly(m.messageId(), MARKET_FROM_USER_ID, "customer " + customerUserId
                        + " has no known phone number: market " + market + " from the user id's country code "
                        + UserIds.country(customerUserId)));
                reported = true;
            }
            String conflict = links.conflict(m.customerWaId(), m.customerUserId());
            if (conflict != null) {
                anomalies.add(new Anomaly(m.messageId(), CONFLICTING_USER_LINK, conflict));
            }
        }
        return anomalies;
    }
}
