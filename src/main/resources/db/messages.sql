-- Imported messages (formats.md, messages CSV).

-- name: insert-message
-- positional on purpose: the import's hot path binds it with JdbcTemplate.batchUpdate and direct
-- setters, measurably faster than a named batch (see MessageDao.insert); keep the order in step with it
INSERT INTO message (message_id, waba_id, phone_number_id, customer_wa_id, bucket, direction, message_type,
  template_name, template_language, sent_at_ms, status, delivered_at_ms, event_at_ms, entry_point,
  meta_conversation_id, meta_category, run_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: select-by-ids-hsqldb
-- one array parameter (an SqlArrayValue, not expanded into a list): a short statement prepared once per
-- chunk, whatever the chunk size
SELECT message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type, template_name,
       template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id, meta_category
  FROM message WHERE message_id IN (UNNEST(:ids));

-- name: select-by-ids-postgresql
SELECT message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type, template_name,
       template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id, meta_category
  FROM message WHERE message_id = ANY (:ids);

-- name: run-stats
SELECT direction, CASE WHEN event_at_ms IS NULL THEN 0 ELSE 1 END AS has_event, COUNT(*) AS messages
  FROM message WHERE run_id = :runId
 GROUP BY direction, CASE WHEN event_at_ms IS NULL THEN 0 ELSE 1 END;

-- name: advance-status
-- issue 9.5: a more advanced status of a stored message (event_at_ms follows delivered_at_ms outbound)
UPDATE message SET status = :status, delivered_at_ms = :deliveredAt, event_at_ms = :eventAt,
  meta_conversation_id = :metaConversationId, meta_category = :metaCategory
 WHERE message_id = :messageId;

-- name: update-status-change
-- a second advance of the same message in one run keeps the values the run first replaced
UPDATE message_status_change SET status = :status, delivered_at_ms = :deliveredAt, source = :source,
  record_no = :record, advances = advances + :records
 WHERE run_id = :runId AND message_id = :messageId;

-- name: insert-status-change
INSERT INTO message_status_change (run_id, message_id, previous_status, previous_delivered_at_ms,
  previous_meta_conversation_id, previous_meta_category, status, delivered_at_ms, source, record_no, advances)
VALUES (:runId, :messageId, :previousStatus, :previousDeliveredAt, :previousMetaConversationId,
  :previousMetaCategory, :status, :deliveredAt, :source, :record, :records);

-- name: count-status-advances
SELECT COALESCE(SUM(advances), 0) FROM message_status_change WHERE run_id = :runId;

-- name: periods-affected-by-status-changes
-- reconstructed periods whose read window (from - 24 h to to + 72 h) holds a changed message's old or
-- new event time: their conversations were built without the change
SELECT DISTINCT p.scope_mode, p.from_ms, p.to_ms
  FROM reconstructed_period p, message_status_change c
 WHERE c.run_id = :runId
   AND ((c.previous_delivered_at_ms >= p.from_ms - :before AND c.previous_delivered_at_ms < p.to_ms + :after)
     OR (c.delivered_at_ms >= p.from_ms - :before AND c.delivered_at_ms < p.to_ms + :after))
 ORDER BY p.scope_mode, p.from_ms, p.to_ms;

-- name: find-imported-file
SELECT run_id, file_path, imported_at_ms FROM imported_file WHERE sha256 = :sha256 AND size_bytes = :size;

-- name: insert-imported-file
INSERT INTO imported_file (sha256, size_bytes, file_path, run_id, imported_at_ms) VALUES (:sha256, :size, :path, :runId, :importedAt);
