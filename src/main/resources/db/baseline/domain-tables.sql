-- Domain tables of wa-billing as of schema version 1 (the Flyway baseline), run by
-- support.jdbc.V1__Baseline on an empty database only: never edit it, add db/migration/V<n>__*.sql.
-- Portable between HSQLDB 2.7 and PostgreSQL 14+.
-- Instants are stored as epoch milliseconds (BIGINT, UTC): no driver time-zone conversions.
-- The Spring Batch job repository tables are created from Spring Batch's own scripts.

CREATE TABLE reject_record (
  run_id      BIGINT NOT NULL,
  source      VARCHAR(1024) NOT NULL,
  record_no   BIGINT NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  raw_fields  VARCHAR(16000)
);
CREATE INDEX reject_record_run ON reject_record (run_id, source, record_no);

CREATE TABLE run_count (
  run_id      BIGINT NOT NULL,
  source      VARCHAR(1024) NOT NULL,
  accepted    BIGINT NOT NULL,
  rejected    BIGINT NOT NULL,
  duplicates  BIGINT NOT NULL,
  PRIMARY KEY (run_id, source)
);

-- docs/billing-rules.md 2: the template catalogue (latest text per template) ...
CREATE TABLE template (
  template_id      VARCHAR(128) NOT NULL PRIMARY KEY,
  waba_id          VARCHAR(32) NOT NULL,
  template_name    VARCHAR(512) NOT NULL,
  language_code    VARCHAR(16) NOT NULL,
  legacy_category  VARCHAR(128) NOT NULL,
  template_status  VARCHAR(32),
  header_text      VARCHAR(16000),
  body_text        VARCHAR(16000) NOT NULL,
  footer_text      VARCHAR(16000),
  buttons_text     VARCHAR(16000),
  content_hash     VARCHAR(64) NOT NULL,
  run_id           BIGINT NOT NULL,
  source           VARCHAR(1024) NOT NULL,
  record_no        BIGINT NOT NULL
);
CREATE UNIQUE INDEX template_key ON template (waba_id, template_name, language_code);
CREATE INDEX template_run ON template (run_id, template_id);

-- ... and its category history, the audit trail: which rule decided, on which signal, in which run.
CREATE TABLE template_category (
  template_id        VARCHAR(128) NOT NULL,
  effective_from_ms  BIGINT NOT NULL,
  category           VARCHAR(16) NOT NULL,
  previous_category  VARCHAR(128) NOT NULL,
  rule_name          VARCHAR(32) NOT NULL,
  matched_signal     VARCHAR(256),
  needs_review       BOOLEAN NOT NULL,
  run_id             BIGINT NOT NULL,
  recorded_at_ms     BIGINT NOT NULL,
  PRIMARY KEY (template_id, effective_from_ms)
);

-- docs/billing-rules.md 3 / docs/formats.md: imported messages, one row per message_id.
-- event_at_ms is when the message counts: received (inbound) or delivered (outbound); NULL if never.
CREATE TABLE message (
  message_id            VARCHAR(128) NOT NULL PRIMARY KEY,
  waba_id               VARCHAR(32) NOT NULL,
  phone_number_id       VARCHAR(32) NOT NULL,
  customer_wa_id        VARCHAR(16) NOT NULL,
  bucket                SMALLINT NOT NULL,
  direction             CHAR(1) NOT NULL,
  message_type          VARCHAR(32) NOT NULL,
  template_name         VARCHAR(512),
  template_language     VARCHAR(16),
  sent_at_ms            BIGINT NOT NULL,
  status                VARCHAR(16),
  delivered_at_ms       BIGINT,
  event_at_ms           BIGINT,
  entry_point           VARCHAR(16),
  meta_conversation_id  VARCHAR(128),
  meta_category         VARCHAR(32),
  run_id                BIGINT NOT NULL
);
CREATE INDEX message_event ON message (event_at_ms);
-- reconstruction partitions read contiguous bucket ranges: each reads only its own rows
CREATE INDEX message_bucket_event ON message (bucket, event_at_ms);

-- docs/billing-rules.md 3: reconstructed conversations. phone_number_id is '' in WABA scope mode.
CREATE TABLE conversation (
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
  run_id              BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, scope_mode)
);
CREATE INDEX conversation_opened ON conversation (scope_mode, opened_at_ms);
-- invoicing reads one account's month at a time
CREATE INDEX conversation_waba_opened ON conversation (scope_mode, waba_id, opened_at_ms);

CREATE TABLE anomaly (
  scope_mode      VARCHAR(16) NOT NULL,
  period_from_ms  BIGINT NOT NULL,
  period_to_ms    BIGINT NOT NULL,
  message_id      VARCHAR(128) NOT NULL,
  kind            VARCHAR(32) NOT NULL,
  detail          VARCHAR(1000) NOT NULL
);
CREATE INDEX anomaly_period ON anomaly (scope_mode, period_from_ms, period_to_ms);

CREATE TABLE reconciliation_finding (
  scope_mode            VARCHAR(16) NOT NULL,
  period_from_ms        BIGINT NOT NULL,
  period_to_ms          BIGINT NOT NULL,
  kind                  VARCHAR(32) NOT NULL,
  conversation_id       VARCHAR(4000) NOT NULL,
  meta_conversation_id  VARCHAR(4000) NOT NULL,
  detail                VARCHAR(1000) NOT NULL
);
CREATE INDEX reconciliation_period ON reconciliation_finding (scope_mode, period_from_ms, period_to_ms);

-- Which periods were reconstructed, and a fingerprint of what each was built on (docs/billing-rules.md 3.4).
CREATE TABLE reconstructed_period (
  scope_mode        VARCHAR(16) NOT NULL,
  from_ms           BIGINT NOT NULL,
  to_ms             BIGINT NOT NULL,
  window_messages   BIGINT NOT NULL,
  carried_hash      VARCHAR(64) NOT NULL,
  run_id            BIGINT NOT NULL,
  completed_at_ms   BIGINT NOT NULL,
  PRIMARY KEY (scope_mode, from_ms, to_ms)
);

-- docs/billing-rules.md 4: invoices and their lines. A FINALIZED invoice is never updated or deleted
-- (every statement that changes an invoice is restricted to status = 'DRAFT').
CREATE TABLE invoice (
  invoice_id             VARCHAR(64) NOT NULL PRIMARY KEY,
  invoice_number         VARCHAR(32),
  kind                   VARCHAR(16) NOT NULL,
  status                 VARCHAR(16) NOT NULL,
  waba_id                VARCHAR(32) NOT NULL,
  billing_month          VARCHAR(7) NOT NULL,
  references_invoice_id  VARCHAR(64),
  account_name           VARCHAR(256) NOT NULL,
  currency               VARCHAR(3) NOT NULL,
  conversations          BIGINT NOT NULL,
  billable               BIGINT NOT NULL,
  subtotal               DECIMAL(19,6) NOT NULL,
  markup                 DECIMAL(19,6) NOT NULL,
  total                  DECIMAL(19,6) NOT NULL,
  created_at_ms          BIGINT NOT NULL,
  finalized_at_ms        BIGINT,
  run_id                 BIGINT NOT NULL
);
CREATE INDEX invoice_month ON invoice (billing_month, waba_id);
CREATE UNIQUE INDEX invoice_number_unique ON invoice (invoice_number);

CREATE TABLE invoice_line (
  invoice_id     VARCHAR(64) NOT NULL,
  category       VARCHAR(20) NOT NULL,
  market         VARCHAR(64) NOT NULL,
  unit_price     DECIMAL(19,6) NOT NULL,
  conversations  BIGINT NOT NULL,
  free_count     BIGINT NOT NULL,
  billable       BIGINT NOT NULL,
  amount         DECIMAL(19,6) NOT NULL
);
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id);

-- Gap-free invoice numbers: taken in the transaction that finalizes, never reset.
CREATE TABLE invoice_sequence (
  sequence_name  VARCHAR(32) NOT NULL PRIMARY KEY,
  next_value     BIGINT NOT NULL
);
