-- What a rebuild starts from (docs/billing-rules.md 3.4): the period's fingerprint when its rebuild began.
-- The period is recorded with it, so messages imported while a failed or killed rebuild waited to be
-- resumed leave the period stale (to be rebuilt) instead of looking up to date. Empty for rebuilds
-- started before this version: those are recorded with the fingerprint of the moment they complete.
ALTER TABLE period_rebuild ADD COLUMN start_window_messages BIGINT;
ALTER TABLE period_rebuild ADD COLUMN start_carried_hash VARCHAR(64);
