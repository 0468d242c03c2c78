package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/billing-rules.md 3.6: one customer, one key, whichever ids a row carries. */
class CustomerLinksTest {

    private static final String PHONE = "5511987654321";
    private static final String USER = "BR.8c1f0a";

    @Test
    void withoutALinkAPhoneKeysByItselfAndAUserIdByItself() {
        assertThat(CustomerLinks.NONE.keyOf(PHONE, null)).isEqualTo(PHONE);
        assertThat(CustomerLinks.NONE.keyOf(null, USER)).isEqualTo(USER);
        assertThat(CustomerLinks.NONE.phoneOf(USER)).isNull();
        assertThat(CustomerLinks.NONE.phoneOf(PHONE)).isEqualTo(PHONE);
    }

    @Test
    void onceLinkedTheRowsByPhoneByUserIdAndByBothShareTheUserIdAsKey() {
        CustomerLinks links = new CustomerLinks(Map.of(USER, PHONE));

        assertThat(links.keyOf(PHONE, null)).isEqualTo(USER);
        assertThat(links.keyOf(null, USER)).isEqualTo(USER);
        assertThat(links.keyOf(PHONE, USER)).isEqualTo(USER);
        assertThat(links.phoneOf(USER)).isEqualTo(PHONE);
        assertThat(links.keyOf("5511000000000", null)).isEqualTo("5511000000000");
        assertThat(links.conflict(PHONE, USER)).isNull();
    }

    @Test
    void aRowPairingALinkedIdWithAnotherConflictsAndTheFirstLinkStands() {
        CustomerLinks links = new CustomerLinks(Map.of(USER, PHONE));

        assertThat(links.conflict("5511000000000", USER)).contains("user id BR.8c1f0a is linked to phone number "
                + PHONE).contains("the first link stands");
        assertThat(links.conflict(PHONE, "BR.other")).contains("phone number " + PHONE + " is linked to user id "
                + USER);
        assertThat(links.conflict(null, "BR.other")).isNull();
        assertThat(links.keyOf(PHONE, null)).isEqualTo(USER);
    }
}
