-- The README's "Querying the scorecards" queries, verbatim (scripts/sql-tests checks that each README query
-- appears here), with their results on the hand-computed world after runs as of 2026-06-30 and 2026-07-01.
BEGIN;
SELECT plan(7);
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
        (SELECT run_id FROM scorecard.latest_run), now() - interval '1 day'),
       (900002, 'x2', 'SUP-A/old.xml', 'SUP-A', 'rejected', 'no lot number', NULL, 10,
        (SELECT run_id FROM scorecard.latest_run), now() - interval '30 days');
INSERT INTO scorecard_store.characteristic_capability (run_id, supplier_id, material_id, characteristic, lots,
    first_lot_day, last_lot_day, baseline_n, recent_n, sigma_used, edge_share_baseline, edge_share_recent, monitored,
    edge_share_signal, drift_direction, recent_cpk, projected_lots_to_limit, upper_limit, drift_p_value, drift_test,
    drift_shift_sigmas)
VALUES ((SELECT run_id FROM scorecard.latest_run), 'SUP-A', 'MAT-1', 'assay', 30, '2026-01-01', '2026-06-20', 10, 10,
        0.1, 0, 0.4, true, true, 'upper', 0.9, 4.5, 100.5, 0.0001, 'trend_vs_baseline', 2.4),
       ((SELECT run_id FROM scorecard.latest_run), 'SUP-A', 'MAT-1', 'lead', 30, '2026-01-01', '2026-06-20', 10, 10,
        0.1, 0, 0, true, false, NULL, 2.1, NULL, 10, 0.03, 'recent_vs_earlier', 0.9);
SET ROLE scorecard_reader;

-- 4. CoAs rejected in the last 7 days, with the reason and place
SELECT results_eq(
$$
SELECT supplier_id, path, reason, error_line
FROM scorecard.coa_documents
WHERE status = 'rejected' AND received_at > now() - interval '7 days'
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
SELECT * FROM finish();
ROLLBACK;
