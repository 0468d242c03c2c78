package com.wabilling.prepaid;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.jdbc.SqlStatements;

/**
 * The one owner of {@code prepaid_statement} and {@code prepaid_usage} (docs/architecture.md, "Who owns which table"):
 * a prepaid account's statement of a month and the invoices it counted, inserted once when the month is finalized
 * and never changed (docs/billing-rules.md 4.7).
 */
public class StatementDao {

    private static final SqlStatements SQL = SqlStatements.load("db/prepaid.sql");

    private final JdbcClient jdbc;

    public StatementDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** A statement as stored, with the instant it was written. */
    public record Stored(Statement statement, Instant writtenAt) {
    }

    public Optional<Stored> find(String wabaId, YearMonth month) {
        return jdbc.sql(SQL.get("statement")).param("wabaId", wabaId).param("month", month.toString())
                .query(this::map).optional();
    }

    /** The account's latest statement of a month before {@code month}. */
    public Optional<Stored> previous(String wabaId, YearMonth month) {
        return jdbc.sql(SQL.get("previous-statement")).param("wabaId", wabaId).param("month", month.toString())
                .query(this::map).list().stream().findFirst();
    }

    /** The invoices (of any kind and month) earlier statements of the account counted. */
    public java.util.Set<String> counted(String wabaId) {
        return new java.util.HashSet<>(jdbc.sql(SQL.get("counted-invoices")).param("wabaId", wabaId)
                .query(String.class).list());
    }

    /** Stores the statement and the invoices it counted, in the caller's transaction. */
    public void insert(Statement s, List<String> countedInvoices, Instant writtenAt) {
        jdbc.sql(SQL.get("insert-statement")).param("wabaId", s.wabaId()).param("month", s.month().toString())
                .param("currency", s.currency()).param("opening", s.openingBalance()).param("topUps", s.topUps())
                .param("usage", s.usage()).param("closing", s.closingBalance()).param("status", s.status().name())
                .param("writtenAt", writtenAt.toEpochMilli()).update();
        for (String invoiceId : countedInvoices) {
            jdbc.sql(SQL.get("insert-usage")).param("invoiceId", invoiceId).param("wabaId", s.wabaId())
                    .param("month", s.month().toString()).update();
        }
    }

    public List<Statement> ofMonth(YearMonth month) {
        return jdbc.sql(SQL.get("statements-of-month")).param("month", month.toString()).query(this::map).list()
                .stream().map(Stored::statement).toList();
    }

    private Stored map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(new Statement(rs.getString("waba_id"), YearMonth.parse(rs.getString("statement_month")),
                rs.getString("currency"), rs.getBigDecimal("opening_balance"), rs.getBigDecimal("top_ups"),
                rs.getBigDecimal("usage_amount"), rs.getBigDecimal("closing_balance"),
                Statement.Status.valueOf(rs.getString("status"))), Instant.ofEpochMilli(rs.getLong("written_at_ms")));
    }
}
