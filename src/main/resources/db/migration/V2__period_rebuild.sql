-- issue 8.1: a period whose rebuild started and has not finished (running now, failed or killed).
-- Its conversations were cleared, so it is no coverage until the same reconstruct finishes.
CREATE TABLE period_rebuild (
  scope_mode        VARCHAR(16) NOT NULL,
  from_ms           BIGINT NOT NULL,
  to_ms             BIGINT NOT NULL,
  command           VARCHAR(1000) NOT NULL,
  started_at_ms     BIGINT NOT NULL,
  PRIMARY KEY (scope_mode, from_ms, to_ms)
);

-- Indexes added to the schema after some databases were made: a database baselined at version 1
-- may lack them (they only cost speed).
CREATE INDEX IF NOT EXISTS message_bucket_event ON message (bucket, event_at_ms);
CREATE INDEX IF NOT EXISTS conversation_waba_opened ON conversation (scope_mode, waba_id, opened_at_ms);
