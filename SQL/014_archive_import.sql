-- A CoA archive imported on the first night (`scorecard run --archive DIR`): its files carry the day they
-- were copied, not the day they arrived, so each document records the arrival its own dates give, and that
-- it came from an archive: such a document is never counted as late.
ALTER TABLE scorecard_store.coa_documents
    ADD COLUMN imported_from_archive boolean NOT NULL DEFAULT false,
    -- The file's modification time when it differs from received_at (an archive's files): what the intake's
    -- quick check compares, so an imported file is not read again every night.
    ADD COLUMN file_modified_at timestamptz;

-- New columns go at the end: CREATE OR REPLACE VIEW may only add columns after the existing ones, and it
-- resets the view's options, so security_barrier is said again.
CREATE OR REPLACE VIEW scorecard.coa_documents WITH (security_barrier) AS
    SELECT document_id, path, supplier_id, format, status, reason, error_line, error_column, duplicate_of,
           material_id, lot_number, manufactured, issued, purchase_order, size_bytes, sha256, received_at,
           ingested_at, reprocessed_at, run_id, warnings, imported_from_archive
    FROM scorecard_store.coa_documents;
COMMENT ON COLUMN scorecard.coa_documents.imported_from_archive IS
    'Imported with scorecard run --archive: received_at is the issue date (else the lot''s first receipt, else the manufacture date), never after the file''s time; never counted as late.';

-- Since when a supplier's certificates are collected (coa.collected_since, or its own
-- coa.collected_since.<SUPPLIER_ID>): lots received before it are never missing a CoA. NULL: always.
ALTER TABLE scorecard_store.supplier_scores ADD COLUMN coa_collected_since date;

CREATE OR REPLACE VIEW scorecard.supplier_scorecards WITH (security_barrier) AS
    SELECT s.supplier_id, s.supplier_name, r.run_id, r.as_of,
           s.overall_score, s.grade, s.recommended_status, s.scale_up_ready,
           s.otd_rate, s.otif_rate, s.avg_days_late, s.ppm, s.lot_rejection_rate,
           s.coa_conformance_rate, s.coa_edge_rate, s.missing_coa_lots,
           s.median_response_hours, s.unanswered_overdue,
           s.priority_risk_score, s.priority_risk_level,
           (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id)
               AS flag_count,
           (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id
                AND f.severity = 'critical') AS critical_flag_count,
           s.due_lines, s.lots_received, s.within_sla_rate, s.status_reasons, s.score_parts,
           s.action, s.ready_materials, s.verdict_risk, s.uncapped_score, s.coa_collected_since
    FROM scorecard.latest_run r JOIN scorecard_store.supplier_scores s USING (run_id);
COMMENT ON COLUMN scorecard.supplier_scorecards.coa_collected_since IS
    'CoAs are collected since this day: lots received before it are never counted as missing a CoA. NULL: no start date set.';

-- What an operator must know to read a run right, e.g. a bulk arrival of certificates for old lots.
CREATE TABLE scorecard_store.run_notices (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs,
    position integer NOT NULL,
    kind text NOT NULL,                          -- e.g. 'bulk_arrival'
    notice text NOT NULL,                        -- the sentence the index and the log show
    PRIMARY KEY (run_id, position));

CREATE VIEW scorecard.run_notices WITH (security_barrier) AS
    SELECT n.run_id, r.as_of, n.position, n.kind, n.notice
    FROM scorecard_store.run_notices n JOIN scorecard_store.runs r USING (run_id);
COMMENT ON VIEW scorecard.run_notices IS
    'Per run: what an operator must know to read it right (bulk_arrival: many certificates for lots received long before).';
