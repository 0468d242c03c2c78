package com.wabilling.templates;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wabilling.support.jdbc.SqlStatements;
import com.wabilling.support.rejects.Checked.Accepted;

/** Data access for the template catalogue and its category history. */
public class TemplateDao {

    private static final SqlStatements SQL = SqlStatements.load("db/templates.sql");

    private final JdbcTemplate jdbc;

    public TemplateDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a stored template came from, to tell repeats within a run from updates by a new run. */
    public record StoredTemplate(String templateId, String contentHash, long runId, String source, long record) {
    }

    /** A template's migration entry as reported in template-migration.csv. */
    public record MigrationRow(String templateId, String wabaId, String name, String language,
            String previousCategory, String category, String rule, boolean needsReview, String signal) {
    }

    public Optional<StoredTemplate> findById(String templateId) {
        return jdbc.query(SQL.get("find-by-id"), (rs, n) -> new StoredTemplate(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getLong(5)), templateId).stream().findFirst();
    }

    public Optional<String> findIdByKey(String wabaId, String name, String language) {
        return jdbc.queryForList(SQL.get("find-id-by-key"), String.class, wabaId, name, language).stream().findFirst();
    }

    /** Stores the templates and replaces their history entry at the effective date (idempotent). */
    public void save(List<Accepted<MigratedTemplate>> items, long effectiveFromMs, long runId, long recordedAtMs) {
        jdbc.batchUpdate(SQL.get("delete-template"), items, items.size(),
                (ps, a) -> ps.setString(1, a.value().template().templateId()));
        jdbc.batchUpdate(SQL.get("delete-category"), items, items.size(), (ps, a) -> {
            ps.setString(1, a.value().template().templateId());
            ps.setLong(2, effectiveFromMs);
        });
        jdbc.batchUpdate(SQL.get("insert-template"), items, items.size(), (ps, a) -> {
            CatalogueTemplate t = a.value().template();
            ps.setString(1, t.templateId());
            ps.setString(2, t.wabaId());
            ps.setString(3, t.name());
            ps.setString(4, t.language());
            ps.setString(5, t.legacyCategory());
            ps.setString(6, t.status());
            ps.setString(7, t.header());
            ps.setString(8, t.body());
            ps.setString(9, t.footer());
            ps.setString(10, t.buttons());
            ps.setString(11, t.contentHash());
            ps.setLong(12, runId);
            ps.setString(13, a.source());
            ps.setLong(14, a.record());
        });
        jdbc.batchUpdate(SQL.get("insert-category"), items, items.size(), (ps, a) -> {
            MigratedTemplate m = a.value();
            Classification c = m.classification();
            ps.setString(1, m.template().templateId());
            ps.setLong(2, effectiveFromMs);
            ps.setString(3, c.category().name());
            ps.setString(4, m.template().legacyCategory());
            ps.setString(5, c.rule());
            ps.setString(6, c.signal());
            ps.setBoolean(7, c.needsReview());
            ps.setLong(8, runId);
            ps.setLong(9, recordedAtMs);
        });
    }

    public void forEachMigrationRow(long runId, long effectiveFromMs, Consumer<MigrationRow> action) {
        jdbc.query(SQL.get("migration-rows"), rs -> {
            action.accept(new MigrationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)));
        }, runId, effectiveFromMs);
    }

    public CategoryHistory categoryHistory() {
        CategoryHistory history = new CategoryHistory();
        jdbc.query(SQL.get("category-history"), rs -> {
            history.add(rs.getString(1), rs.getString(2), rs.getString(3), java.time.Instant.ofEpochMilli(rs.getLong(4)),
                    TemplateCategory.valueOf(rs.getString(5)));
        });
        return history;
    }

    /** (previous category, new category, templates) of one migration run. */
    public record CategoryMove(String previous, String category, long templates) {
    }

    public List<CategoryMove> categoryMoves(long runId, long effectiveFromMs) {
        return jdbc.query(SQL.get("category-moves"),
                (rs, n) -> new CategoryMove(rs.getString(1), rs.getString(2), rs.getLong(3)), runId, effectiveFromMs);
    }
}
