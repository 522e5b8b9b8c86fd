-- The second edition of the buyers' views (migration 013): every view and column documented, the types a buyer
-- expects, the reader role's reach, and each view's rows on the hand-computed world after the runs as of
-- 2026-06-30 and 2026-07-01 (Tests/SQL/fixtures/hand_computed_world.sql), with a few rows added here.
BEGIN;
SELECT plan(43);

-- Documentation: a failure names what is missing.
SELECT is(
    (SELECT array_agg(c.relname::text || '.' || a.attname ORDER BY c.relname, a.attnum)
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped
       AND col_description(c.oid, a.attnum) IS NULL),
    NULL, 'every column of every view has a comment');
SELECT is(
    (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL),
    NULL, 'every view has a comment');
SELECT is(
    (SELECT array_agg(p.proname::text) FROM pg_proc p
     WHERE p.pronamespace = 'scorecard'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL),
    NULL, 'every function has a comment');
SELECT has_function('scorecard', 'price_at', ARRAY['text', 'numeric'], 'price_at(material, quantity)');

-- Types: rates and figures of the new views are numeric.
SELECT col_type_is('scorecard', 'supplier_scorecards_history', 'otd_rate', 'numeric', 'history: otd_rate numeric');
SELECT col_type_is('scorecard', 'supplier_scorecards_history', 'overall_score', 'numeric', 'history: score numeric');
SELECT col_type_is('scorecard', 'readiness_conditions', 'value', 'numeric', 'conditions: value numeric');
SELECT col_type_is('scorecard', 'supplier_material_figures', 'otd_last_lines_rate', 'numeric', 'figures: OTD numeric');
SELECT col_type_is('scorecard', 'quotation_tiers', 'unit_price', 'numeric', 'tiers: price numeric');
SELECT col_type_is('scorecard', 'quotation_tiers', 'currency', 'text', 'tiers: currency text');
SELECT col_type_is('scorecard', 'judged_order_lines', 'quantity', 'numeric', 'lines: quantity numeric');
SELECT col_type_is('scorecard', 'characteristic_capability_history', 'recent_cpk', 'numeric', 'capability: Cpk numeric');
SELECT col_type_is('scorecard', 'run_changes', 'now_value', 'numeric', 'changes: values numeric');
SELECT is((SELECT round(otd_rate, 3) FROM scorecard.supplier_scorecards_history WHERE run_id = 2 AND supplier_id = 'SUP-A'),
    0.600, 'round(otd_rate, 3) works on the history');

-- The reader's reach: every view, no base table, no ERP table.
SELECT is(
    (SELECT array_agg(c.relname::text) FROM pg_class c
     WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relkind = 'v'
       AND NOT has_table_privilege('scorecard_reader', c.oid, 'SELECT')),
    NULL, 'the reader reads every view');
SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('scorecard_store', 'procurement') AND c.relkind IN ('r', 'v', 'm')
       AND has_table_privilege('scorecard_reader', c.oid, 'SELECT, INSERT, UPDATE, DELETE')),
    NULL, 'the reader has no right on a base table');

-- Rows for the master data and the drill-downs, inside this transaction only: a second, pending source of
-- MAT-1, quotation tiers, CoAs of two lots, an edge result and a priority-risk flag.
INSERT INTO procurement.suppliers (supplier_id, name, country) VALUES ('SUP-C', 'Gamma Minerals', 'IT');
INSERT INTO procurement.approved_sources VALUES ('SUP-C', 'MAT-1', 'G-ZN', 'pending', NULL);
INSERT INTO procurement.quotations VALUES
    ('Q1', 'SUP-A', 'MAT-1', '2026-01-01', 1, 6.00, 20, NULL),
    ('Q2', 'SUP-A', 'MAT-1', '2026-01-01', 500, 5.00, 30, NULL),
    ('Q3', 'SUP-A', 'MAT-1', '2025-06-01', 500, 5.50, 30, NULL),          -- superseded by Q2
    ('Q5', 'SUP-C', 'MAT-1', '2026-01-01', 100, 4.80, 45, '2026-06-15'),   -- expired at the as-of date
    ('Q6', 'SUP-C', 'MAT-1', '2026-06-20', 100, 5.20, 40, '2026-12-31');
INSERT INTO scorecard_store.coa_documents (document_id, sha256, path, supplier_id, status, reason, material_id,
    lot_number, size_bytes, run_id, received_at)
VALUES (910001, 'y1', 'SUP-A/a4.xml', 'SUP-A', 'accepted', NULL, 'MAT-1', 'A4', 10, 2, '2026-06-20 10:00Z'),
       (910002, 'y2', 'SUP-A/a3.xml', 'SUP-A', 'rejected', 'assay: no unit', 'MAT-1', 'A3', 10, 2, '2026-06-21 10:00Z');
INSERT INTO scorecard_store.coa_measurements (document_id, position, supplier_id, material_id, lot_number, lot_day,
    characteristic, reported_characteristic, reported_text, value, unit, value_in_spec_unit, spec_unit, lower_limit,
    upper_limit, band_position, verdict)
VALUES (910001, 1, 'SUP-A', 'MAT-1', 'A4', '2026-06-20', 'assay', 'Assay', '100.45', 100.45, '%', 100.45, '%', 99.0,
        100.5, 0.9666666666666667, 'edge'),
       (910001, 2, 'SUP-A', 'MAT-1', 'A4', '2026-06-20', 'lead', 'Pb', '4', 4, 'mg/kg', 4, 'mg/kg', NULL, 10, NULL, 'pass'),
       (910001, 3, 'SUP-A', 'MAT-1', 'A0', '2026-05-01', 'assay', 'Assay', '99.05', 99.05, '%', 99.05, '%', 99.0,
        100.5, 0.0333333333333333, 'edge');
INSERT INTO scorecard_store.flags (run_id, flag_id, supplier_id, kind, severity, message)
VALUES (2, 99, 'SUP-A', 'priority_position_risk', 'warning', 'OTD fell from 75 % to 60 %.');

SET ROLE scorecard_reader;

-- Master data.
SELECT results_eq(
    $$ SELECT material_id, material_name, criticality, characteristics_in_force, single_sourced, usable_sources
       FROM scorecard.materials ORDER BY material_id $$,
    $$ VALUES ('MAT-1'::text, 'Zinc oxide'::text, 'critical'::text, 2, true, 1), ('MAT-2', 'Talc', 'minor', 0, false, 1) $$,
    'materials: name, criticality, specifications in force, sourcing');
SELECT is((SELECT specifications_in_force -> 0 ->> 'characteristic' FROM scorecard.materials WHERE material_id = 'MAT-1'),
    'assay', 'materials: the specifications in force, by characteristic');
SELECT is((SELECT count(*)::int FROM scorecard.specifications WHERE in_force), 2, 'specifications: two in force');
SELECT results_eq(
    $$ SELECT supplier_id, material_id, supplier_part_number, approval_status, approved_on, usable, recommended_status
       FROM scorecard.approved_sources ORDER BY material_id, supplier_id $$,
    $$ VALUES ('SUP-A'::text, 'MAT-1'::text, 'ZN-200'::text, 'approved'::text, '2025-01-01'::date, true,
               'in_qualification'::text),
              ('SUP-C', 'MAT-1', 'G-ZN', 'pending', NULL, false, NULL),
              ('SUP-B', 'MAT-2', NULL, 'approved', '2025-01-01', true, NULL) $$,
    'approved sources: status, part number, approved on, the run''s recommendation');
SELECT results_eq(
    $$ SELECT quotation_id, current, min_quantity, max_quantity, quantity_unit, currency
       FROM scorecard.quotation_tiers ORDER BY quotation_id $$,
    $$ VALUES ('Q1'::text, true, 1::numeric, 500::numeric, 'kg'::text, NULL::text),
              ('Q2', true, 500, NULL, 'kg', NULL),
              ('Q3', false, 500, NULL, 'kg', NULL),
              ('Q5', false, 100, NULL, NULL, NULL),
              ('Q6', true, 100, NULL, NULL, NULL) $$,
    'quotation tiers: current ones, their range and unit; no currency in the feed');
SELECT results_eq(
    $$ SELECT supplier_id, quotation_id, unit_price, order_price FROM scorecard.price_at('MAT-1', 600) ORDER BY 1 $$,
    $$ VALUES ('SUP-A'::text, 'Q2'::text, 5.00::numeric, 3000::numeric), ('SUP-C', 'Q6', 5.20, 3120) $$,
    'price_at 600: the volume tier of SUP-A, the current tier of SUP-C');
SELECT results_eq(
    $$ SELECT supplier_id, quotation_id FROM scorecard.price_at('MAT-1', 50) $$,
    $$ VALUES ('SUP-A'::text, 'Q1'::text) $$,
    'price_at 50: no row for a source whose lowest tier is above the quantity');

-- Conditions and figures as fields: OTD 3 of 5 last lines, lead times 15, 13 and 29 days.
SELECT results_eq(
    $$ SELECT key, state, value, threshold, n, unit FROM scorecard.readiness_conditions
       WHERE key IN ('otd_last_lines', 'consecutive_conforming_lots') ORDER BY key $$,
    $$ VALUES ('consecutive_conforming_lots'::text, 'not_met'::text, 0::numeric, 10::numeric, 4, 'lots'::text),
              ('otd_last_lines', 'not_met', 0.6, 0.9, 5, 'fraction') $$,
    'readiness conditions: value, threshold, n and unit as fields');
SELECT results_eq(
    $$ SELECT otd_last_lines_rate, otd_last_lines_n, lead_time_cv, lead_time_n FROM scorecard.supplier_material_figures $$,
    $$ VALUES (0.6::numeric, 5, round((sqrt(((15 - 19)^2 + (13 - 19)^2 + (29 - 19)^2) / 2.0) / 19)::numeric, 4), 3) $$,
    'supplier x material figures as columns (CV of 15, 13, 29 days: sd / mean)');
SELECT is((SELECT count(*)::int FROM scorecard.status_reasons WHERE supplier_id = 'SUP-A' AND material_id IS NULL),
    (SELECT jsonb_array_length(status_reasons) FROM scorecard.supplier_scorecards WHERE supplier_id = 'SUP-A'),
    'status reasons: one row per reason');

-- Lines and lots: the drill-down agrees with the aggregate.
SELECT results_eq(
    $$ SELECT order_line_id, due, first_receipt, days_late, on_time, in_full FROM scorecard.judged_order_lines
       WHERE delivery_window = 'current' ORDER BY order_line_id $$,
    $$ VALUES ('L1'::text, '2026-05-05'::date, '2026-05-05'::date, 0, true, true),
              ('L2', '2026-05-10', '2026-05-08', 0, true, false),
              ('L3', '2026-06-20', NULL, 11, false, false),
              ('L6', '2026-06-01', '2026-05-30', 0, true, true),
              ('L7', '2026-06-30', NULL, 1, false, false) $$,
    'judged order lines of the current window as of 2026-07-01');
SELECT is(
    (SELECT avg(on_time::int)::float8 FROM scorecard.judged_order_lines WHERE delivery_window = 'current'),
    (SELECT otd_rate FROM scorecard.supplier_scorecards WHERE supplier_id = 'SUP-A'), 'the lines give the OTD');
SELECT is(
    (SELECT avg(days_late)::float8 FROM scorecard.judged_order_lines WHERE delivery_window = 'current'),
    (SELECT avg_days_late FROM scorecard.supplier_scorecards WHERE supplier_id = 'SUP-A'), 'the lines give the days late');
SELECT results_eq(
    $$ SELECT receipt_id, coa_state, flagged_missing, accepted_document_id, rejected_document_id
       FROM scorecard.received_lots ORDER BY receipt_id $$,
    $$ VALUES ('R1'::text, 'missing'::text, true, NULL::bigint, NULL::bigint), ('R2', 'missing', true, NULL, NULL),
              ('R3', 'rejected', true, NULL, 910002), ('R4', 'accepted', true, 910001, NULL) $$,
    'received lots with the state of their CoA');
SELECT results_eq(
    $$ SELECT order_line_id, open_quantity, days_overdue FROM scorecard.open_order_lines ORDER BY order_line_id $$,
    $$ VALUES ('L3'::text, 50::numeric, 11), ('L5', 80, 0), ('L6', 3, 30), ('L7', 10, 1) $$,
    'open order lines at the as-of date (cancelled L4 and received L1, L2 are not)');

-- History and changes.
SELECT results_eq(
    $$ SELECT run_id, otd_rate, otif_rate FROM scorecard.supplier_scorecards_history WHERE supplier_id = 'SUP-A'
       ORDER BY run_id $$,
    $$ VALUES (1::bigint, 0.75::numeric, 0.5::numeric), (2, 0.6, 0.4) $$, 'scorecard history: OTD 3/4 then 3/5');
SELECT is((SELECT count(DISTINCT run_id)::int FROM scorecard.supplier_flags_history), 2, 'flag history: both runs');
SELECT is((SELECT count(DISTINCT run_id)::int FROM scorecard.material_decisions_history), 2, 'decision history: both runs');
SELECT is((SELECT count(DISTINCT run_id)::int FROM scorecard.readiness_conditions_history), 2, 'condition history: both runs');
SELECT lives_ok('SELECT * FROM scorecard.characteristic_capability_history', 'capability history readable');
SELECT lives_ok('SELECT * FROM scorecard.status_changes_history', 'status change history readable');
SELECT results_eq(
    $$ SELECT item, change, before_value, now_value FROM scorecard.run_changes
       WHERE supplier_id = 'SUP-A' AND item IN ('otd_rate', 'otif_rate') ORDER BY item $$,
    $$ VALUES ('otd_rate'::text, 'worse'::text, 0.75::numeric, 0.6::numeric), ('otif_rate', 'worse', 0.5, 0.4) $$,
    'run changes: OTD and OTIF worse');
SELECT results_eq(
    $$ SELECT item, change, now_text FROM scorecard.run_changes WHERE item LIKE 'flag:%' $$,
    $$ VALUES ('flag:priority_position_risk'::text, 'raised'::text, 'warning'::text) $$,
    'run changes: a flag raised since the previous run');

-- The reader cannot reach around the views.
SELECT throws_ok('SELECT * FROM scorecard_store.judged_order_lines', '42501', NULL, 'reader cannot read stored lines');
SELECT throws_ok('SELECT * FROM procurement.quotations', '42501', NULL, 'reader cannot read the quotations table');
SELECT throws_ok('SELECT * FROM procurement.order_lines', '42501', NULL, 'reader cannot read raw order lines');
SELECT throws_ok($$CREATE FUNCTION scorecard.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'$$, '42501', NULL,
    'reader cannot create functions');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
