-- Imported messages (docs/formats.md, messages CSV).

-- Messages are stored in blocks (message_block, schema V6): one row holds the messages one
-- transaction stored, encoded by MessageBlock.

-- name: insert-block-positional
-- positional: the V6 migration binds it on a plain JDBC connection (MessageDao.bindBlock)
INSERT INTO message_block (run_id, block_no, messages, min_event_ms, max_event_ms, data) VALUES (?, ?, ?, ?, ?, ?);

-- name: next-block
SELECT COALESCE(MAX(block_no), 0) + 1 FROM message_block WHERE run_id = :runId;

-- name: select-blocks
-- streamed (StreamedQuery): positional
SELECT run_id, block_no, data FROM message_block;

-- name: select-blocks-with-events
-- streamed (StreamedQuery): positional; the blocks holding an event time in [?, ?)
SELECT run_id, block_no, data FROM message_block WHERE max_event_ms >= ? AND min_event_ms < ?;

-- name: select-block
SELECT data FROM message_block WHERE run_id = :runId AND block_no = :blockNo;

-- name: update-block
UPDATE message_block SET messages = :messages, min_event_ms = :minEvent, max_event_ms = :maxEvent, data = :data
 WHERE run_id = :runId AND block_no = :blockNo;

-- name: stored-messages
SELECT COALESCE(SUM(messages), 0) FROM message_count;

-- name: add-count
UPDATE message_count SET messages = messages + :messages
 WHERE run_id = :runId AND day_ms = :day AND kind = :kind AND with_meta = :withMeta;

-- name: insert-count
INSERT INTO message_count (run_id, day_ms, kind, with_meta, messages) VALUES (:runId, :day, :kind, :withMeta, :messages);

-- name: run-stats
SELECT kind, SUM(messages) AS messages FROM message_count WHERE run_id = :runId GROUP BY kind;

-- Message counts come from message_count (messages per UTC day: kinds I, O by event day, U by sent
-- day), never from the blocks. Windows are whole days; reconstruction reads them
-- through MessageCounts.

-- name: message-stats
SELECT kind AS direction, SUM(messages) AS messages FROM message_count
 WHERE kind IN ('I', 'O') AND day_ms >= :from AND day_ms < :to GROUP BY kind;

-- name: undelivered-count
SELECT COALESCE(SUM(messages), 0) FROM message_count WHERE kind = 'U' AND day_ms >= :from AND day_ms < :to;

-- name: meta-count
SELECT COALESCE(SUM(messages), 0) FROM message_count
 WHERE kind IN ('I', 'O') AND with_meta = 1 AND day_ms >= :from AND day_ms < :to;

-- name: window-messages
SELECT COALESCE(SUM(messages), 0) FROM message_count WHERE kind IN ('I', 'O') AND day_ms >= :from AND day_ms < :to;

-- name: first-message-from
-- the start of the first day with a message (received or delivered) from :from on
SELECT MIN(day_ms) FROM message_count WHERE kind IN ('I', 'O') AND messages > 0 AND day_ms >= :from;

-- name: insert-repeat
INSERT INTO message_repeat (run_id, file_index, source, record_no, raw_fields, message_id, waba_id, phone_number_id,
  customer_wa_id, direction, message_type, template_name, template_language, sent_at_ms, status, delivered_at_ms,
  entry_point, meta_conversation_id, meta_category, meta_pricing_category, meta_pricing_type, customer_user_id, sent_via)
VALUES (:runId, :fileIndex, :source, :record, :raw, :messageId, :wabaId, :phoneNumberId, :customerWaId, :direction,
  :type, :templateName, :templateLanguage, :sentAt, :status, :deliveredAt, :entryPoint, :metaConversationId,
  :metaCategory, :metaPricingCategory, :metaPricingType, :customerUserId, :sentVia);

-- name: select-repeats
-- in the order the records were read: the first record of a message_id is the one that stays
SELECT file_index, source, record_no, raw_fields, message_id, waba_id, phone_number_id, customer_wa_id, direction, message_type,
       template_name, template_language, sent_at_ms, status, delivered_at_ms, entry_point, meta_conversation_id,
       meta_category, meta_pricing_category, meta_pricing_type, customer_user_id, sent_via
  FROM message_repeat WHERE run_id = :runId ORDER BY file_index, record_no;

-- name: held-ids
SELECT DISTINCT message_id FROM message_repeat WHERE run_id = :runId;

-- name: delete-repeats
DELETE FROM message_repeat WHERE run_id = :runId;

-- name: insert-status-change
INSERT INTO message_status_change (run_id, message_id, previous_status, previous_delivered_at_ms,
  previous_meta_conversation_id, previous_meta_category, previous_meta_pricing_category, previous_meta_pricing_type,
  status, delivered_at_ms, source, record_no, advances)
VALUES (:runId, :messageId, :previousStatus, :previousDeliveredAt, :previousMetaConversationId,
  :previousMetaCategory, :previousMetaPricingCategory, :previousMetaPricingType, :status, :deliveredAt, :source,
  :record, :records);

-- name: count-status-advances
SELECT COALESCE(SUM(advances), 0) FROM message_status_change WHERE run_id = :runId;

-- name: status-changes-within
-- the run's status changes whose old or new delivery time lies in [:from, :to): a reconstructed period whose read
-- window this is was built without them
SELECT COUNT(*) FROM message_status_change
 WHERE run_id = :runId AND ((previous_delivered_at_ms >= :from AND previous_delivered_at_ms < :to)
     OR (delivered_at_ms >= :from AND delivered_at_ms < :to));

-- name: find-imported-file
SELECT run_id, file_path, imported_at_ms FROM imported_file WHERE sha256 = :sha256 AND size_bytes = :size;

-- name: insert-imported-file
INSERT INTO imported_file (sha256, size_bytes, file_path, run_id, imported_at_ms) VALUES (:sha256, :size, :path, :runId, :importedAt);

-- Links between a customer's phone number and business-scoped user id (docs/billing-rules.md 3.6),
-- table customer_link (schema V11), kept by CustomerLinkDao.

-- name: links-of
SELECT customer_user_id, customer_wa_id FROM customer_link
 WHERE customer_user_id IN (:userIds) OR customer_wa_id IN (:waIds);

-- name: insert-link
INSERT INTO customer_link (customer_user_id, customer_wa_id, message_id, run_id)
VALUES (:userId, :waId, :messageId, :runId);

-- name: all-links
SELECT customer_user_id, customer_wa_id FROM customer_link;

-- name: links-without-span
SELECT customer_user_id, customer_wa_id FROM customer_link WHERE first_event_ms IS NULL;

-- name: set-link-span
UPDATE customer_link SET first_event_ms = :first, last_event_ms = :last WHERE customer_user_id = :userId;

-- name: links-spanning
-- the links whose two ids have messages in [:from, :to) (PeriodRegistry's fingerprint)
SELECT customer_user_id, customer_wa_id FROM customer_link
 WHERE first_event_ms < :to AND last_event_ms >= :from ORDER BY customer_user_id;
