package com.wabilling.messages;

import java.util.HashMap;
import java.util.Map;

/**
 * The standing links between customers' phone numbers and business-scoped user ids, and the customer key
 * they give (docs/billing-rules.md 3.6): one customer, one scope, keyed by the user id when one is known
 * for the customer, else by the phone number. A link is one-to-one: the first link of a user id or of a
 * phone number stands, and a row that pairs either with another id conflicts with it.
 */
public final class CustomerLinks {

    public static final CustomerLinks NONE = new CustomerLinks(Map.of());

    private final Map<String, String> phoneByUser;
    private final Map<String, String> userByPhone;

    /** @param phoneByUser the standing links: user id to phone number, one-to-one */
    public CustomerLinks(Map<String, String> phoneByUser) {
        this.phoneByUser = Map.copyOf(phoneByUser);
        Map<String, String> reverse = new HashMap<>();
        phoneByUser.forEach((user, phone) -> {
            if (reverse.put(phone, user) != null) {
                throw new IllegalArgumentException("phone number " + phone + " is linked to two user ids");
            }
        });
        this.userByPhone = Map.copyOf(reverse);
    }

    public boolean isEmpty() {
        return phoneByUser.isEmpty();
    }

    /** The customer key of a row: its user id, else the user id linked to its phone number, else the number. */
    public String keyOf(String customerWaId, String customerUserId) {
        if (customerUserId != null) {
            return customerUserId;
        }
        return userByPhone.getOrDefault(customerWaId, customerWaId);
    }

    /** The phone number of a customer key: the key itself, the number linked to a user id, or null. */
    public String phoneOf(String customerKey) {
        return UserIds.isUserIdKey(customerKey) ? phoneByUser.get(customerKey) : customerKey;
    }

    /** The user id of a customer key: the key itself when it is one, else null (a linked number's key is its user id). */
    public static String userIdOf(String customerKey) {
        return UserIds.isUserIdKey(customerKey) ? customerKey : null;
    }

    /**
     * The standing link a row carrying both ids contradicts, described; null when the row agrees with the
     * links (or carries one id only). A row is recorded as a link only when neither of its ids is linked yet.
     */
    public String conflict(String customerWaId, String customerUserId) {
        if (customerWaId == null || customerUserId == null) {
            return null;
        }
        String phone = phoneByUser.get(customerUserId);
        String user = userByPhone.get(customerWaId);
        if (phone != null && !phone.equals(customerWaId)) {
            return "user id " + customerUserId + " is linked to phone number " + phone + ", this row pairs it with "
                    + customerWaId + "; the first link stands";
        }
        if (user != null && !user.equals(customerUserId)) {
            return "phone number " + customerWaId + " is linked to user id " + user + ", this row pairs it with "
                    + customerUserId + "; the first link stands";
        }
        return null;
    }

    /** The links with one more; the caller has checked that neither id is linked. */
    public CustomerLinks with(String customerUserId, String customerWaId) {
        Map<String, String> more = new HashMap<>(phoneByUser);
        more.put(customerUserId, customerWaId);
        return new CustomerLinks(more);
    }

    public boolean isLinked(String customerWaId, String customerUserId) {
        return customerWaId.equals(phoneByUser.get(customerUserId));
    }

    /** Whether a phone number or a user id takes part in a link. */
    public boolean involves(String customerWaId, String customerUserId) {
        return (customerUserId != null && phoneByUser.containsKey(customerUserId))
                || (customerWaId != null && userByPhone.containsKey(customerWaId));
    }
}
