-- Imported messages (formats.md, messages CSV).

-- name: insert-message
INSERT INTO message (message_id, waba_id, phone_number_id, customer_wa_id, bucket, direction, message_type,
  template_name, template_language, sent_at_ms, status, delivered_at_ms, event_at_ms, entry_point,
  meta_conversation_id, meta_category, run_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: select-by-ids-hsqldb
-- one array parameter: a short statement prepared once per chunk, whatever the chunk size
SELECT message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type, template_name,
       template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id, meta_category
  FROM message WHERE message_id IN (UNNEST(?));

-- name: select-by-ids-postgresql
SELECT message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type, template_name,
       template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id, meta_category
  FROM message WHERE message_id = ANY (?);

-- name: run-stats
SELECT direction, CASE WHEN event_at_ms IS NULL THEN 0 ELSE 1 END, COUNT(*)
  FROM message WHERE run_id = ?
 GROUP BY direction, CASE WHEN event_at_ms IS NULL THEN 0 ELSE 1 END;
