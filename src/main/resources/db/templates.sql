-- Template catalogue and category history (docs/billing-rules.md 2).

-- name: find-by-id
SELECT template_id, content_hash, run_id, source, record_no FROM template WHERE template_id = :templateId;

-- name: find-id-by-key
SELECT template_id FROM template WHERE waba_id = :wabaId AND template_name = :name AND language_code = :language;

-- name: delete-template
DELETE FROM template WHERE template_id = :templateId;

-- name: insert-template
INSERT INTO template (template_id, waba_id, template_name, language_code, legacy_category, template_status,
  header_text, body_text, footer_text, buttons_text, content_hash, run_id, source, record_no)
VALUES (:templateId, :wabaId, :name, :language, :legacyCategory, :status, :header, :body, :footer, :buttons,
  :contentHash, :runId, :source, :record);

-- name: delete-category
DELETE FROM template_category WHERE template_id = :templateId AND effective_from_ms = :effectiveFrom;

-- name: insert-category
INSERT INTO template_category (template_id, effective_from_ms, category, previous_category, rule_name,
  matched_signal, needs_review, run_id, recorded_at_ms)
VALUES (:templateId, :effectiveFrom, :category, :previousCategory, :rule, :signal, :needsReview, :runId,
  :recordedAt);

-- name: migration-rows
SELECT t.template_id, t.waba_id, t.template_name, t.language_code, c.previous_category, c.category,
       c.rule_name, c.needs_review, c.matched_signal
  FROM template t JOIN template_category c ON c.template_id = t.template_id
 WHERE t.run_id = :runId AND c.effective_from_ms = :effectiveFrom
 ORDER BY t.template_id;

-- name: category-moves
SELECT c.previous_category AS previous, c.category, COUNT(*) AS templates
  FROM template t JOIN template_category c ON c.template_id = t.template_id
 WHERE t.run_id = :runId AND c.effective_from_ms = :effectiveFrom
 GROUP BY c.previous_category, c.category
 ORDER BY c.previous_category, c.category;

-- name: category-history
SELECT t.waba_id, t.template_name, t.language_code, c.effective_from_ms, c.category
  FROM template t JOIN template_category c ON c.template_id = t.template_id
 ORDER BY t.waba_id, t.template_name, t.language_code, c.effective_from_ms;
