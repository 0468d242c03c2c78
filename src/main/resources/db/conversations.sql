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

-- Invoicing's reads (docs/billing-rules.md 4), through ConversationDao

-- name: month-conversations
-- the order decides which SERVICE conversations the free tier covers (docs/billing-rules.md 4.3)
SELECT conversation_id, category, market, opened_at_ms FROM conversation
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND opened_at_ms >= :from AND opened_at_ms < :to
 ORDER BY opened_at_ms, conversation_id;

-- name: month-price-points
-- what the rate card must price: markets and categories per quarter hour (every zone offset is a
-- multiple of 15 minutes, so a quarter hour lies in one local date)
SELECT market, category, opened_at_ms / 900000 AS quarter_hour FROM conversation
 WHERE scope_mode = 'phone-number' AND waba_id = :wabaId AND opened_at_ms >= :from AND opened_at_ms < :to
   AND category <> 'FREE_ENTRY_POINT'
 GROUP BY market, category, opened_at_ms / 900000;

-- name: conversations-by-waba
-- every WABA with conversations opened in a range (invoicing finds those without a billing account)
SELECT waba_id, COUNT(*) AS conversations, SUM(messages) AS messages FROM conversation
 WHERE scope_mode = 'phone-number' AND opened_at_ms >= :from AND opened_at_ms < :to
 GROUP BY waba_id;
