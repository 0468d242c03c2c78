package com.wabilling.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One of Meta's pricing regimes (docs/per-message-pricing.md, table): in force from {@code from} (account-local
 * date) until the next regime's start. The two switches only matter for per-message regimes.
 *
 * @param utilityInServiceWindowCharged docs/per-message-pricing.md 2 rule 2: a UTILITY template inside the
 *        customer service window is {@code regular} (true) or {@code free_customer_service} (false)
 * @param serviceFreeTier docs/per-message-pricing.md 2 rule 3: how many service messages per business phone
 *        number and account-local month are free before the utility rate applies;
 *        {@link #ALL_SERVICE_FREE} when every service message is free
 */
public record Regime(String name, LocalDate from, BillableUnit unit, boolean utilityInServiceWindowCharged,
        int serviceFreeTier) {

    /** An unbounded free tier: every service message is free. */
    public static final int ALL_SERVICE_FREE = Integer.MAX_VALUE;

    public static final Regime CBP_2023 = new Regime("CBP-2023", LocalDate.of(2023, 6, 1),
            BillableUnit.CONVERSATION, false, ALL_SERVICE_FREE);
    public static final Regime PMP_2025 = new Regime("PMP-2025", LocalDate.of(2025, 7, 1),
            BillableUnit.DELIVERED_MESSAGE, false, ALL_SERVICE_FREE);
    public static final Regime PMP_2026_10 = new Regime("PMP-2026-10", LocalDate.of(2026, 10, 1),
            BillableUnit.DELIVERED_MESSAGE, true, 1_000);

    public Regime {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a regime needs a name");
        }
        if (serviceFreeTier < 0) {
            throw new IllegalArgumentException("regime " + name + ": the service free tier cannot be negative: "
                    + serviceFreeTier);
        }
    }

    public boolean perMessage() {
        return unit == BillableUnit.DELIVERED_MESSAGE;
    }

    public boolean everyServiceMessageFree() {
        return serviceFreeTier == ALL_SERVICE_FREE;
    }

    @Override
    public String toString() {
        return name;
    }
}
