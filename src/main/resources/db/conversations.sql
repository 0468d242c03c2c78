-- Conversation reconstruction (docs/billing-rules.md 3).
-- Named parameters (:name) for JdbcClient / NamedParameterJdbcTemplate, except the statement
-- ScopeHistoryReader runs through a raw JDBC cursor (positional ?, marked below).

-- name: carried-conversations
-- conversations still open at the period start (opened before it, window not yet over); the reader
-- orders them itself, as it orders the messages
-- raw JDBC cursor (ScopeHistoryReader): positional parameters
-- the customer key (docs/billing-rules.md 3.6): the user id when known, else the phone number
SELECT waba_id, phone_number_id, COALESCE(customer_user_id, customer_wa_id) AS customer_key, conversation_id, category,
       opened_at_ms, expires_at_ms, opening_message_id, messages
  FROM conversation
 WHERE scope_mode = ? AND opened_at_ms >= ? AND opened_at_ms < ? AND expires_at_ms > ? AND bucket >= ? AND bucket < ?;

-- name: carried-ids
SELECT conversation_id FROM conversation
 WHERE scope_mode = :mode AND opened_at_ms >= :carriedFrom AND opened_at_ms < :from AND expires_at_ms > :from
 ORDER BY conversation_id;

-- name: insert-conversation-positional
-- positional: ConversationDao binds it in a JdbcTemplate batch with direct setters (every conversation)
INSERT INTO conversation (conversation_id, scope_mode, waba_id, phone_number_id, customer_wa_id, bucket, market,
  category, opened_at_ms, expires_at_ms, opening_message_id, messages, run_id, customer_user_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert-anomaly
INSERT INTO anomaly (scope_mode, period_from_ms, period_to_ms, message_id, kind, detail) VALUES (:mode, :from, :to, :messageId, :kind, :detail);

-- name: insert-finding
INSERT INTO reconciliation_finding (scope_mode, period_from_ms, period_to_ms, kind, conversation_id,
  meta_conversation_id, detail) VALUES (:mode, :from, :to, :kind, :conversationId, :metaConversationId, :detail);

-- name: delete-conversations
DELETE FROM conversation WHERE scope_mode = :mode AND opened_at_ms >= :from AND opened_at_ms < :to;

-- name: delete-anomalies
DELETE FROM anomaly WHERE scope_mode = :mode AND period_from_ms = :from AND period_to_ms = :to;

-- name: delete-findings
DELETE FROM reconciliation_finding WHERE scope_mode = :mode AND period_from_ms = :from AND period_to_ms = :to;

-- name: select-conversations
SELECT conversation_id, waba_id, phone_number_id, customer_wa_id, customer_user_id, market, category, opened_at_ms,
       expires_at_ms, opening_message_id, messages
  FROM conversation WHERE scope_mode = :mode AND opened_at_ms >= :from AND opened_at_ms < :to
 ORDER BY opened_at_ms, conversation_id;

-- name: any-user-id
-- whether a conversation of the period names a customer by user id (the files gain customer_user_id then)
SELECT COUNT(*) FROM conversation
 WHERE scope_mode = :mode AND opened_at_ms >= :from AND opened_at_ms < :to AND customer_user_id IS NOT NULL;

-- name: category-counts
SELECT category, COUNT(*) AS conversations, SUM(messages) AS messages FROM conversation
 WHERE scope_mode = :mode AND opened_at_ms >= :from AND opened_at_ms < :to
 GROUP BY category ORDER BY category;

-- name: select-anomalies
SELECT message_id, kind, detail FROM anomaly
 WHERE scope_mode = :mode AND period_from_ms = :from AND period_to_ms = :to ORDER BY message_id, kind;

-- name: select-findings
SELECT kind, conversation_id, meta_conversation_id, detail FROM reconciliation_finding
 WHERE scope_mode = :mode AND period_from_ms = :from AND period_to_ms = :to AND kind <> 'meta_only'
 ORDER BY kind, conversation_id, meta_conversation_id;

-- name: select-meta-only
-- docs/per-message-pricing.md 5: messages Meta priced per message that a conversation covered here; for this
-- kind conversation_id holds the message id and meta_conversation_id Meta's category/type
SELECT kind, conversation_id, meta_conversation_id, detail FROM reconciliation_finding
 WHERE scope_mode = :mode AND period_from_ms = :from AND period_to_ms = :to AND kind = 'meta_only'
 ORDER BY conversation_id;

-- Message counts come from message_count (messages per UTC day: kinds I, O by event day, U by sent
-- day), never from the message table, which has no index. Windows are whole days.

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

-- name: delete-contained-periods
DELETE FROM reconstructed_period WHERE scope_mode = :mode AND from_ms >= :from AND to_ms <= :to;

-- name: insert-period
INSERT INTO reconstructed_period (scope_mode, from_ms, to_ms, window_messages, carried_hash, run_id, completed_at_ms)
VALUES (:mode, :from, :to, :windowMessages, :carriedHash, :runId, :completedAt);

-- name: select-periods
SELECT from_ms, to_ms, window_messages, carried_hash FROM reconstructed_period WHERE scope_mode = :mode ORDER BY from_ms, to_ms;

-- name: unfinished-rebuilds
SELECT from_ms, to_ms, command FROM period_rebuild WHERE scope_mode = :mode ORDER BY from_ms, to_ms;

-- name: delete-rebuild
DELETE FROM period_rebuild WHERE scope_mode = :mode AND from_ms = :from AND to_ms = :to;

-- name: insert-rebuild
INSERT INTO period_rebuild (scope_mode, from_ms, to_ms, command, started_at_ms, start_window_messages, start_carried_hash)
VALUES (:mode, :from, :to, :command, :startedAt, :windowMessages, :carriedHash);

-- name: rebuild-start-fingerprint
SELECT start_window_messages, start_carried_hash FROM period_rebuild
 WHERE scope_mode = :mode AND from_ms = :from AND to_ms = :to AND start_carried_hash IS NOT NULL;

-- name: delete-contained-rebuilds
DELETE FROM period_rebuild WHERE scope_mode = :mode AND from_ms >= :from AND to_ms <= :to;

-- name: overlapping-rebuilds
-- unfinished rebuilds other than this period's own that overlap [:carriedFrom, :to)
SELECT from_ms, to_ms, command FROM period_rebuild
 WHERE scope_mode = :mode AND from_ms < :to AND to_ms > :carriedFrom AND NOT (from_ms = :from AND to_ms = :to)
 ORDER BY from_ms, to_ms;

-- name: first-message-from
-- the start of the first day with a message (received or delivered) from :from on
SELECT MIN(day_ms) FROM message_count WHERE kind IN ('I', 'O') AND messages > 0 AND day_ms >= :from;
