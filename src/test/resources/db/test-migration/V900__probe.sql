-- Test-only migration: proves a later version is applied on top of a baselined database.
ALTER TABLE invoice_sequence ADD COLUMN migration_probe VARCHAR(16);
