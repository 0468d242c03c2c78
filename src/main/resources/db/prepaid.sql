-- Prepaid accounts' monthly statements (docs/billing-rules.md 4.7). Every statement on prepaid_statement and
-- prepaid_usage is here, run by their one owner StatementDao; rows are inserted once, never updated or deleted.

-- name: statement
SELECT waba_id, statement_month, currency, opening_balance, top_ups, usage_amount, closing_balance, status, written_at_ms
  FROM prepaid_statement WHERE waba_id = :wabaId AND statement_month = :month;

-- name: previous-statement
SELECT waba_id, statement_month, currency, opening_balance, top_ups, usage_amount, closing_balance, status, written_at_ms
  FROM prepaid_statement WHERE waba_id = :wabaId AND statement_month < :month ORDER BY statement_month DESC;

-- name: counted-invoices
SELECT invoice_id FROM prepaid_usage WHERE waba_id = :wabaId;

-- name: insert-usage
INSERT INTO prepaid_usage (invoice_id, waba_id, statement_month) VALUES (:invoiceId, :wabaId, :month);

-- name: insert-statement
INSERT INTO prepaid_statement (waba_id, statement_month, currency, opening_balance, top_ups, usage_amount,
  closing_balance, status, written_at_ms)
VALUES (:wabaId, :month, :currency, :opening, :topUps, :usage, :closing, :status, :writtenAt);

-- name: statements-of-month
SELECT waba_id, statement_month, currency, opening_balance, top_ups, usage_amount, closing_balance, status, written_at_ms
  FROM prepaid_statement WHERE statement_month = :month ORDER BY waba_id;
