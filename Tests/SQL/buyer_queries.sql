-- The README's "Querying the scorecards" queries, verbatim (scripts/sql-tests checks that each README query
-- appears here), with their results on the hand-computed world after runs as of 2026-06-30 and 2026-07-01.
BEGIN;
SELECT plan(12);
SET ROLE scorecard_reader;

-- 1. This morning's scorecard, worst on-time delivery first
SELECT results_eq(
$$
SELECT supplier_id, supplier_name, otd_rate, otif_rate, avg_days_late, ppm, priority_risk_level
FROM scorecard.supplier_scorecards
ORDER BY otd_rate NULLS LAST, supplier_id;
$$,
$$ VALUES ('SUP-A'::text, 'Alpha Chemicals'::text, 0.6::float8, 0.4::float8, 2.4::float8, 6e6 / 397::float8,
           'insufficient_data'::text),
          ('SUP-B', 'Beta Silent', NULL, NULL, NULL, NULL, 'insufficient_data') $$,
'query 1: scorecard by on-time delivery');

-- 2. Who got worse since the previous run
SELECT results_eq(
$$
SELECT now.supplier_id, before.otd_rate AS otd_before, now.otd_rate AS otd_now
FROM scorecard.score_history now
JOIN scorecard.score_history before
  ON before.supplier_id = now.supplier_id
 AND before.run_id = (SELECT max(run_id) FROM scorecard.score_history WHERE run_id < now.run_id)
WHERE now.run_id = (SELECT run_id FROM scorecard.latest_run)
  AND now.otd_rate < before.otd_rate
ORDER BY now.otd_rate - before.otd_rate;
$$,
$$ VALUES ('SUP-A'::text, 0.75::float8, 0.6::float8) $$,
'query 2: who got worse since the previous run');

-- 3. Critical flags, with the evidence to act on
SELECT results_eq(
$$
SELECT supplier_id, material_id, kind, message, evidence
FROM scorecard.supplier_flags
WHERE severity = 'critical'
ORDER BY supplier_id, kind, material_id;
$$,
$$ SELECT supplier_id, material_id, kind, message, evidence FROM scorecard.supplier_flags
   WHERE severity = 'critical' AND kind = 'missing_coa' AND supplier_id = 'SUP-A' $$,
'query 3: critical flags (the hand world has one: MAT-1 lots without CoA)');
SELECT is(
    (SELECT (evidence -> 'lots') IS NOT NULL FROM scorecard.supplier_flags WHERE kind = 'missing_coa'),
    true, 'query 3: the missing_coa evidence lists the lots');

RESET ROLE;
-- Rows for queries 4 and 5, inside this transaction only.
INSERT INTO scorecard_store.coa_documents (document_id, sha256, path, supplier_id, status, reason, error_line,
    size_bytes, run_id, received_at)
VALUES (900001, 'x1', 'SUP-A/bad.xml', 'SUP-A', 'rejected', 'not well-formed XML: tag mismatch', 7, 10,
        (SELECT run_id FROM scorecard.latest_run), '2026-06-30 10:00Z'),
       (900002, 'x2', 'SUP-A/old.xml', 'SUP-A', 'rejected', 'no lot number', NULL, 10,
        (SELECT run_id FROM scorecard.latest_run), '2026-06-01 10:00Z');
INSERT INTO scorecard_store.characteristic_capability (run_id, supplier_id, material_id, characteristic, lots,
    first_lot_day, last_lot_day, baseline_n, recent_n, sigma_used, edge_share_baseline, edge_share_recent, monitored,
    edge_share_signal, drift_direction, recent_cpk, projected_lots_to_limit, upper_limit, drift_p_value, drift_test,
    drift_shift_sigmas)
VALUES ((SELECT run_id FROM scorecard.latest_run), 'SUP-A', 'MAT-1', 'assay', 30, '2026-01-01', '2026-06-20', 10, 10,
        0.1, 0, 0.4, true, true, 'upper', 0.9, 4.5, 100.5, 0.0001, 'trend_vs_baseline', 2.4),
       ((SELECT run_id FROM scorecard.latest_run), 'SUP-A', 'MAT-1', 'lead', 30, '2026-01-01', '2026-06-20', 10, 10,
        0.1, 0, 0, true, false, NULL, 2.1, NULL, 10, 0.03, 'recent_vs_earlier', 0.9);
SET ROLE scorecard_reader;

-- 4. CoAs rejected in the 7 days up to the run's as-of date, with the reason and place
SELECT results_eq(
$$
SELECT supplier_id, path, reason, error_line
FROM scorecard.coa_documents
WHERE status = 'rejected'
  AND received_at::date > (SELECT as_of FROM scorecard.latest_run) - 7
ORDER BY received_at DESC;
$$,
$$ VALUES ('SUP-A'::text, 'SUP-A/bad.xml'::text, 'not well-formed XML: tag mismatch'::text, 7) $$,
'query 4: recent rejected CoAs');

-- 5. Characteristics drifting toward a limit, soonest first
SELECT results_eq(
$$
SELECT supplier_id, material_id, characteristic, drift_direction, recent_cpk, projected_lots_to_limit
FROM scorecard.characteristic_capability
WHERE drift_direction IS NOT NULL
ORDER BY projected_lots_to_limit NULLS LAST;
$$,
$$ VALUES ('SUP-A'::text, 'MAT-1'::text, 'assay'::text, 'upper'::text, 0.9::float8, 4.5::float8) $$,
'query 5: drifting characteristics');

-- 6. Series close to being flagged, strongest first
SELECT results_eq(
$$
SELECT supplier_id, material_id, characteristic, drift_p_value, drift_test, drift_shift_sigmas
FROM scorecard.characteristic_capability
WHERE drift_p_value < 0.05
ORDER BY drift_p_value;
$$,
$$ VALUES ('SUP-A'::text, 'MAT-1'::text, 'assay'::text, 0.0001::float8, 'trend_vs_baseline'::text, 2.4::float8),
          ('SUP-A'::text, 'MAT-1'::text, 'lead'::text, 0.03::float8, 'recent_vs_earlier'::text, 0.9::float8) $$,
'query 6: series close to a drift flag');

RESET ROLE;
-- Rows for queries 7 to 11: a pending second source of MAT-1, quotation tiers, a CoA with an edge result, a
-- priority-risk flag on SUP-A.
INSERT INTO procurement.suppliers (supplier_id, name, country) VALUES ('SUP-C', 'Gamma Minerals', 'IT');
INSERT INTO procurement.approved_sources VALUES ('SUP-C', 'MAT-1', 'G-ZN', 'pending', NULL);
INSERT INTO procurement.quotations VALUES
    ('Q1', 'SUP-A', 'MAT-1', '2026-01-01', 1, 6.00, 20, NULL),
    ('Q2', 'SUP-A', 'MAT-1', '2026-01-01', 500, 5.00, 30, NULL),
    ('Q6', 'SUP-C', 'MAT-1', '2026-06-20', 100, 5.20, 40, '2026-12-31');
INSERT INTO scorecard_store.coa_documents (document_id, sha256, path, supplier_id, status, material_id, lot_number,
    size_bytes, run_id, received_at)
VALUES (910001, 'y1', 'SUP-A/a4.xml', 'SUP-A', 'accepted', 'MAT-1', 'A4', 10, 2, '2026-06-20 10:00Z');
INSERT INTO scorecard_store.coa_measurements (document_id, position, supplier_id, material_id, lot_number, lot_day,
    characteristic, reported_characteristic, reported_text, value, unit, value_in_spec_unit, spec_unit, lower_limit,
    upper_limit, band_position, verdict)
VALUES (910001, 1, 'SUP-A', 'MAT-1', 'A4', '2026-06-20', 'assay', 'Assay', '100.45', 100.45, '%', 100.45, '%', 99.0,
        100.5, 0.9666666666666667, 'edge'),
       (910001, 2, 'SUP-A', 'MAT-1', 'A0', '2026-05-01', 'assay', 'Assay', '99.05', 99.05, '%', 99.05, '%', 99.0,
        100.5, 0.0333333333333333, 'edge');
INSERT INTO scorecard_store.flags (run_id, flag_id, supplier_id, kind, severity, message)
VALUES (2, 99, 'SUP-A', 'priority_position_risk', 'warning', 'OTD fell from 75 % to 60 %.');
SET ROLE scorecard_reader;

-- 7. Suppliers of critical materials that got worse since the previous run, and why
SELECT results_eq(
$$
SELECT c.supplier_id, c.item, c.before_value, c.now_value,
       (SELECT string_agg(r.reason, '; ' ORDER BY r.position) FROM scorecard.status_reasons r
        WHERE r.supplier_id = c.supplier_id AND r.material_id IS NULL) AS reasons
FROM scorecard.run_changes c
WHERE c.change = 'worse'
  AND EXISTS (SELECT 1 FROM scorecard.approved_sources a
              WHERE a.supplier_id = c.supplier_id AND a.criticality = 'critical')
ORDER BY c.supplier_id, c.item;
$$,
$$ SELECT 'SUP-A'::text, x.item, x.before_value, x.now_value,
          '4 lots and 5 judged due lines in the look-back (qualification needs 5 and 5); 4 lots of MAT-1 without a CoA in time'::text
   FROM (VALUES (1, 'median_response_hours'::text, 55.5::numeric, 67.5::numeric), (2, 'otd_rate', 0.75, 0.6),
                (3, 'otif_rate', 0.5, 0.4),
                (4, 'overall_score', (SELECT overall_score FROM scorecard.supplier_scorecards_history
                                      WHERE run_id = 1 AND supplier_id = 'SUP-A'),
                                     (SELECT overall_score FROM scorecard.supplier_scorecards_history
                                      WHERE run_id = 2 AND supplier_id = 'SUP-A'))) x(o, item, before_value, now_value)
   ORDER BY x.o $$,
'query 7: critical-material suppliers that got worse, and why');

-- 8. The sources of one material side by side, with the price of my next order (600 kg)
SELECT results_eq(
$$
SELECT a.supplier_id, a.approval_status, a.recommended_status, p.quotation_id, p.unit_price, p.currency,
       p.quantity_unit, p.order_price, p.lead_time_days
FROM scorecard.approved_sources a
LEFT JOIN LATERAL scorecard.price_at(a.material_id, 600) p ON p.supplier_id = a.supplier_id
WHERE a.material_id = 'MAT-1'
ORDER BY p.order_price NULLS LAST, a.supplier_id;
$$,
$$ VALUES ('SUP-A'::text, 'approved'::text, 'in_qualification'::text, 'Q2'::text, 5.00::numeric, NULL::text,
           'kg'::text, 3000::numeric, 30),
          ('SUP-C', 'pending', NULL, 'Q6', 5.20, NULL, NULL, 3120, 40) $$,
'query 8: sources of MAT-1 with the price at 600');

-- 9. Lots with a result in the edge band in the last 30 days up to the run's as-of date
SELECT results_eq(
$$
SELECT m.supplier_id, m.material_id, m.lot_number, m.lot_day, m.characteristic, m.value_in_spec_unit, m.spec_unit,
       round(m.band_position::numeric, 3) AS band_position
FROM scorecard.coa_measurements m
WHERE m.verdict = 'edge'
  AND m.lot_day > (SELECT as_of FROM scorecard.latest_run) - 30
ORDER BY m.lot_day DESC, m.supplier_id, m.characteristic;
$$,
$$ VALUES ('SUP-A'::text, 'MAT-1'::text, 'A4'::text, '2026-06-20'::date, 'assay'::text, 100.45::float8, '%'::text,
           0.967::numeric) $$,
'query 9: edge lots of the last 30 days');

-- 10. Single-sourced critical materials, with the status of every source including the alternatives
SELECT results_eq(
$$
SELECT m.material_id, m.material_name, m.usable_sources, m.required_sources, a.supplier_id, a.approval_status,
       a.recommended_status
FROM scorecard.materials m
JOIN scorecard.approved_sources a USING (material_id)
WHERE m.single_sourced
ORDER BY m.material_id, a.usable DESC, a.supplier_id;
$$,
$$ VALUES ('MAT-1'::text, 'Zinc oxide'::text, 1, 2, 'SUP-A'::text, 'approved'::text, 'in_qualification'::text),
          ('MAT-1', 'Zinc oxide', 1, 2, 'SUP-C', 'pending', NULL) $$,
'query 10: single-sourced critical materials and their alternatives');

-- 11. The late orders behind a priority-risk flag
SELECT results_eq(
$$
SELECT l.supplier_id, l.order_line_id, l.material_id, l.due, l.first_receipt, l.days_late, l.quantity, l.unit,
       l.large
FROM scorecard.judged_order_lines l
WHERE l.delivery_window = 'current' AND NOT l.on_time
  AND EXISTS (SELECT 1 FROM scorecard.supplier_flags f
              WHERE f.supplier_id = l.supplier_id AND f.kind = 'priority_position_risk')
ORDER BY l.supplier_id, l.days_late DESC, l.order_line_id;
$$,
$$ VALUES ('SUP-A'::text, 'L3'::text, 'MAT-1'::text, '2026-06-20'::date, NULL::date, 11, 50::numeric, 'kg'::text,
           NULL::boolean),
          ('SUP-A', 'L7', 'MAT-1', '2026-06-30', NULL, 1, 10, 'kg', NULL) $$,
'query 11: late orders behind the priority-risk flag');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
