package com.wabilling.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.messages.CustomerLinkDao;
import com.wabilling.messages.MessageCounts;
import com.wabilling.messages.MessageTally;
import com.wabilling.messages.ReconstructedPeriods;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Which periods were reconstructed and what each was built on (docs/billing-rules.md 3.4): the number of
 * messages in its read window and the conversations carried into it. When either has changed since
 * (late messages, an earlier period re-run), that period must be re-run. The one owner of reconstructed_period and
 * period_rebuild (periods.sql); the messages and conversations it depends on are asked of their owners.
 */
public class PeriodRegistry implements ReconstructedPeriods {

    private static final SqlStatements SQL = SqlStatements.load("db/periods.sql");

    /** No message in the 96 h before a start (72 h free entry point + 24 h referral window): nothing is open. */
    private static final int SILENCE_DAYS = 4;

    private final JdbcClient jdbc;
    private final PricedMessageDao priced;
    private final CustomerLinkDao links;
    private final MessageCounts counts;

    /**
     * @param priced the owner of the pricing records, which per-message periods also start from
     * @param links the links between customers' phone numbers and user ids, which decide the scopes
     */
    public PeriodRegistry(JdbcClient jdbc, PricedMessageDao priced, CustomerLinkDao links) {
        this.jdbc = jdbc;
        this.priced = priced;
        this.links = links;
        this.counts = new MessageCounts(jdbc);
    }

    /** What a period's result depends on. */
    public record Fingerprint(long windowMessages, String carriedHash) {
    }

    /** A recorded period, as dates. */
    public record Recorded(LocalDate from, LocalDate to, Fingerprint fingerprint) {
    }

    public Fingerprint fingerprint(ScopeMode mode, Instant from, Instant to) {
        Period period = new Period(date(from), date(to), mode);
        long messages = windowMessages(period);
        MessageDigest sha = DigestUtils.getSha256Digest();
        ConversationDao.forEachCarriedId(jdbc, period, id -> sha.update(id.getBytes(StandardCharsets.US_ASCII)));
        // per-message periods also start from the free entry point windows and the service free tier counts
        // of earlier periods (docs/per-message-pricing.md 2): a re-run of one of those makes this one stale. Nothing is
        // added for the conversation era, so fingerprints recorded before stay valid.
        priced.forEachFingerprintEntryPoint(period, e -> {
            sha.update((e.wabaId() + '|' + e.phoneNumberId() + '|' + e.customerWaId() + '|'
                    + e.openedAt().toEpochMilli() + ';').getBytes(StandardCharsets.UTF_8));
        });
        priced.forEachFingerprintTierCount(period, period.from().minus(TIER_LOOKBACK), t -> {
            sha.update(("tier|" + t.wabaId() + '|' + t.phoneNumberId() + '|' + t.messages() + ';')
                    .getBytes(StandardCharsets.UTF_8));
        });
        // docs/billing-rules.md 3.6: a link between a phone number and a user id whose messages lie in the
        // period's window (or the 72 h it carries in) merges two scopes: a period built before it is stale.
        // Nothing is added without such a link, so fingerprints recorded before stay valid.
        for (CustomerLinkDao.Link link : links.spanning(period.carriedFrom().minus(Period.WINDOW), period.readTo())) {
            sha.update(("link|" + link.customerUserId() + '|' + link.customerWaId() + ';')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Fingerprint(messages, Hex.encodeHexString(sha.digest()));
    }

    /** An account-local month that started before a period started at most 31 days + 14 h before it. */
    static final java.time.Duration TIER_LOOKBACK = java.time.Duration.ofDays(32);

    /** Unfinished rebuilds of other periods overlapping [from, to) (the free tier reads a month back). */
    public List<Rebuild> unfinishedRebuildsBetween(Period period, Instant from) {
        return jdbc.sql(SQL.get("overlapping-rebuilds")).params(ConversationDao.params(period))
                .param("carriedFrom", from.toEpochMilli())
                .query((rs, n) -> new Rebuild(date(rs.getLong("from_ms")), date(rs.getLong("to_ms")),
                        rs.getString("command")))
                .list();
    }

    /** Every rebuild of the mode that started and has not finished, oldest first. */
    public List<Rebuild> unfinishedRebuilds(ScopeMode mode) {
        return jdbc.sql(SQL.get("unfinished-rebuilds")).param("mode", mode.parameter())
                .query((rs, n) -> new Rebuild(date(rs.getLong("from_ms")), date(rs.getLong("to_ms")),
                        rs.getString("command")))
                .list();
    }

    /** Messages the period's run reads (its window), for progress. */
    public long windowMessages(Period period) {
        return messagesBetween(period.readFrom(), period.readTo());
    }

    /** Messages whose event (received, delivered) lies in [from, to), both at the start of a UTC day. */
    public long messagesBetween(Instant from, Instant to) {
        if (from.toEpochMilli() % MessageTally.DAY_MS != 0 || to.toEpochMilli() % MessageTally.DAY_MS != 0) {
            throw new IllegalArgumentException("counts are kept per UTC day: " + from + " to " + to);
        }
        return counts.eventsBetween(from, to);
    }

    /** A rebuild that started and has not finished, with the command that finishes it. */
    public record Rebuild(LocalDate from, LocalDate to, String command) {
    }

    /**
     * Marks the period as being rebuilt, in the transaction that clears its conversations: until
     * {@link #record} it is no coverage for invoicing, whether the run is still going, failed or
     * was killed (a billing job never completes on partial data).
     */
    public void startRebuild(Period period, String command, Instant now) {
        Map<String, Object> params = ConversationDao.params(period);
        // what the rebuild is built on, kept for the moment it completes (a resume may come after an import)
        Fingerprint start = fingerprint(period.mode(), period.from(), period.to());
        jdbc.sql(SQL.get("delete-rebuild")).params(params).update();
        jdbc.sql(SQL.get("insert-rebuild")).params(params).param("command", command)
                .param("startedAt", now.toEpochMilli()).param("windowMessages", start.windowMessages())
                .param("carriedHash", start.carriedHash()).update();
    }

    /**
     * Unfinished rebuilds of other periods that this period would read from: their conversations
     * overlap the ones it carries in (the 72 h before it) or its own range.
     */
    public List<Rebuild> unfinishedRebuildsAffecting(Period period) {
        return jdbc.sql(SQL.get("overlapping-rebuilds")).params(ConversationDao.params(period))
                .param("carriedFrom", period.carriedFrom().toEpochMilli())
                .query((rs, n) -> new Rebuild(date(rs.getLong("from_ms")), date(rs.getLong("to_ms")),
                        rs.getString("command")))
                .list();
    }

    /**
     * The start to use instead of {@code period}'s when the state at its start is unknown,
     * or empty when it is known. Conversations open at a period's start opened at most 72 h before
     * it, and a free entry point needs the referral before that: the state is known when recorded
     * periods cover the 72 h before the start or one ends exactly there (each was itself started on
     * known state), or when no message falls in the 96 h before it (nothing can be open). Otherwise
     * the exact start is the end of the latest recorded period before it, or, when later and 96 h of
     * silence lie before it, the day of the first message since then (or ever).
     */
    public Optional<LocalDate> exactStartInstead(Period period) {
        List<Recorded> recorded = recorded(period.mode());
        boolean endsHere = recorded.stream().anyMatch(r -> r.to().equals(period.fromDate()));
        if (endsHere || covers(recorded, period.carriedFrom(), period.from())) {
            return Optional.empty();
        }
        long before = messagesBetween(period.carriedFrom().minus(ScopeReconstruction.WINDOW), period.from());
        if (before == 0) {
            return Optional.empty();
        }
        LocalDate known = null; // the end of the latest recorded period before the start
        for (Recorded r : recorded) {
            if (!r.to().isAfter(period.fromDate()) && (known == null || r.to().isAfter(known))) {
                known = r.to();
            }
        }
        LocalDate firstDay = counts.firstEventDayFrom(known == null ? Long.MIN_VALUE : start(known).toEpochMilli())
                .map(PeriodRegistry::date).orElse(period.fromDate());
        // the day of the first message after it is known too when 96 h of silence lie before it
        boolean silentBefore = known == null || !firstDay.minusDays(SILENCE_DAYS).isBefore(known);
        return Optional.of(silentBefore && firstDay.isBefore(period.fromDate()) ? firstDay : known);
    }

    /** Whether recorded periods of the mode cover [from, to) without a gap. */
    public boolean covered(ScopeMode mode, Instant from, Instant to) {
        return covers(recorded(mode), from, to);
    }

    private static boolean covers(List<Recorded> recorded, Instant from, Instant to) {
        Instant cursor = from;
        for (Recorded r : recorded) { // ordered by from
            if (start(r.from()).isAfter(cursor)) {
                break;
            }
            if (start(r.to()).isAfter(cursor)) {
                cursor = start(r.to());
            }
        }
        return !cursor.isBefore(to);
    }

    /** Records the period; periods and unfinished rebuilds it contains are superseded by it. */
    public void record(Period period, long runId, Instant now) {
        Map<String, Object> params = ConversationDao.params(period);
        // the fingerprint its rebuild started from: inputs that changed while a failed or killed rebuild waited
        // to be resumed (partitions that had completed never see them) leave the period stale, never fresh
        Fingerprint f = jdbc.sql(SQL.get("rebuild-start-fingerprint")).params(params)
                .query((rs, n) -> new Fingerprint(rs.getLong(1), rs.getString(2))).optional()
                .orElseGet(() -> fingerprint(period.mode(), period.from(), period.to()));
        jdbc.sql(SQL.get("delete-contained-rebuilds")).params(params).update();
        jdbc.sql(SQL.get("delete-contained-periods")).params(params).update();
        jdbc.sql(SQL.get("insert-period")).params(params)
                .param("windowMessages", f.windowMessages()).param("carriedHash", f.carriedHash())
                .param("runId", runId).param("completedAt", now.toEpochMilli()).update();
    }

    public List<Recorded> recorded(ScopeMode mode) {
        return jdbc.sql(SQL.get("select-periods")).param("mode", mode.parameter())
                .query((rs, n) -> new Recorded(date(rs.getLong("from_ms")), date(rs.getLong("to_ms")),
                        new Fingerprint(rs.getLong("window_messages"), rs.getString("carried_hash"))))
                .list();
    }

    @Override
    public List<ReconstructedPeriods.Span> allRecorded() {
        return jdbc.sql(SQL.get("all-periods")).query((rs, n) -> new ReconstructedPeriods.Span(rs.getString("scope_mode"),
                date(rs.getLong("from_ms")), date(rs.getLong("to_ms")))).list();
    }

    /** Recorded periods other than {@code except} whose inputs changed since they were built. */
    public List<Recorded> stale(ScopeMode mode, Period except) {
        List<Recorded> stale = new ArrayList<>();
        for (Recorded r : recorded(mode)) {
            if (r.from().equals(except.fromDate()) && r.to().equals(except.toDate())) {
                continue;
            }
            if (isStale(mode, r)) {
                stale.add(r);
            }
        }
        return stale;
    }

    /** Whether a recorded period's inputs changed since it was built (invoicing and import check this). */
    public boolean isStale(ScopeMode mode, Recorded r) {
        return !fingerprint(mode, start(r.from()), start(r.to())).equals(r.fingerprint());
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate date(long epochMillis) {
        return date(Instant.ofEpochMilli(epochMillis));
    }
}
