package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.pricing.ConversationCategory;
import com.wabilling.conversations.Period;
import com.wabilling.conversations.PeriodLedger;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.jdbc.SqlStatements;

/** Data access for invoicing: the month's conversations, reconstructed periods, invoices and lines. */
public class InvoiceDao {

    private static final SqlStatements SQL = SqlStatements.load("db/invoices.sql");

    private final JdbcTemplate jdbc;

    public InvoiceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's conversations of the month, in free-tier order. */
    public void forEachConversation(BillingAccount account, YearMonth month, Consumer<BillableConversation> action) {
        jdbc.query(SQL.get("month-conversations"), rs -> {
            action.accept(new BillableConversation(rs.getString(1), ConversationCategory.valueOf(rs.getString(2)),
                    rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
        }, account.wabaId(), account.monthStart(month).toEpochMilli(), account.monthEnd(month).toEpochMilli());
    }

    /** A (market, category) the month needs a price for, at some quarter hour. */
    public record PricePoint(String market, ConversationCategory category, Instant at) {
    }

    public List<PricePoint> pricePoints(BillingAccount account, YearMonth month) {
        return jdbc.query(SQL.get("month-price-points"), (rs, n) -> new PricePoint(rs.getString(1),
                ConversationCategory.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3) * 900_000L)),
                account.wabaId(), account.monthStart(month).toEpochMilli(), account.monthEnd(month).toEpochMilli());
    }

    public List<PeriodCoverage.Range> reconstructedPeriods() {
        return jdbc.query(SQL.get("reconstructed-periods"), (rs, n) -> new PeriodCoverage.Range(
                Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2))));
    }

    /** Conversations (phone-number scope) and the messages they covered per WABA, opened in [from, to). */
    public List<UnknownAccounts.Activity> activityByWaba(Instant from, Instant to) {
        return jdbc.query(SQL.get("activity-by-waba"), (rs, n) -> new UnknownAccounts.Activity(rs.getString(1),
                rs.getLong(2), rs.getLong(3)), from.toEpochMilli(), to.toEpochMilli());
    }

    /** Messages whose event (received, delivered) lies in [from, to). */
    public long messagesBetween(Instant from, Instant to) {
        Long n = jdbc.queryForObject(SQL.get("messages-between"), Long.class, from.toEpochMilli(), to.toEpochMilli());
        return n == null ? 0 : n;
    }

    /** The messages before its end that a recorded period (this version of it) was billed on, if noted. */
    public Optional<Long> periodBasis(PeriodLedger.Recorded r, Period period) {
        return jdbc.queryForList(SQL.get("period-basis"), Long.class, period.from().toEpochMilli(),
                period.to().toEpochMilli(), r.fingerprint().windowMessages(), r.fingerprint().carriedHash())
                .stream().findFirst();
    }

    public void notePeriodBasis(PeriodLedger.Recorded r, Period period, long billedMessages) {
        jdbc.update(SQL.get("insert-period-basis"), period.from().toEpochMilli(), period.to().toEpochMilli(),
                r.fingerprint().windowMessages(), r.fingerprint().carriedHash(), billedMessages);
    }

    /** A reconstruct that cleared a period's conversations and has not finished rebuilding them. */
    public record UnfinishedRebuild(PeriodCoverage.Range range, String command) {
    }

    public List<UnfinishedRebuild> unfinishedRebuilds() {
        return jdbc.query(SQL.get("unfinished-rebuilds"), (rs, n) -> new UnfinishedRebuild(new PeriodCoverage.Range(
                Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2))), rs.getString(3)));
    }

    public List<StoredInvoice> invoices(String wabaId, YearMonth month) {
        List<StoredInvoice> result = new ArrayList<>();
        jdbc.query(SQL.get("invoices-of-account-month"), rs -> {
            result.add(new StoredInvoice(rs.getString(1), rs.getString(2), StoredInvoice.Kind.valueOf(rs.getString(3)),
                    StoredInvoice.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getBigDecimal(6),
                    rs.getBigDecimal(7), null));
        }, wabaId, month.toString());
        return result.stream().map(i -> new StoredInvoice(i.invoiceId(), i.invoiceNumber(), i.kind(), i.status(),
                i.referencesInvoiceId(), i.subtotal(), i.markup(), lines(i.invoiceId()))).toList();
    }

    public List<InvoiceLine> lines(String invoiceId) {
        return jdbc.query(SQL.get("lines-of-invoice"), (rs, n) -> new InvoiceLine(
                ConversationCategory.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)), invoiceId);
    }

    /** Drafts are replaced on every run; finalized invoices are out of reach of this statement. */
    public void deleteDrafts(String wabaId, YearMonth month) {
        jdbc.update(SQL.get("delete-draft-lines"), wabaId, month.toString());
        jdbc.update(SQL.get("delete-drafts"), wabaId, month.toString());
    }

    public void insertDraft(InvoicePlan.Draft draft, BillingAccount account, YearMonth month, long runId, Instant now) {
        ComputedInvoice c = draft.invoice();
        jdbc.update(SQL.get("insert-invoice"), draft.invoiceId(), draft.kind().name(), account.wabaId(),
                month.toString(), draft.referencesInvoiceId(), account.name(), account.currency().getCurrencyCode(),
                c.conversations(), c.billable(), c.subtotal(), c.markup(), c.total(), now.toEpochMilli(), runId,
                account.zone().getId(), account.markupPercent(), account.monthStart(month).toEpochMilli(),
                account.monthEnd(month).toEpochMilli());
        jdbc.batchUpdate(SQL.get("insert-line"), c.lines(), c.lines().size(), (ps, l) -> {
            ps.setString(1, draft.invoiceId());
            ps.setString(2, l.category().name());
            ps.setString(3, l.market());
            ps.setBigDecimal(4, l.unitPrice());
            ps.setLong(5, l.conversations());
            ps.setLong(6, l.free());
            ps.setLong(7, l.billable());
            ps.setBigDecimal(8, l.amount());
        });
    }

    /**
     * Finalizes every draft of the month in (waba_id, invoice_id) order with consecutive numbers, in
     * the caller's transaction: either all get numbers and the sequence advances, or nothing changes.
     */
    public List<String> finalizeDrafts(YearMonth month, Instant now) {
        List<String> drafts = jdbc.queryForList(SQL.get("drafts-of-month"), String.class, month.toString());
        if (drafts.isEmpty()) {
            return drafts;
        }
        List<Long> current = jdbc.queryForList(SQL.get("next-number"), Long.class);
        if (current.isEmpty()) {
            jdbc.update(SQL.get("init-sequence"));
        }
        long first = current.isEmpty() ? 1 : current.get(0);
        long number = first;
        for (String invoiceId : drafts) {
            jdbc.update(SQL.get("finalize"), InvoiceNumbers.format(number++), now.toEpochMilli(), invoiceId);
        }
        if (jdbc.update(SQL.get("advance-sequence"), number, first) != 1) {
            throw new IllegalStateException("the invoice sequence moved while finalizing: another run finalized at the same time");
        }
        return drafts;
    }

    /**
     * A row of summary.csv, with the account as it was invoiced (issue 9): its zone, markup and local
     * month bounds; null for invoices written before schema version 4 recorded them.
     */
    public record SummaryRow(String invoiceId, String invoiceNumber, String kind, String status, String wabaId,
            String accountName, String period, String currency, long conversations, long billable,
            BigDecimal subtotal, BigDecimal markup, BigDecimal total, String referencesInvoiceId, long runId,
            String timeZone, BigDecimal markupPercent, Instant periodStart, Instant periodEnd) {
    }

    public List<SummaryRow> summary(YearMonth month) {
        return jdbc.query(SQL.get("invoices-of-month"), (rs, n) -> new SummaryRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getLong(9), rs.getLong(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                rs.getString(14), rs.getLong(15), rs.getString(16), rs.getBigDecimal(17), instant(rs.getObject(18)),
                instant(rs.getObject(19))), month.toString());
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }
}
