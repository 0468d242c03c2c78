-- issue 9.1: every export file an import read completely, by content. A later import skips a file
-- whose content was imported before, whatever its folder or name (monthly-run re-reads folders).
-- Recorded in the transaction of the import's report step, so only completed imports count.
CREATE TABLE imported_file (
  sha256          CHAR(64) NOT NULL,
  size_bytes      BIGINT NOT NULL,
  file_path       VARCHAR(1000) NOT NULL,
  run_id          BIGINT NOT NULL,
  imported_at_ms  BIGINT NOT NULL,
  PRIMARY KEY (sha256, size_bytes)
);
CREATE INDEX imported_file_run ON imported_file (run_id);

-- issue 9.5: a later export of a message with a more advanced status (sent -> delivered -> read,
-- or sent -> failed) updates the stored row; the change is kept with the values it replaced, so the
-- periods it affects can be named and the change undone by run (README, Operations).
CREATE TABLE message_status_change (
  run_id                         BIGINT NOT NULL,
  message_id                     VARCHAR(128) NOT NULL,
  previous_status                VARCHAR(16),
  previous_delivered_at_ms       BIGINT,
  previous_meta_conversation_id  VARCHAR(128),
  previous_meta_category         VARCHAR(32),
  status                         VARCHAR(16),
  delivered_at_ms                BIGINT,
  source                         VARCHAR(1000) NOT NULL,
  record_no                      BIGINT NOT NULL,
  -- records of the run that advanced it (accepted = rows stored + advances, per run)
  advances                       BIGINT NOT NULL,
  PRIMARY KEY (run_id, message_id)
);
