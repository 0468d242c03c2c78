package com.wabilling.templates;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.wabilling.support.jdbc.SqlStatements;
import com.wabilling.support.rejects.Checked.Accepted;

/** Data access for the template catalogue and its category history. */
public class TemplateDao {

    private static final SqlStatements SQL = SqlStatements.load("db/templates.sql");

    private final JdbcClient jdbc;
    /** JdbcClient has no batch API: {@link #save} batches through the template it is built on. */
    private final NamedParameterJdbcOperations batch;

    public TemplateDao(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    /** Where a stored template came from, to tell repeats within a run from updates by a new run. */
    public record StoredTemplate(String templateId, String contentHash, long runId, String source, long record) {
    }

    /** A template's migration entry as reported in template-migration.csv. */
    public record MigrationRow(String templateId, String wabaId, String name, String language,
            String previousCategory, String category, String rule, boolean needsReview, String signal) {
    }

    public Optional<StoredTemplate> findById(String templateId) {
        return jdbc.sql(SQL.get("find-by-id")).param("templateId", templateId)
                .query((rs, n) -> new StoredTemplate(rs.getString("template_id"), rs.getString("content_hash"),
                        rs.getLong("run_id"), rs.getString("source"), rs.getLong("record_no")))
                .list().stream().findFirst();
    }

    public Optional<String> findIdByKey(String wabaId, String name, String language) {
        return jdbc.sql(SQL.get("find-id-by-key")).param("wabaId", wabaId).param("name", name)
                .param("language", language).query(String.class).list().stream().findFirst();
    }

    /** Stores the templates and replaces their history entry at the effective date (idempotent). */
    public void save(List<Accepted<MigratedTemplate>> items, long effectiveFromMs, long runId, long recordedAtMs) {
        // one parameter source per template serves all four statements (each takes the names it uses)
        SqlParameterSource[] rows = items.stream().map(a -> {
            MigratedTemplate m = a.value();
            CatalogueTemplate t = m.template();
            Classification c = m.classification();
            return new MapSqlParameterSource()
                    .addValue("templateId", t.templateId())
                    .addValue("effectiveFrom", effectiveFromMs)
                    .addValue("wabaId", t.wabaId())
                    .addValue("name", t.name())
                    .addValue("language", t.language())
                    .addValue("legacyCategory", t.legacyCategory(), Types.VARCHAR)
                    .addValue("previousCategory", t.legacyCategory(), Types.VARCHAR)
                    .addValue("status", t.status(), Types.VARCHAR)
                    .addValue("header", t.header(), Types.VARCHAR)
                    .addValue("body", t.body(), Types.VARCHAR)
                    .addValue("footer", t.footer(), Types.VARCHAR)
                    .addValue("buttons", t.buttons(), Types.VARCHAR)
                    .addValue("contentHash", t.contentHash(), Types.VARCHAR)
                    .addValue("runId", runId)
                    .addValue("source", a.source(), Types.VARCHAR)
                    .addValue("record", a.record())
                    .addValue("category", c.category().name())
                    .addValue("rule", c.rule(), Types.VARCHAR)
                    .addValue("signal", c.signal(), Types.VARCHAR)
                    .addValue("needsReview", c.needsReview(), Types.BOOLEAN)
                    .addValue("recordedAt", recordedAtMs);
        }).toArray(SqlParameterSource[]::new);
        batch.batchUpdate(SQL.get("delete-template"), rows);
        batch.batchUpdate(SQL.get("delete-category"), rows);
        batch.batchUpdate(SQL.get("insert-template"), rows);
        batch.batchUpdate(SQL.get("insert-category"), rows);
    }

    public void forEachMigrationRow(long runId, long effectiveFromMs, Consumer<MigrationRow> action) {
        jdbc.sql(SQL.get("migration-rows")).param("runId", runId).param("effectiveFrom", effectiveFromMs).query(rs -> {
            action.accept(new MigrationRow(rs.getString("template_id"), rs.getString("waba_id"),
                    rs.getString("template_name"), rs.getString("language_code"), rs.getString("previous_category"),
                    rs.getString("category"), rs.getString("rule_name"), rs.getBoolean("needs_review"),
                    rs.getString("matched_signal")));
        });
    }

    public CategoryHistory categoryHistory() {
        CategoryHistory history = new CategoryHistory();
        jdbc.sql(SQL.get("category-history")).query(rs -> {
            history.add(rs.getString("waba_id"), rs.getString("template_name"), rs.getString("language_code"),
                    Instant.ofEpochMilli(rs.getLong("effective_from_ms")),
                    TemplateCategory.valueOf(rs.getString("category")));
        });
        return history;
    }

    /** (previous category, new category, templates) of one migration run. */
    public record CategoryMove(String previous, String category, long templates) {
    }

    public List<CategoryMove> categoryMoves(long runId, long effectiveFromMs) {
        return jdbc.sql(SQL.get("category-moves")).param("runId", runId).param("effectiveFrom", effectiveFromMs)
                .query(CategoryMove.class).list();
    }
}
