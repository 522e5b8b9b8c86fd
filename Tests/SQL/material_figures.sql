-- Per supplier x material figures of the current window (migration 017), stored by the run and read by the
-- views, on the hand-computed world (Tests/SQL/fixtures/hand_computed_world.sql) after the runs as of
-- 2026-06-30 and 2026-07-01. As of 07-01 the current window is 2026-04-03 ... 2026-07-01; SUP-A's MAT-1 lines
-- are judged: L1 on time in full, L2 on time not in full, L3 11 days late, L6 in full (197 of 200), L7 1 day late.
BEGIN;
SELECT plan(12);

SELECT col_type_is('scorecard', 'supplier_material_figures', 'current_otd_rate', 'numeric', 'OTD numeric');
SELECT col_type_is('scorecard', 'supplier_material_figures', 'open_value', 'numeric', 'open value numeric');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname = 'supplier_material_figures'
           AND relnamespace = 'scorecard'::regnamespace AND 'security_barrier=true' = ANY (reloptions)), 1,
    'the latest view stays a security barrier');

-- Delivery: 3 of 5 on time, 2 of 5 on time in full, (0 + 0 + 11 + 0 + 1) / 5 days late.
SELECT results_eq(
    $$ SELECT current_due_lines, current_otd_rate, current_otif_rate, current_avg_days_late
       FROM scorecard.supplier_material_figures WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (5, 0.6000::numeric, 0.4000::numeric, 2.40::numeric) $$,
    'OTD 3/5, OTIF 2/5, days late 12/5 over the due lines');
-- Quality: 6 defective of 397 received, 4 lots.
SELECT results_eq(
    $$ SELECT current_ppm, current_lots_received FROM scorecard.supplier_material_figures
       WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (round(6e6 / 397.0, 1), 4) $$,
    'PPM 6 of 397 received, 4 lots');
-- Lead times 15 (L1), 13 (L2) and 29 (L6) days: median 15; CV sd / mean; no quotation known to the run.
SELECT results_eq(
    $$ SELECT current_median_lead_time_days, current_lead_time_lines, current_lead_time_cv,
              current_quoted_lead_time_days FROM scorecard.supplier_material_figures
       WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (15.0::numeric, 3, round((sqrt(((15 - 19)^2 + (13 - 19)^2 + (29 - 19)^2) / 2.0) / 19)::numeric, 3),
               NULL::numeric) $$,
    'actual lead time median 15 days of 3 lines, its CV; no quoted lead time without quotations');
-- Typical order: the median of 10, 50, 80, 100, 100, 200 kg ordered in the window (L4 cancelled) = 90 kg;
-- the run knew no quotation, so no tier applies.
SELECT results_eq(
    $$ SELECT typical_order_quantity, order_unit, unit_mismatch, volume_tier_quotation_id, volume_tier_unit_price,
              currency FROM scorecard.supplier_material_figures WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (90.000::numeric, 'kg'::text, false, NULL::text, NULL::numeric, NULL::text) $$,
    'typical order 90 kg; no volume tier without quotations; currency not recorded');
-- Open: L3 50, L5 80, L7 10 and the 3 kg L6 still lacks, at 5.0 per kg.
SELECT results_eq(
    $$ SELECT open_lines, open_quantity, open_unit, open_value, unpriced_open_lines, supplier_open_value
       FROM scorecard.supplier_material_figures WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (4, 143.000::numeric, 'kg'::text, 715.00::numeric, 0, 715.00::numeric) $$,
    'open order volume 143 kg worth 715 (currency not recorded)');
SELECT is(
    (SELECT open_quantity FROM scorecard.supplier_material_figures WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1'),
    (SELECT round(sum(open_quantity)::numeric, 3) FROM scorecard.open_order_lines
     WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1'),
    'the stored open quantity equals the open order lines''');
SELECT is(
    (SELECT current_otd_rate FROM scorecard.supplier_material_figures WHERE supplier_id = 'SUP-A' AND material_id = 'MAT-1'),
    (SELECT otd_rate FROM scorecard.supplier_scorecards_history h JOIN scorecard.latest_run USING (run_id)
     WHERE h.supplier_id = 'SUP-A'),
    'a supplier of one material: its material OTD is its OTD');
-- As of 06-30 L7 (due that day) is still open, not judged: 3 of 4 on time, 10 / 4 days late.
SELECT results_eq(
    $$ SELECT current_due_lines, current_otd_rate, current_avg_days_late FROM scorecard.supplier_material_figures_history
       WHERE as_of = '2026-06-30' AND supplier_id = 'SUP-A' AND material_id = 'MAT-1' $$,
    $$ VALUES (4, 0.7500::numeric, 2.50::numeric) $$,
    'history: the run as of 06-30 judged 4 lines');
SELECT is(
    (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
     WHERE a.attrelid = 'scorecard.supplier_material_figures'::regclass AND a.attnum > 0
       AND col_description(a.attrelid, a.attnum) IS NULL),
    NULL, 'every column of the latest view is commented');

SELECT * FROM finish();
ROLLBACK;
