-- Monthly invoicing (docs/billing-rules.md 4): every statement on invoice, invoice_line, invoice_sequence and
-- invoice_period_basis, run by their one owner InvoiceDao. The conversations and pricing records a month is
-- priced from are asked of their owners, ConversationDao and PricedMessageDao (docs/architecture.md, "Who owns
-- which table").

-- name: period-basis
SELECT billed_messages FROM invoice_period_basis
 WHERE scope_mode = 'phone-number' AND from_ms = :from AND to_ms = :to AND window_messages = :windowMessages
   AND carried_hash = :carriedHash;

-- name: insert-period-basis
INSERT INTO invoice_period_basis (scope_mode, from_ms, to_ms, window_messages, carried_hash, billed_messages)
VALUES ('phone-number', :from, :to, :windowMessages, :carriedHash, :billedMessages);

-- name: invoices-of-account-month
SELECT invoice_id, invoice_number, kind, status, references_invoice_id, subtotal, markup
  FROM invoice WHERE waba_id = :wabaId AND billing_month = :month ORDER BY invoice_id;

-- name: lines-of-invoice
SELECT category, market, band, unit_price, quantity, free_count, billable, amount
  FROM invoice_line WHERE invoice_id = :invoiceId;

-- name: delete-draft-lines
DELETE FROM invoice_line WHERE invoice_id IN
  (SELECT invoice_id FROM invoice WHERE waba_id = :wabaId AND billing_month = :month AND status = 'DRAFT');

-- name: delete-drafts
DELETE FROM invoice WHERE waba_id = :wabaId AND billing_month = :month AND status = 'DRAFT';

-- name: insert-invoice
INSERT INTO invoice (invoice_id, invoice_number, kind, status, waba_id, billing_month, references_invoice_id,
  account_name, currency, quantity, billable, subtotal, markup, total, created_at_ms, finalized_at_ms, run_id,
  time_zone, markup_percent, period_start_ms, period_end_ms, explanation_sha256, explanation_rows)
VALUES (:invoiceId, NULL, :kind, 'DRAFT', :wabaId, :month, :referencesInvoiceId, :accountName, :currency,
  :quantity, :billable, :subtotal, :markup, :total, :createdAt, NULL, :runId, :timeZone, :markupPercent,
  :periodStart, :periodEnd, :explanationSha256, :explanationRows);

-- name: insert-line
INSERT INTO invoice_line (invoice_id, category, market, band, unit_price, quantity, free_count, billable, amount)
VALUES (:invoiceId, :category, :market, :band, :unitPrice, :quantity, :free, :billable, :amount);

-- name: drafts-of-month
-- in (waba_id, invoice_id) order: an account's credit note (CRN-) is numbered before the invoice that
-- replaces it (INV-), docs/billing-rules.md 4.5
SELECT invoice_id FROM invoice WHERE billing_month = :month AND status = 'DRAFT' ORDER BY waba_id, invoice_id;

-- name: next-number
SELECT next_value FROM invoice_sequence WHERE sequence_name = 'invoice';

-- name: init-sequence
INSERT INTO invoice_sequence (sequence_name, next_value) VALUES ('invoice', 1);

-- name: advance-sequence
UPDATE invoice_sequence SET next_value = :next WHERE sequence_name = 'invoice' AND next_value = :current;

-- name: finalize
UPDATE invoice SET status = 'FINALIZED', invoice_number = :invoiceNumber, finalized_at_ms = :finalizedAt,
       issue_date = :issueDate
 WHERE invoice_id = :invoiceId AND status = 'DRAFT';

-- name: record-vat
-- A finalized invoice's VAT is recorded once, the first time it can be computed
UPDATE invoice SET vat_category = :category, vat_rate = :rate, vat = :vat, gross = :gross
 WHERE invoice_id = :invoiceId AND status = 'FINALIZED' AND vat IS NULL;

-- name: record-vat-eur
-- The VAT in euros a finalized document's Peppol file stated, recorded once, when the file is written
UPDATE invoice SET vat_eur = :vatEur WHERE invoice_id = :invoiceId AND status = 'FINALIZED' AND vat_eur IS NULL;

-- name: invoices-of-month
SELECT invoice_id, invoice_number, kind, status, waba_id, account_name, billing_month, currency, quantity,
       billable, subtotal, markup, total, references_invoice_id, run_id, time_zone, markup_percent,
       period_start_ms, period_end_ms, issue_date, vat_category, vat_rate, vat, gross, finalized_at_ms, vat_eur
  FROM invoice WHERE billing_month = :month ORDER BY waba_id, invoice_id;

-- name: explanation-of-invoice
-- docs/billing-rules.md 4.4, "An explanation is priced once": the staged messages file recorded with a per-message invoice
SELECT explanation_sha256, explanation_rows FROM invoice WHERE invoice_id = :invoiceId AND explanation_sha256 IS NOT NULL;

-- name: invoice-by-reference
-- docs/billing-rules.md 4.5: the invoice correct= names, by its number (or, to refuse it clearly, by its id)
SELECT invoice_id, invoice_number, kind, status, waba_id, billing_month
  FROM invoice WHERE invoice_number = :reference OR invoice_id = :reference;

-- name: finalized-of-waba
-- docs/billing-rules.md 4.7: what a prepaid account's statements settle, every month's finalized invoices
SELECT invoice_id, billing_month, total, gross FROM invoice WHERE waba_id = :wabaId AND status = 'FINALIZED'
 ORDER BY invoice_id;
