package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyFamilyTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "OTP, OTP", "AUTHENTICATION, OTP", "authentication, OTP",
        "TRANSACTIONAL, TRANSACTIONAL", "UTILITY, TRANSACTIONAL", "ACCOUNT_UPDATE, TRANSACTIONAL",
        "ALERT_UPDATE, TRANSACTIONAL", "APPOINTMENT_UPDATE, TRANSACTIONAL", "AUTO_REPLY, TRANSACTIONAL",
        "ISSUE_RESOLUTION, TRANSACTIONAL", "PAYMENT_UPDATE, TRANSACTIONAL", "PERSONAL_FINANCE_UPDATE, TRANSACTIONAL",
        "RESERVATION_UPDATE, TRANSACTIONAL", "SHIPPING_UPDATE, TRANSACTIONAL", "TICKET_UPDATE, TRANSACTIONAL",
        "TRANSPORTATION_UPDATE, TRANSACTIONAL", "shipping update, TRANSACTIONAL", "' Shipping-Update ', TRANSACTIONAL",
        "MARKETING, MARKETING", "marketing, MARKETING",
        "MARKETNG, OTHER", "'', OTHER", "NULL, OTHER", "Promotions, OTHER"})
    void mapsLegacyValuesToFamilies(String legacy, LegacyFamily expected) {
        assertThat(LegacyFamily.of(legacy)).isEqualTo(expected);
    }
}
