package com.wabilling.pricing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PMP-2026-10 service free tier (docs/per-message-pricing.md 2 rule 3): the first N delivered service
 * messages of each business phone number in each account-local month are {@code free_customer_service},
 * later ones {@code regular}. Counts in call order, so the caller feeds messages in processing order
 * (delivery time, ties as in docs/billing-rules.md 3.1) across all the number's customers. Not thread-safe.
 */
public final class ServiceFreeTier {

    private record Key(String phoneNumberId, YearMonth month) {
    }

    private final int freeMessages;
    private final Map<Key, Integer> counted = new HashMap<>();

    public ServiceFreeTier(int freeMessages) {
        if (freeMessages < 0) {
            throw new IllegalArgumentException("the service free tier cannot be negative: " + freeMessages);
        }
        this.freeMessages = freeMessages;
    }

    /** The tier of a regime whose service messages are not all free. */
    public static ServiceFreeTier of(Regime regime) {
        if (!regime.perMessage() || regime.everyServiceMessageFree()) {
            throw new IllegalArgumentException(regime.name() + " has no service free tier to count");
        }
        return new ServiceFreeTier(regime.serviceFreeTier());
    }

    /**
     * Starts a (phone number, month) from a count already made, e.g. the service messages of the month
     * priced in earlier periods, so a run per period counts as one run over the month.
     */
    public void alreadyCounted(String phoneNumberId, YearMonth localMonth, int serviceMessages) {
        if (serviceMessages < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + serviceMessages);
        }
        counted.put(new Key(Objects.requireNonNull(phoneNumberId), localMonth), serviceMessages);
    }

    /** Counts one more service message of that number and month and says whether it is free. */
    public PricingType next(String phoneNumberId, YearMonth localMonth) {
        int n = counted.merge(new Key(Objects.requireNonNull(phoneNumberId), localMonth), 1, Integer::sum);
        return n <= freeMessages ? PricingType.FREE_CUSTOMER_SERVICE : PricingType.REGULAR;
    }

    /** The month is the account's: it starts at 00:00 local time (docs/billing-rules.md 4.1). */
    public PricingType next(String phoneNumberId, Instant deliveredAt, ZoneId accountZone) {
        return next(phoneNumberId, YearMonth.from(deliveredAt.atZone(accountZone)));
    }

    /** Settles a decision that awaits the tier; any other decision is returned as is and not counted. */
    public MessagePrice settle(MessagePrice price, String phoneNumberId, Instant deliveredAt, ZoneId accountZone) {
        if (!price.awaitsServiceFreeTier()) {
            return price;
        }
        return price.settled(next(phoneNumberId, deliveredAt, accountZone));
    }

    /** Service messages counted so far for that number and month. */
    public int counted(String phoneNumberId, YearMonth localMonth) {
        return counted.getOrDefault(new Key(phoneNumberId, localMonth), 0);
    }
}
