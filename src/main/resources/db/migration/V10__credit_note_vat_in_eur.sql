-- docs/billing-rules.md 4.5 (correcting a finalized invoice): the VAT in euros a finalized document's Peppol file
-- stated (its VAT at the exchange rate of its invoice date, docs/invoice-documents.md 4), recorded once, when
-- that file is written. A credit note takes back what the documents it reverses stated, even after
-- exchange-rates.csv was corrected. Empty for documents written before this version and for documents in EUR.
ALTER TABLE invoice ADD COLUMN vat_eur DECIMAL(19,6);
