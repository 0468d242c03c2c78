-- Imported messages (formats.md, messages CSV).

-- name: insert-message
-- positional on purpose: the import's hot path binds it with JdbcTemplate.batchUpdate and direct
-- setters, measurably faster than a named batch (see MessageDao.insert); keep the order in step with it
INSERT INTO message (message_id, waba_id, phone_number_id, customer_wa_id, bucket, direction, message_type,
  template_name, template_language, sent_at_ms, status, delivered_at_ms, event_at_ms, entry_point,
  meta_conversation_id, meta_category, run_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: select-ids
-- the import's in-memory filter (MessageIdFilter) is filled from this one scan
SELECT message_id FROM message;

-- name: stored-messages
SELECT COALESCE(SUM(messages), 0) FROM message_count;

-- name: add-count
UPDATE message_count SET messages = messages + :messages
 WHERE run_id = :runId AND day_ms = :day AND kind = :kind AND with_meta = :withMeta;

-- name: insert-count
INSERT INTO message_count (run_id, day_ms, kind, with_meta, messages) VALUES (:runId, :day, :kind, :withMeta, :messages);

-- name: run-stats
SELECT kind, SUM(messages) AS messages FROM message_count WHERE run_id = :runId GROUP BY kind;

-- name: insert-repeat
INSERT INTO message_repeat (run_id, file_index, source, record_no, raw_fields, message_id, waba_id, phone_number_id,
  customer_wa_id, direction, message_type, template_name, template_language, sent_at_ms, status, delivered_at_ms,
  entry_point, meta_conversation_id, meta_category)
VALUES (:runId, :fileIndex, :source, :record, :raw, :messageId, :wabaId, :phoneNumberId, :customerWaId, :direction,
  :type, :templateName, :templateLanguage, :sentAt, :status, :deliveredAt, :entryPoint, :metaConversationId,
  :metaCategory);

-- name: select-repeats
-- in the order the records were read: the first record of a message_id is the one that stays
SELECT source, record_no, raw_fields, message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type,
       template_name, template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id,
       meta_category
  FROM message_repeat WHERE run_id = :runId ORDER BY file_index, record_no;

-- name: select-repeated-rows
-- the stored rows of the held records' message_ids: one pass over the table
SELECT message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type, template_name,
       template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id, meta_category, run_id
  FROM message WHERE message_id IN (SELECT message_id FROM message_repeat WHERE run_id = :runId);

-- name: delete-repeats
DELETE FROM message_repeat WHERE run_id = :runId;

-- name: delete-advanced-rows
-- the rows whose status this run advanced, re-inserted with the later status by the same transaction
DELETE FROM message WHERE message_id IN (SELECT message_id FROM message_status_change WHERE run_id = :runId);

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
