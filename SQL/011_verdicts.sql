-- One verdict per supplier and per supplier x material: what to do, the readiness state with the
-- materials a supplier is ready for, the verdict's risk and the score before its cap. Views gain the
-- columns at their end (CREATE OR REPLACE VIEW may only append) and say WITH (security_barrier) again,
-- since CREATE OR REPLACE VIEW resets a view's options.

ALTER TABLE scorecard_store.supplier_scores
    ADD COLUMN action text,                       -- what to do; NULL when qualified
    ADD COLUMN ready_materials jsonb NOT NULL DEFAULT '[]',   -- ["MAT-…"]: ready for volume with these
    ADD COLUMN verdict_risk text CHECK (verdict_risk IN ('high', 'medium', 'low', 'unknown')),
    ADD COLUMN uncapped_score double precision;   -- the score before the verdict's cap; NULL: not capped

ALTER TABLE scorecard_store.material_decisions
    ADD COLUMN action text,
    ADD COLUMN readiness_state text CHECK (readiness_state IN ('ready', 'not_ready', 'too_few_to_judge'));

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
           s.action, s.ready_materials, s.verdict_risk, s.uncapped_score
    FROM scorecard.latest_run r JOIN scorecard_store.supplier_scores s USING (run_id);
COMMENT ON COLUMN scorecard.supplier_scorecards.scale_up_ready IS
    'Ready for volume on at least one material: the list is ready_materials (conditions per material in scorecard.material_decisions).';
COMMENT ON COLUMN scorecard.supplier_scorecards.grade IS
    'A, B, C or D from the overall score, capped by the status: probation or an open critical flag C at best, conditional B at best.';
COMMENT ON COLUMN scorecard.supplier_scorecards.action IS
    'What to do, one sentence derived from the reasons; NULL when qualified.';
COMMENT ON COLUMN scorecard.supplier_scorecards.ready_materials IS
    'The materials the supplier is ready for volume with (jsonb array of material ids); empty: none.';
COMMENT ON COLUMN scorecard.supplier_scorecards.verdict_risk IS
    'high, medium, low or unknown: the priority-position risk raised by the severity of the open flags.';
COMMENT ON COLUMN scorecard.supplier_scorecards.uncapped_score IS 'The score before the status cap; NULL when not capped.';

CREATE OR REPLACE VIEW scorecard.material_decisions WITH (security_barrier) AS
    SELECT d.run_id, d.supplier_id, d.material_id, d.recommended_status, d.status_reasons, d.scale_up_ready,
           d.readiness_conditions, d.inspection_level, d.skip_lot_candidate, d.switching_score, d.inspection_reasons,
           d.inspection_steps, d.action, d.readiness_state
    FROM scorecard.latest_run r JOIN scorecard_store.material_decisions d USING (run_id);
COMMENT ON COLUMN scorecard.material_decisions.readiness_conditions IS
    'Each scale-up condition: [{key, state: met | not_met | no_data | too_few_to_judge, detail}]; ready when all are met.';
COMMENT ON COLUMN scorecard.material_decisions.action IS
    'What to do, one sentence derived from the reasons; NULL when qualified.';
COMMENT ON COLUMN scorecard.material_decisions.readiness_state IS
    'ready (every condition met), not_ready (one shown not met) or too_few_to_judge (none shown not met, one not yet shown met).';

CREATE OR REPLACE VIEW scorecard.score_history WITH (security_barrier) AS
    SELECT s.supplier_id, r.run_id, r.as_of, s.overall_score, s.grade, s.recommended_status,
           s.priority_risk_level, s.priority_risk_score, s.otd_rate, s.otif_rate, s.ppm, s.coa_conformance_rate,
           s.median_response_hours, s.verdict_risk, s.ready_materials
    FROM scorecard_store.runs r JOIN scorecard_store.supplier_scores s USING (run_id)
    WHERE r.status = 'succeeded' AND r.kind = 'nightly';
