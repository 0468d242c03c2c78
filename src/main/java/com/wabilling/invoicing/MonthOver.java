package com.wabilling.invoicing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A month is invoiced only once it has ended for every account (docs/billing-rules.md 4.1): an account's month
 * ends at 00:00 of the next month's first day in its own zone, and the last zone to get there is
 * UTC-12 (offsets lie between -12:00 and +14:00). Decided without accounts.csv, before the job starts:
 * a month that can still gain messages in some zone is never billed, drafts included.
 */
public final class MonthOver {

    /** The last zone to end a day. */
    static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

    private MonthOver() {
    }

    /** The instant the month has ended in every zone: the next month's first day, 12:00 UTC. */
    public static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(LAST_ZONE);
    }

    /** Why the month cannot be invoiced at {@code now}, or empty when it can. */
    public static Optional<String> refusal(YearMonth month, Instant now) {
        Instant end = end(month);
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of("month=" + month + " has not ended yet: its last account-local day ends at " + end
                + " (00:00 of " + month.plusMonths(1).atDay(1) + " in UTC-12, the last time zone to end a day; now is "
                + now + "); run it from " + end + " on");
    }
}
