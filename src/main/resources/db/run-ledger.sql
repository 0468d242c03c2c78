-- Rejects and per-source counts of a run (run = Spring Batch job instance).

-- name: insert-reject
INSERT INTO reject_record (run_id, source, record_no, reason, raw_fields) VALUES (?, ?, ?, ?, ?);

-- name: count-rejects
SELECT COUNT(*) FROM reject_record WHERE run_id = ?;

-- name: select-rejects
SELECT source, record_no, reason, raw_fields FROM reject_record WHERE run_id = ? ORDER BY source, record_no;

-- name: add-counts
UPDATE run_count SET accepted = accepted + ?, rejected = rejected + ?, duplicates = duplicates + ?
 WHERE run_id = ? AND source = ?;

-- name: insert-counts
INSERT INTO run_count (run_id, source, accepted, rejected, duplicates) VALUES (?, ?, ?, ?, ?);

-- name: select-counts
SELECT source, accepted, rejected, duplicates FROM run_count WHERE run_id = ? ORDER BY source;
