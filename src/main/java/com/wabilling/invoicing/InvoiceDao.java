package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.conversations.ConversationDao;
import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.periods.Period;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Data access for invoicing: invoices, their lines, the invoice sequence and the period bases (invoices.sql).
 * The month's conversations are asked of their owner, {@link ConversationDao}, its pricing records of
 * {@link PricedMessageDao}, the reconstructed periods of PeriodRegistry (docs/architecture.md, "Who owns which table").
 */
public class InvoiceDao {

    private static final SqlStatements SQL = SqlStatements.load("db/invoices.sql");

    private final JdbcClient jdbc;
    /** JdbcClient has no batch API: the invoice lines are inserted in a batch through the template it is built on. */
    private final NamedParameterJdbcOperations batch;
    private final ConversationDao conversations;
    private final PricedMessageDao priced;

    public InvoiceDao(NamedParameterJdbcOperations jdbc, ConversationDao conversations, PricedMessageDao priced) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.conversations = conversations;
        this.priced = priced;
    }

    /** The account's conversations of the month, in free-tier order. */
    public void forEachConversation(BillingAccount account, YearMonth month, Consumer<BillableConversation> action) {
        conversations.forEachOpened(account.wabaId(), account.monthStart(month), account.monthEnd(month),
                c -> action.accept(new BillableConversation(c.conversationId(), c.category(), c.market(), c.openedAt())));
    }

    /** A (market, category) the month needs a price for, at some quarter hour. */
    public record PricePoint(String market, ConversationCategory category, Instant at) {

        /** A pricing record's category as its rate-card column (docs/per-message-pricing.md 4); null when always free. */
        PricePoint withMessageCategory(PricingCategory messageCategory) {
            return new PricePoint(market, messageCategory.rateColumn().orElse(null), at);
        }

        void ifPriced(java.util.function.Consumer<PricePoint> action) {
            if (category != null) {
                action.accept(this);
            }
        }
    }

    /** Conversation months and per-message months alike (a SERVICE message needs the utility rate). */
    public List<PricePoint> pricePoints(BillingAccount account, YearMonth month) {
        return pricePoints(account, month, com.wabilling.pricing.AuthInternational.NONE);
    }

    /**
     * As {@link #pricePoints(BillingAccount, YearMonth)}, an AUTHENTICATION record delivered at or after its
     * portfolio's authentication-international start needing that rate instead (docs/per-message-pricing.md 4).
     */
    public List<PricePoint> pricePoints(BillingAccount account, YearMonth month,
            com.wabilling.pricing.AuthInternational international) {
        List<PricePoint> points = new java.util.ArrayList<>();
        for (ConversationDao.PricePoint p : conversations.pricePoints(account.wabaId(), account.monthStart(month),
                account.monthEnd(month))) {
            points.add(new PricePoint(p.market(), p.category(), p.at()));
        }
        for (PricedMessageDao.PricePoint p : priced.pricePoints(account, month)) {
            PricePoint point = new PricePoint(p.market(), null, p.at());
            // the first and last delivery of the quarter hour tell which of the two rates its records need
            PricingCategory first = international.billedAs(account.portfolioId(), p.market(), p.first(), p.category());
            PricingCategory last = international.billedAs(account.portfolioId(), p.market(), p.last(), p.category());
            point.withMessageCategory(first).ifPriced(points::add);
            if (last != first) {
                point.withMessageCategory(last).ifPriced(points::add);
            }
        }
        return points;
    }

    /**
     * Every WABA with activity in [from, to), by id: its conversations (phone-number scope) and their messages,
     * plus its pricing records, each counted by its owner.
     */
    public List<UnknownAccounts.Activity> activityByWaba(Instant from, Instant to) {
        Map<String, UnknownAccounts.Activity> byWaba = new java.util.TreeMap<>();
        for (ConversationDao.WabaCount c : conversations.countsByWaba(from, to)) {
            byWaba.merge(c.wabaId(), new UnknownAccounts.Activity(c.wabaId(), c.conversations(), c.messages()),
                    UnknownAccounts.Activity::plus);
        }
        for (PricedMessageDao.WabaCount p : priced.countsByWaba(from, to)) {
            byWaba.merge(p.wabaId(), new UnknownAccounts.Activity(p.wabaId(), 0, p.messages()),
                    UnknownAccounts.Activity::plus);
        }
        return List.copyOf(byWaba.values());
    }

    /** The messages before its end that a recorded period (this version of it) was billed on, if noted. */
    public Optional<Long> periodBasis(PeriodRegistry.Recorded r, Period period) {
        return jdbc.sql(SQL.get("period-basis")).paramSource(basis(r, period)).query(Long.class).list()
                .stream().findFirst();
    }

    public void notePeriodBasis(PeriodRegistry.Recorded r, Period period, long billedMessages) {
        jdbc.sql(SQL.get("insert-period-basis")).paramSource(basis(r, period).addValue("billedMessages", billedMessages))
                .update();
    }

    private static MapSqlParameterSource basis(PeriodRegistry.Recorded r, Period period) {
        return new MapSqlParameterSource().addValue("from", period.from().toEpochMilli())
                .addValue("to", period.to().toEpochMilli())
                .addValue("windowMessages", r.fingerprint().windowMessages())
                .addValue("carriedHash", r.fingerprint().carriedHash());
    }

    public List<StoredInvoice> invoices(String wabaId, YearMonth month) {
        List<StoredInvoice> result = jdbc.sql(SQL.get("invoices-of-account-month")).param("wabaId", wabaId)
                .param("month", month.toString())
                .query((rs, n) -> new StoredInvoice(rs.getString("invoice_id"), rs.getString("invoice_number"),
                        StoredInvoice.Kind.valueOf(rs.getString("kind")), StoredInvoice.Status.valueOf(rs.getString("status")),
                        rs.getString("references_invoice_id"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("markup"),
                        null))
                .list();
        return result.stream().map(i -> new StoredInvoice(i.invoiceId(), i.invoiceNumber(), i.kind(), i.status(),
                i.referencesInvoiceId(), i.subtotal(), i.markup(), lines(i.invoiceId()))).toList();
    }

    /** The explanation staged and recorded with a per-message invoice, if any. */
    public Optional<ExplanationDigest> explanation(String invoiceId) {
        return jdbc.sql(SQL.get("explanation-of-invoice")).param("invoiceId", invoiceId)
                .query((rs, n) -> new ExplanationDigest(rs.getString("explanation_sha256"), rs.getLong("explanation_rows")))
                .optional();
    }

    /** Where an invoice named by its number or its id lies: its account and month (docs/billing-rules.md 4.5). */
    public record Located(String invoiceId, String invoiceNumber, StoredInvoice.Kind kind, StoredInvoice.Status status,
            String wabaId, YearMonth month) {
    }

    public Optional<Located> locate(String reference) {
        return jdbc.sql(SQL.get("invoice-by-reference")).param("reference", reference)
                .query((rs, n) -> new Located(rs.getString("invoice_id"), rs.getString("invoice_number"),
                        StoredInvoice.Kind.valueOf(rs.getString("kind")), StoredInvoice.Status.valueOf(rs.getString("status")),
                        rs.getString("waba_id"), YearMonth.parse(rs.getString("billing_month"))))
                .list().stream().findFirst();
    }

    public List<InvoiceLine> lines(String invoiceId) {
        return jdbc.sql(SQL.get("lines-of-invoice")).param("invoiceId", invoiceId)
                .query((rs, n) -> new InvoiceLine(rs.getString("category"), rs.getString("market"),
                        rs.getString("band"), rs.getBigDecimal("unit_price").stripTrailingZeros(),
                        rs.getLong("quantity"), rs.getLong("free_count"), rs.getLong("billable"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /** Drafts are replaced on every run; finalized invoices are out of reach of this statement. */
    public void deleteDrafts(String wabaId, YearMonth month) {
        Map<String, Object> params = Map.of("wabaId", wabaId, "month", month.toString());
        jdbc.sql(SQL.get("delete-draft-lines")).params(params).update();
        jdbc.sql(SQL.get("delete-drafts")).params(params).update();
    }

    /**
     * @param explanation the staged explanation of a per-message invoice (docs/billing-rules.md 4.4,
     *        "An explanation is priced once"), recorded in the same transaction; null for other drafts
     */
    public void insertDraft(InvoicePlan.Draft draft, BillingAccount account, YearMonth month, long runId, Instant now,
            ExplanationDigest explanation) {
        ComputedInvoice c = draft.invoice();
        jdbc.sql(SQL.get("insert-invoice"))
                .param("invoiceId", draft.invoiceId())
                .param("kind", draft.kind().name())
                .param("wabaId", account.wabaId())
                .param("month", month.toString())
                .param("referencesInvoiceId", draft.referencesInvoiceId())
                .param("accountName", account.name())
                .param("currency", account.currency().getCurrencyCode())
                .param("quantity", c.quantity())
                .param("billable", c.billable())
                .param("subtotal", c.subtotal())
                .param("markup", c.markup())
                .param("total", c.total())
                .param("createdAt", now.toEpochMilli())
                .param("runId", runId)
                .param("timeZone", account.zone().getId())
                .param("markupPercent", account.markupPercent())
                .param("periodStart", account.monthStart(month).toEpochMilli())
                .param("periodEnd", account.monthEnd(month).toEpochMilli())
                .param("explanationSha256", explanation == null ? null : explanation.sha256(), Types.VARCHAR)
                .param("explanationRows", explanation == null ? null : explanation.rows(), Types.BIGINT)
                .update();
        SqlParameterSource[] lines = c.lines().stream().map(l -> new MapSqlParameterSource()
                .addValue("invoiceId", draft.invoiceId())
                .addValue("category", l.category())
                .addValue("market", l.market(), Types.VARCHAR)
                .addValue("band", l.band())
                .addValue("unitPrice", l.unitPrice(), Types.DECIMAL)
                .addValue("quantity", l.quantity())
                .addValue("free", l.free())
                .addValue("billable", l.billable())
                .addValue("amount", l.amount(), Types.DECIMAL)).toArray(SqlParameterSource[]::new);
        batch.batchUpdate(SQL.get("insert-line"), lines);
    }

    /**
     * Finalizes every draft of the month in (waba_id, invoice_id) order with consecutive numbers, in
     * the caller's transaction: either all get numbers and the sequence advances, or nothing changes.
     */
    public List<String> finalizeDrafts(YearMonth month, Instant now, LocalDate issueDate) {
        List<String> drafts = jdbc.sql(SQL.get("drafts-of-month")).param("month", month.toString())
                .query(String.class).list();
        if (drafts.isEmpty()) {
            return drafts;
        }
        List<Long> current = jdbc.sql(SQL.get("next-number")).query(Long.class).list();
        if (current.isEmpty()) {
            jdbc.sql(SQL.get("init-sequence")).update();
        }
        long first = current.isEmpty() ? 1 : current.get(0);
        long number = first;
        for (String invoiceId : drafts) {
            jdbc.sql(SQL.get("finalize")).param("invoiceNumber", InvoiceNumbers.format(number++))
                    .param("finalizedAt", now.toEpochMilli()).param("issueDate", issueDate.toString())
                    .param("invoiceId", invoiceId).update();
        }
        if (jdbc.sql(SQL.get("advance-sequence")).param("next", number).param("current", first).update() != 1) {
            throw new IllegalStateException("the invoice sequence moved while finalizing: another run finalized at the same time");
        }
        return drafts;
    }

    /**
     * A row of summary.csv, with the account as it was invoiced: its zone, markup and local
     * month bounds; null for invoices written before schema version 4 recorded them. {@code vatEur}: the VAT
     * in euros its Peppol file stated, null before it is written, in EUR, or before schema version 10.
     */
    public record SummaryRow(String invoiceId, String invoiceNumber, String kind, String status, String wabaId,
            String accountName, String period, String currency, long quantity, long billable,
            BigDecimal subtotal, BigDecimal markup, BigDecimal total, String referencesInvoiceId, long runId,
            String timeZone, BigDecimal markupPercent, Instant periodStart, Instant periodEnd, LocalDate issueDate,
            StoredVat vat, BigDecimal vatEur) {

        public boolean finalized() {
            return "FINALIZED".equals(status);
        }

        /** Net of VAT: the Meta cost plus the BSP's fee (docs/invoice-documents.md 2). */
        public BigDecimal net() {
            return subtotal.add(markup);
        }
    }

    /** The VAT recorded for a finalized invoice. */
    public record StoredVat(String category, BigDecimal ratePercent, BigDecimal amount, BigDecimal gross) {
    }

    public void recordVat(String invoiceId, StoredVat vat) {
        jdbc.sql(SQL.get("record-vat")).param("invoiceId", invoiceId).param("category", vat.category())
                .param("rate", vat.ratePercent()).param("vat", vat.amount()).param("gross", vat.gross()).update();
    }

    /** docs/billing-rules.md 4.5: what a credit note takes back in euros, recorded when the Peppol file is written. */
    public void recordVatEur(String invoiceId, BigDecimal vatEur) {
        jdbc.sql(SQL.get("record-vat-eur")).param("invoiceId", invoiceId).param("vatEur", vatEur).update();
    }

    /** A finalized invoice as a prepaid balance settles it: its gross (VAT included) when known, else its total. */
    public record Settled(String invoiceId, YearMonth month, BigDecimal amount) {
    }

    /** docs/billing-rules.md 4.7: every finalized invoice, adjustment and credit note of the account, in id order. */
    public List<Settled> finalizedOf(String wabaId) {
        return jdbc.sql(SQL.get("finalized-of-waba")).param("wabaId", wabaId)
                .query((rs, n) -> new Settled(rs.getString("invoice_id"), YearMonth.parse(rs.getString("billing_month")),
                        rs.getBigDecimal("gross") != null ? rs.getBigDecimal("gross") : rs.getBigDecimal("total")))
                .list();
    }

    public List<SummaryRow> summary(YearMonth month) {
        return jdbc.sql(SQL.get("invoices-of-month")).param("month", month.toString())
                .query((rs, n) -> new SummaryRow(rs.getString("invoice_id"), rs.getString("invoice_number"),
                        rs.getString("kind"), rs.getString("status"), rs.getString("waba_id"),
                        rs.getString("account_name"), rs.getString("billing_month"), rs.getString("currency"),
                        rs.getLong("quantity"), rs.getLong("billable"), rs.getBigDecimal("subtotal"),
                        rs.getBigDecimal("markup"), rs.getBigDecimal("total"), rs.getString("references_invoice_id"),
                        rs.getLong("run_id"), rs.getString("time_zone"), rs.getBigDecimal("markup_percent"),
                        instant(rs.getObject("period_start_ms")), instant(rs.getObject("period_end_ms")),
                        issueDate(rs.getString("issue_date"), rs.getObject("finalized_at_ms")),
                        rs.getString("vat_category") == null ? null : new StoredVat(rs.getString("vat_category"),
                                rs.getBigDecimal("vat_rate"), rs.getBigDecimal("vat"), rs.getBigDecimal("gross")),
                        rs.getBigDecimal("vat_eur")))
                .list();
    }

    /** Invoices finalized before schema version 8 are dated on the day they were finalized (UTC). */
    private static LocalDate issueDate(String recorded, Object finalizedAtMillis) {
        if (recorded != null) {
            return LocalDate.parse(recorded);
        }
        return finalizedAtMillis == null ? null
                : LocalDate.ofInstant(Instant.ofEpochMilli(((Number) finalizedAtMillis).longValue()), ZoneOffset.UTC);
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }
}
