-- Views buyers query. They always read the latest successful run, so a failed or running run never
-- shows half its results. Column meanings are in COMMENTs (psql: \d+ scorecard.supplier_scorecards).

CREATE VIEW scorecard.latest_run AS
    SELECT r.* FROM scorecard.runs r
    WHERE r.status = 'succeeded'
    ORDER BY r.run_id DESC LIMIT 1;
COMMENT ON VIEW scorecard.latest_run IS 'The latest successful run (one row, or none before the first success).';

CREATE VIEW scorecard.supplier_scorecards AS
    SELECT s.supplier_id, s.supplier_name, r.run_id, r.as_of,
           s.otd_rate, s.otif_rate, s.avg_days_late, s.due_lines,
           s.ppm, s.lot_rejection_rate, s.lots_received,
           s.coa_conformance_rate, s.coa_edge_rate, s.missing_coa_lots,
           s.median_response_hours, s.within_sla_rate, s.unanswered_overdue,
           (SELECT count(*) FROM scorecard.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id)
               AS flag_count,
           (SELECT count(*) FROM scorecard.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id
                AND f.severity = 'critical') AS critical_flag_count
    FROM scorecard.latest_run r JOIN scorecard.supplier_scores s USING (run_id);
COMMENT ON VIEW scorecard.supplier_scorecards IS
    'One row per supplier from the latest successful run. Rates are fractions 0-1; NULL means no data.';
COMMENT ON COLUMN scorecard.supplier_scorecards.otd_rate IS
    'On-time delivery: share of order lines due in the current window whose first receipt came by due date + grace.';
COMMENT ON COLUMN scorecard.supplier_scorecards.otif_rate IS
    'On time in full: share of due lines with the ordered quantity (less the tolerance) received by due date + grace.';
COMMENT ON COLUMN scorecard.supplier_scorecards.avg_days_late IS
    'Average days late over due lines (on-time lines count 0; open lines run to the as-of date).';
COMMENT ON COLUMN scorecard.supplier_scorecards.ppm IS
    'Defective parts per million: 1e6 x defective quantity / received quantity, receipts in the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards.lot_rejection_rate IS
    'Share of receipts in the current window with a reject or return defect.';
COMMENT ON COLUMN scorecard.supplier_scorecards.coa_conformance_rate IS
    'Share of numeric CoA verdicts (pass, edge, fail) that are pass or edge, lots in the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards.coa_edge_rate IS
    'Share of numeric CoA verdicts that are edge (inside the tolerance, in its outer band).';
COMMENT ON COLUMN scorecard.supplier_scorecards.missing_coa_lots IS
    'Lots received in the current window, of materials with specifications, with no accepted CoA after the grace days.';
COMMENT ON COLUMN scorecard.supplier_scorecards.median_response_hours IS
    'Median hours to answer messages sent in the current window; unanswered ones past the SLA count with their age.';
COMMENT ON COLUMN scorecard.supplier_scorecards.unanswered_overdue IS
    'Messages sent in the current window still unanswered past the SLA at the as-of date.';

CREATE VIEW scorecard.supplier_flags AS
    SELECT f.run_id, f.supplier_id, f.material_id, f.characteristic, f.kind, f.severity, f.message, f.evidence
    FROM scorecard.latest_run r JOIN scorecard.flags f USING (run_id);
COMMENT ON VIEW scorecard.supplier_flags IS
    'Flags of the latest successful run, each with its one-sentence message and its evidence (jsonb).';

CREATE VIEW scorecard.score_history AS
    SELECT s.supplier_id, r.run_id, r.as_of, s.otd_rate, s.otif_rate, s.ppm, s.coa_conformance_rate,
           s.median_response_hours
    FROM scorecard.runs r JOIN scorecard.supplier_scores s USING (run_id)
    WHERE r.status = 'succeeded';
COMMENT ON VIEW scorecard.score_history IS 'Per supplier and successful run: the headline figures over time.';
