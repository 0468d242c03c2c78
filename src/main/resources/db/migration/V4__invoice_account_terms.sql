-- issue 9: an invoice records the account terms it was computed with (summary.csv shows them, and
-- its conversations file is written in that zone), so a later change of accounts.csv never
-- misreports a finalized invoice. Invoices written before this version leave them empty.
ALTER TABLE invoice ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE invoice ADD COLUMN markup_percent DECIMAL(19,6);
ALTER TABLE invoice ADD COLUMN period_start_ms BIGINT;
ALTER TABLE invoice ADD COLUMN period_end_ms BIGINT;
