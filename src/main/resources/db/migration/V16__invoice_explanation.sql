-- docs/billing-rules.md 4.4, "An explanation is priced once": a per-message invoice's <invoice_id>-messages.csv is staged
-- while the month is priced, in the chunk that stores the invoice; the invoice records the SHA-256 of the staged
-- file and its rows, and the books step moves only a file with that checksum into place (a restart never prices
-- the month again). Empty for conversation invoices, credit notes and invoices stored before this version.
ALTER TABLE invoice ADD COLUMN explanation_sha256 VARCHAR(64);
ALTER TABLE invoice ADD COLUMN explanation_rows BIGINT;
