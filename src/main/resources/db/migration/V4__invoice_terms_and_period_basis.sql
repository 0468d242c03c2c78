-- issue 9: an invoice records the account terms it was computed with (summary.csv shows them, and
-- its conversations file is written in that zone), so a later change of accounts.csv never
-- misreports a finalized invoice. Invoices written before this version leave them empty.
ALTER TABLE invoice ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE invoice ADD COLUMN markup_percent DECIMAL(19,6);
ALTER TABLE invoice ADD COLUMN period_start_ms BIGINT;
ALTER TABLE invoice ADD COLUMN period_end_ms BIGINT;

-- issue 9.4: what a recorded period's billed conversations rest on, noted by the first invoice run
-- that finds it fresh: messages in [read from, period end) (messages after the end change only
-- the message counts of its conversations, never which conversations it opened). A period whose
-- ledger fingerprint changed is refused for invoicing unless this part is still the same.
CREATE TABLE invoice_period_basis (
  scope_mode        VARCHAR(16) NOT NULL,
  from_ms           BIGINT NOT NULL,
  to_ms             BIGINT NOT NULL,
  window_messages   BIGINT NOT NULL,
  carried_hash      VARCHAR(64) NOT NULL,
  billed_messages   BIGINT NOT NULL,
  PRIMARY KEY (scope_mode, from_ms, to_ms, window_messages, carried_hash)
);
