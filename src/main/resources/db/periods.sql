-- The period registry (docs/billing-rules.md 3.4): which periods were reconstructed and on what (reconstructed_period),
-- which rebuilds started and have not finished (period_rebuild). Every statement on the two tables is here, run by
-- their one owner PeriodRegistry (docs/architecture.md, "Who owns which table").

-- name: delete-contained-periods
DELETE FROM reconstructed_period WHERE scope_mode = :mode AND from_ms >= :from AND to_ms <= :to;

-- name: insert-period
INSERT INTO reconstructed_period (scope_mode, from_ms, to_ms, window_messages, carried_hash, run_id, completed_at_ms)
VALUES (:mode, :from, :to, :windowMessages, :carriedHash, :runId, :completedAt);

-- name: select-periods
SELECT from_ms, to_ms, window_messages, carried_hash FROM reconstructed_period WHERE scope_mode = :mode ORDER BY from_ms, to_ms;

-- name: unfinished-rebuilds
SELECT from_ms, to_ms, command FROM period_rebuild WHERE scope_mode = :mode ORDER BY from_ms, to_ms;

-- name: delete-rebuild
DELETE FROM period_rebuild WHERE scope_mode = :mode AND from_ms = :from AND to_ms = :to;

-- name: insert-rebuild
INSERT INTO period_rebuild (scope_mode, from_ms, to_ms, command, started_at_ms, start_window_messages, start_carried_hash)
VALUES (:mode, :from, :to, :command, :startedAt, :windowMessages, :carriedHash);

-- name: rebuild-start-fingerprint
SELECT start_window_messages, start_carried_hash FROM period_rebuild
 WHERE scope_mode = :mode AND from_ms = :from AND to_ms = :to AND start_carried_hash IS NOT NULL;

-- name: delete-contained-rebuilds
DELETE FROM period_rebuild WHERE scope_mode = :mode AND from_ms >= :from AND to_ms <= :to;

-- name: overlapping-rebuilds
-- unfinished rebuilds other than this period's own that overlap [:carriedFrom, :to)
SELECT from_ms, to_ms, command FROM period_rebuild
 WHERE scope_mode = :mode AND from_ms < :to AND to_ms > :carriedFrom AND NOT (from_ms = :from AND to_ms = :to)
 ORDER BY from_ms, to_ms;

-- name: all-periods
-- every recorded period of every scope mode (the import names those its status changes touch)
SELECT scope_mode, from_ms, to_ms FROM reconstructed_period ORDER BY scope_mode, from_ms, to_ms;
