-- issue 13: what a finalized invoice's documents rest on, frozen when it is numbered: its invoice
-- date (the issue date on the documents, which picks the VAT and exchange rates) and its VAT
-- (invoice-documents.md 2). VAT stays empty while the account lacks the buyer's country, and is
-- recorded once, when first computed.
ALTER TABLE invoice ADD COLUMN issue_date VARCHAR(10);
ALTER TABLE invoice ADD COLUMN vat_category VARCHAR(2);
ALTER TABLE invoice ADD COLUMN vat_rate DECIMAL(9,4);
ALTER TABLE invoice ADD COLUMN vat DECIMAL(19,6);
ALTER TABLE invoice ADD COLUMN gross DECIMAL(19,6);
