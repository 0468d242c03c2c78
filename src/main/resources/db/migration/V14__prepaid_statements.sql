-- docs/billing-rules.md 4.7: a prepaid account's statement of a month, written once when the month is finalized and
-- never changed; prepaid_usage names the finalized invoices, adjustments and credit notes each statement counted,
-- so that every one is settled from the balance exactly once, in the first statement written after it.
CREATE TABLE prepaid_statement (
  waba_id          VARCHAR(32) NOT NULL,
  statement_month  VARCHAR(7) NOT NULL,
  currency         VARCHAR(3) NOT NULL,
  opening_balance  DECIMAL(19,6) NOT NULL,
  top_ups          DECIMAL(19,6) NOT NULL,
  usage_amount     DECIMAL(19,6) NOT NULL,
  closing_balance  DECIMAL(19,6) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  written_at_ms    BIGINT NOT NULL,
  PRIMARY KEY (waba_id, statement_month)
);

CREATE TABLE prepaid_usage (
  invoice_id       VARCHAR(64) NOT NULL PRIMARY KEY,
  waba_id          VARCHAR(32) NOT NULL,
  statement_month  VARCHAR(7) NOT NULL
);
CREATE INDEX prepaid_usage_waba ON prepaid_usage (waba_id);
