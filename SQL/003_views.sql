-- Schema `scorecard`: the views buyers query (read-only role scorecard_reader, see 004). Stable names; every
-- column is documented below (psql: \d+ scorecard.supplier_scorecards). The "latest" views read the latest
-- successful run, so a failed or running run never shows half its results.
CREATE SCHEMA IF NOT EXISTS scorecard;

CREATE VIEW scorecard.runs AS
    SELECT run_id, as_of, status, started_at, finished_at, host, pid, error, suppliers_scored, documents_accepted,
           documents_rejected, documents_duplicate, flags_raised, input_anomalies, render_error
    FROM scorecard_store.runs;
COMMENT ON VIEW scorecard.runs IS 'Every run: status (running, succeeded, failed), times, counts and error.';
COMMENT ON COLUMN scorecard.runs.as_of IS 'The date the run scored as of (the end of that day in the configured time zone).';
COMMENT ON COLUMN scorecard.runs.error IS 'Why the run failed; NULL otherwise.';
COMMENT ON COLUMN scorecard.runs.input_anomalies IS 'Input rows left out because they break assumptions (named in the log).';
COMMENT ON COLUMN scorecard.runs.render_error IS 'The HTML could not be written after the results were stored (scorecard render redoes it).';

CREATE VIEW scorecard.latest_run AS
    SELECT r.* FROM scorecard.runs r WHERE r.status = 'succeeded' ORDER BY r.run_id DESC LIMIT 1;
COMMENT ON VIEW scorecard.latest_run IS 'The latest successful run (one row, or none before the first success).';

CREATE VIEW scorecard.coa_documents AS
    SELECT document_id, path, supplier_id, format, status, reason, error_line, error_column, duplicate_of,
           material_id, lot_number, manufactured, issued, purchase_order, size_bytes, sha256, received_at,
           ingested_at, reprocessed_at, run_id
    FROM scorecard_store.coa_documents;
COMMENT ON VIEW scorecard.coa_documents IS
    'Every CoA file read from the inbox: accepted, rejected (with the reason and place) or duplicate.';
COMMENT ON COLUMN scorecard.coa_documents.path IS 'Path relative to the inbox: <supplier_id>/...';
COMMENT ON COLUMN scorecard.coa_documents.format IS 'canonical, or the name of the profile that read it.';
COMMENT ON COLUMN scorecard.coa_documents.reason IS 'Why it was rejected, or what it duplicates.';
COMMENT ON COLUMN scorecard.coa_documents.received_at IS 'When the file arrived (its modification time, at most the ingestion time).';

CREATE VIEW scorecard.coa_measurements AS
    SELECT m.document_id, m.position, m.supplier_id, m.material_id, m.lot_number, m.lot_day, m.characteristic,
           m.reported_characteristic, m.method, m.reported_text, m.qualifier, m.value, m.unit, m.value_in_spec_unit,
           m.spec_unit, m.lower_limit, m.upper_limit, m.target, m.spec_valid_from, m.supplier_lower,
           m.supplier_upper, m.supplier_limits_wider, m.band_position, m.verdict, m.note
    FROM scorecard_store.coa_measurements m;
COMMENT ON VIEW scorecard.coa_measurements IS
    'Every reported result of every accepted CoA, with our limits in force on the lot day and the verdict.';
COMMENT ON COLUMN scorecard.coa_measurements.reported_text IS 'The value exactly as the supplier wrote it.';
COMMENT ON COLUMN scorecard.coa_measurements.value_in_spec_unit IS 'The value converted to the specification''s unit.';
COMMENT ON COLUMN scorecard.coa_measurements.band_position IS '0 at our lower limit, 1 at the upper (two-sided specifications only).';
COMMENT ON COLUMN scorecard.coa_measurements.verdict IS
    'pass, edge (in the outer band of the tolerance), fail, no_spec, unit_mismatch, not_numeric or inconclusive.';
COMMENT ON COLUMN scorecard.coa_measurements.supplier_limits_wider IS
    'The supplier''s own stated limits are wider than ours: its release criteria are not ours.';

CREATE VIEW scorecard.supplier_scorecards AS
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
           s.due_lines, s.lots_received, s.within_sla_rate, s.status_reasons, s.score_parts
    FROM scorecard.latest_run r JOIN scorecard_store.supplier_scores s USING (run_id);
COMMENT ON VIEW scorecard.supplier_scorecards IS
    'One row per supplier from the latest successful run. Rates are fractions 0-1; NULL means no data.';
COMMENT ON COLUMN scorecard.supplier_scorecards.overall_score IS
    'Overall score 0-100 from the quality, delivery, responsiveness and risk sub-scores (weights in the configuration); NULL: no data at all.';
COMMENT ON COLUMN scorecard.supplier_scorecards.grade IS 'A, B, C or D from the overall score (bands in the configuration).';
COMMENT ON COLUMN scorecard.supplier_scorecards.recommended_status IS
    'in_qualification, qualified, conditional or probation: a recommendation; the approved supplier list is never edited.';
COMMENT ON COLUMN scorecard.supplier_scorecards.scale_up_ready IS
    'Ready for volume on at least one material (scorecard.material_decisions has the conditions per material).';
COMMENT ON COLUMN scorecard.supplier_scorecards.status_reasons IS 'Why the recommended status, in words with figures (jsonb array).';
COMMENT ON COLUMN scorecard.supplier_scorecards.score_parts IS
    'Each sub-score with its value, weight, effective weight after re-weighting for no data, and basis (jsonb).';
COMMENT ON COLUMN scorecard.supplier_scorecards.otd_rate IS
    'On-time delivery: share of judged order lines due in the current window whose first receipt came by due date + grace.';
COMMENT ON COLUMN scorecard.supplier_scorecards.otif_rate IS
    'On time in full: share of judged due lines with the ordered quantity (less the tolerance) received by due date + grace.';
COMMENT ON COLUMN scorecard.supplier_scorecards.avg_days_late IS
    'Average days late over judged due lines (on-time lines count 0; lines still missing run to the as-of date).';
COMMENT ON COLUMN scorecard.supplier_scorecards.due_lines IS 'Order lines due in the current window and judged.';
COMMENT ON COLUMN scorecard.supplier_scorecards.ppm IS
    'Defective parts per million: 1e6 x defective quantity / received quantity, receipts in the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards.lot_rejection_rate IS
    'Share of receipts in the current window with a reject or return defect.';
COMMENT ON COLUMN scorecard.supplier_scorecards.coa_conformance_rate IS
    'Share of numeric CoA verdicts (pass, edge, fail) that are pass or edge, lots in the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards.coa_edge_rate IS
    'Share of numeric CoA verdicts that are edge (inside the tolerance, in its outer band).';
COMMENT ON COLUMN scorecard.supplier_scorecards.missing_coa_lots IS
    'Lots received in the current window, of materials with specifications, with no accepted CoA within the grace days.';
COMMENT ON COLUMN scorecard.supplier_scorecards.median_response_hours IS
    'Median hours to answer messages sent in the current window; unanswered ones past the SLA count with their age.';
COMMENT ON COLUMN scorecard.supplier_scorecards.within_sla_rate IS 'Share of judged messages answered within the SLA.';
COMMENT ON COLUMN scorecard.supplier_scorecards.unanswered_overdue IS
    'Messages sent in the current window still unanswered past the SLA at the as-of date.';
COMMENT ON COLUMN scorecard.supplier_scorecards.priority_risk_score IS
    'Priority-position risk 0-100 (recent window against baseline; docs/metrics.md gives the formula).';
COMMENT ON COLUMN scorecard.supplier_scorecards.priority_risk_level IS 'low, medium, high or insufficient_data.';
COMMENT ON COLUMN scorecard.supplier_scorecards.flag_count IS 'Flags of the latest run for this supplier.';
COMMENT ON COLUMN scorecard.supplier_scorecards.critical_flag_count IS 'Of which critical.';

CREATE VIEW scorecard.supplier_flags AS
    SELECT f.run_id, f.supplier_id, f.material_id, f.characteristic, f.kind, f.severity, f.message, f.evidence
    FROM scorecard.latest_run r JOIN scorecard_store.flags f USING (run_id);
COMMENT ON VIEW scorecard.supplier_flags IS
    'Flags of the latest successful run, each with its one-sentence message and its evidence (jsonb).';
COMMENT ON COLUMN scorecard.supplier_flags.kind IS
    'priority_position_risk, edge_of_tolerance_drift, out_of_tolerance, missing_coa, coa_rejected, coa_credibility, '
    'single_source, scale_up_cost_gap, scale_up_lead_time_gap or slow_response.';
COMMENT ON COLUMN scorecard.supplier_flags.severity IS 'info, warning or critical.';
COMMENT ON COLUMN scorecard.supplier_flags.evidence IS 'The numbers, lots and dates behind the message.';

CREATE VIEW scorecard.characteristic_capability AS
    SELECT c.run_id, c.supplier_id, c.material_id, c.characteristic, c.unit, c.lower_limit, c.upper_limit, c.lots,
           c.first_lot_day, c.last_lot_day,
           c.baseline_n, c.baseline_mean, c.baseline_sd, c.baseline_cp, c.baseline_cpk,
           c.recent_n, c.recent_mean, c.recent_sd, c.recent_cp, c.recent_cpk,
           c.edge_share_baseline, c.edge_share_recent, c.monitored, c.ewma, c.ewma_lower_limit, c.ewma_upper_limit,
           c.ewma_signal_lot, c.trend_signal_lot, c.edge_share_signal, c.drift_direction, c.recent_slope_per_lot,
           c.projected_lots_to_limit
    FROM scorecard.latest_run r JOIN scorecard_store.characteristic_capability c USING (run_id);
COMMENT ON VIEW scorecard.characteristic_capability IS
    'Latest run, per supplier x material x characteristic: baseline (first lots) against recent lots, capability, drift.';
COMMENT ON COLUMN scorecard.characteristic_capability.baseline_cpk IS 'Cpk of the baseline lots (the small-batch baseline).';
COMMENT ON COLUMN scorecard.characteristic_capability.recent_cpk IS 'Cpk of the most recent lots.';
COMMENT ON COLUMN scorecard.characteristic_capability.drift_direction IS 'upper or lower: the limit the series drifts toward; NULL: no drift.';
COMMENT ON COLUMN scorecard.characteristic_capability.projected_lots_to_limit IS
    'Lots until the limit is reached at the recent rate; NULL when moving away or flat.';

CREATE VIEW scorecard.score_history AS
    SELECT s.supplier_id, r.run_id, r.as_of, s.overall_score, s.grade, s.recommended_status,
           s.priority_risk_level, s.priority_risk_score, s.otd_rate, s.otif_rate, s.ppm, s.coa_conformance_rate,
           s.median_response_hours
    FROM scorecard_store.runs r JOIN scorecard_store.supplier_scores s USING (run_id)
    WHERE r.status = 'succeeded';
COMMENT ON VIEW scorecard.score_history IS 'Per supplier and successful run: the headline figures over time.';

CREATE VIEW scorecard.material_decisions AS
    SELECT d.run_id, d.supplier_id, d.material_id, d.recommended_status, d.status_reasons, d.scale_up_ready,
           d.readiness_conditions, d.inspection_level, d.skip_lot_candidate, d.switching_score, d.inspection_reasons,
           d.inspection_steps
    FROM scorecard.latest_run r JOIN scorecard_store.material_decisions d USING (run_id);
COMMENT ON VIEW scorecard.material_decisions IS
    'Latest run, per supplier x material: recommended status, scale-up readiness with each condition, ISO 2859-1 inspection level.';
COMMENT ON COLUMN scorecard.material_decisions.readiness_conditions IS
    'Each scale-up condition: [{key, state: met | not_met | no_data, detail}]; ready when all are met.';
COMMENT ON COLUMN scorecard.material_decisions.inspection_level IS
    'Recommended inspection: normal, tightened, reduced or discontinue (ISO 2859-1 switching rules over the look-back).';
COMMENT ON COLUMN scorecard.material_decisions.skip_lot_candidate IS 'Qualifies for ISO 2859-3 skip-lot (docs/decisions.md).';
COMMENT ON COLUMN scorecard.material_decisions.inspection_steps IS 'Every lot of the switching-rule replay, as evidence.';

CREATE VIEW scorecard.status_changes AS
    SELECT c.run_id, c.supplier_id, c.material_id, c.from_status, c.to_status, c.line
    FROM scorecard.latest_run r JOIN scorecard_store.status_changes c USING (run_id);
COMMENT ON VIEW scorecard.status_changes IS
    'Recommended-status changes of the latest run against the previous successful one, e.g. qualified -> probation, with the reasons.';
