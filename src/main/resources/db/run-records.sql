-- Rejects and per-source counts of a run (run = Spring Batch job instance).

-- name: insert-reject
INSERT INTO reject_record (run_id, source, record_no, reason, raw_fields) VALUES (:runId, :source, :record, :reason, :raw);

-- name: count-rejects
SELECT COUNT(*) FROM reject_record WHERE run_id = :runId;

-- name: select-rejects
SELECT source, record_no, reason, raw_fields FROM reject_record WHERE run_id = :runId ORDER BY source, record_no;

-- name: add-counts
UPDATE run_count SET accepted = accepted + :accepted, rejected = rejected + :rejected,
  duplicates = duplicates + :duplicates
 WHERE run_id = :runId AND source = :source;

-- name: insert-counts
INSERT INTO run_count (run_id, source, accepted, rejected, duplicates) VALUES (:runId, :source, :accepted, :rejected, :duplicates);

-- name: select-counts
SELECT source, accepted, rejected, duplicates FROM run_count WHERE run_id = :runId ORDER BY source;
