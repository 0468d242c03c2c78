-- docs/per-message-pricing.md 4, "Authentication-international": an invoice line's category may be
-- AUTHENTICATION_INTERNATIONAL (28 characters), longer than the 20 the baseline gave the column.
-- SET DATA TYPE is understood by HSQLDB and PostgreSQL alike.
ALTER TABLE invoice_line ALTER COLUMN category SET DATA TYPE VARCHAR(32);
