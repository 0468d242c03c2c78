-- issue 11: nothing looks a message up by key any more. The import filters repeats in memory and
-- settles the few possible ones in one pass (message_repeat); reconstruct reads the messages in one
-- scan and sorts them in bounded memory; every count comes from message_count. V6 then moves the
-- messages into blocks (message_block): a row per message cost an index walk on every insert.

-- Messages per UTC day, kept in the transaction that stores or changes them, by the run that stored
-- the row: kind I (inbound) and O (outbound delivered) on the day of their event, U (outbound never
-- delivered) on the day it was sent; with_meta = 1 when Meta's conversation id came with it.
-- Every window a period reads is whole days, so these answer every count without reading messages.
CREATE TABLE message_count (
  run_id     BIGINT NOT NULL,
  day_ms     BIGINT NOT NULL,
  kind       CHAR(1) NOT NULL,
  with_meta  SMALLINT NOT NULL,
  messages   BIGINT NOT NULL,
  PRIMARY KEY (run_id, day_ms, kind, with_meta)
);
INSERT INTO message_count (run_id, day_ms, kind, with_meta, messages)
SELECT run_id, day_ms, kind, with_meta, COUNT(*)
  FROM (SELECT run_id,
               COALESCE(event_at_ms, sent_at_ms) - MOD(COALESCE(event_at_ms, sent_at_ms), 86400000) AS day_ms,
               CASE WHEN event_at_ms IS NULL THEN 'U' ELSE direction END AS kind,
               CASE WHEN meta_conversation_id IS NULL THEN 0 ELSE 1 END AS with_meta
          FROM message) m
 GROUP BY run_id, day_ms, kind, with_meta;

-- Records of an import whose message_id may have been stored before (the in-memory filter said so):
-- held here in the chunk's transaction and settled in one pass when the files are read.
CREATE TABLE message_repeat (
  run_id                BIGINT NOT NULL,
  file_index            INTEGER NOT NULL,
  source                VARCHAR(1024) NOT NULL,
  record_no             BIGINT NOT NULL,
  raw_fields            VARCHAR(16000),
  message_id            VARCHAR(128) NOT NULL,
  waba_id               VARCHAR(32) NOT NULL,
  phone_number_id       VARCHAR(32) NOT NULL,
  customer_wa_id        VARCHAR(16) NOT NULL,
  direction             CHAR(1) NOT NULL,
  message_type          VARCHAR(32) NOT NULL,
  template_name         VARCHAR(512),
  template_language     VARCHAR(16),
  sent_at_ms            BIGINT NOT NULL,
  status                VARCHAR(16),
  delivered_at_ms       BIGINT,
  entry_point           VARCHAR(16),
  meta_conversation_id  VARCHAR(128),
  meta_category         VARCHAR(32)
);

-- Conversations keep the two indexes their readers use (a period's range, an account's month) but
-- not a primary key: their ids are unique by construction (ConversationIds, and a period is cleared
-- before it is rebuilt), and a third index on every insert made a rebuild's writes its slowest part.
CREATE TABLE conversation_appended (
  conversation_id     VARCHAR(32) NOT NULL,
  scope_mode          VARCHAR(16) NOT NULL,
  waba_id             VARCHAR(32) NOT NULL,
  phone_number_id     VARCHAR(32) NOT NULL,
  customer_wa_id      VARCHAR(16) NOT NULL,
  bucket              SMALLINT NOT NULL,
  market              VARCHAR(64) NOT NULL,
  category            VARCHAR(20) NOT NULL,
  opened_at_ms        BIGINT NOT NULL,
  expires_at_ms       BIGINT NOT NULL,
  opening_message_id  VARCHAR(128) NOT NULL,
  messages            INTEGER NOT NULL,
  run_id              BIGINT NOT NULL
);
INSERT INTO conversation_appended (conversation_id, scope_mode, waba_id, phone_number_id, customer_wa_id, bucket,
  market, category, opened_at_ms, expires_at_ms, opening_message_id, messages, run_id)
SELECT conversation_id, scope_mode, waba_id, phone_number_id, customer_wa_id, bucket, market, category, opened_at_ms,
  expires_at_ms, opening_message_id, messages, run_id
  FROM conversation;
DROP TABLE conversation;
ALTER TABLE conversation_appended RENAME TO conversation;
CREATE INDEX conversation_opened ON conversation (scope_mode, opened_at_ms);
CREATE INDEX conversation_waba_opened ON conversation (scope_mode, waba_id, opened_at_ms);
