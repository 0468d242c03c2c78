-- issue 12: per-message pricing (pricing-regimes.md).

-- Meta's status-webhook pricing columns travel with a held repeat and are kept by a status change,
-- like its conversation columns (formats.md, messages CSV).
ALTER TABLE message_repeat ADD COLUMN meta_pricing_category VARCHAR(64);
ALTER TABLE message_repeat ADD COLUMN meta_pricing_type VARCHAR(64);
ALTER TABLE message_status_change ADD COLUMN previous_meta_pricing_category VARCHAR(64);
ALTER TABLE message_status_change ADD COLUMN previous_meta_pricing_type VARCHAR(64);

-- One pricing record per delivered business message a per-message regime prices (pricing-regimes.md
-- 2), in the period that holds its delivery. Besides the record's own columns it keeps what later
-- steps need: whether the message was inside the customer service window (what-if re-rating),
-- whether it opened a free entry point window (the state the next period starts from), whether
-- its type waits for the service free tier (settled per phone number after the scopes), and
-- Meta's own columns (reconciliation).
CREATE TABLE priced_message (
  scope_mode             VARCHAR(16) NOT NULL,
  message_id             VARCHAR(128) NOT NULL,
  waba_id                VARCHAR(32) NOT NULL,
  phone_number_id        VARCHAR(32) NOT NULL,
  customer_wa_id         VARCHAR(16) NOT NULL,
  bucket                 SMALLINT NOT NULL,
  market                 VARCHAR(64) NOT NULL,
  category               VARCHAR(32) NOT NULL,
  pricing_type           VARCHAR(32) NOT NULL,
  regime                 VARCHAR(32) NOT NULL,
  delivered_at_ms        BIGINT NOT NULL,
  inside_service_window  SMALLINT NOT NULL,
  opens_entry_point      SMALLINT NOT NULL,
  awaits_service_tier    SMALLINT NOT NULL,
  meta_pricing_category  VARCHAR(64),
  meta_pricing_type      VARCHAR(64),
  run_id                 BIGINT NOT NULL
);
CREATE INDEX priced_message_delivered ON priced_message (scope_mode, delivered_at_ms);
-- invoicing reads one account's (or portfolio's) month at a time
CREATE INDEX priced_message_waba ON priced_message (scope_mode, waba_id, delivered_at_ms);

-- formats.md invoices: the pricing band of a per-message line ('' for the list rate and for
-- conversation lines).
ALTER TABLE invoice_line ADD COLUMN band VARCHAR(32) DEFAULT '' NOT NULL;
