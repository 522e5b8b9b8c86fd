-- The buyers' contract: views, columns, types, and what the read-only role may and may not do.
-- Run by scripts/sql-tests (pg_prove) on the hand-computed world after two runs (2026-06-30, 2026-07-01).
BEGIN;
SELECT plan(71);

SELECT views_are('scorecard', ARRAY[
    'runs', 'latest_run', 'coa_documents', 'coa_measurements', 'supplier_scorecards', 'supplier_flags',
    'characteristic_capability', 'score_history', 'material_decisions', 'status_changes', 'input_anomalies',
    'control_chart_points', 'response_months', 'material_sourcing', 'run_notices']);
SELECT tables_are('scorecard', ARRAY[]::name[], 'schema scorecard holds views only');

SELECT columns_are('scorecard', 'supplier_scorecards', ARRAY[
    'supplier_id', 'supplier_name', 'run_id', 'as_of', 'overall_score', 'grade', 'recommended_status',
    'scale_up_ready', 'otd_rate', 'otif_rate', 'avg_days_late', 'ppm', 'lot_rejection_rate', 'coa_conformance_rate',
    'coa_edge_rate', 'missing_coa_lots', 'median_response_hours', 'unanswered_overdue', 'priority_risk_score',
    'priority_risk_level', 'flag_count', 'critical_flag_count', 'due_lines', 'lots_received', 'within_sla_rate',
    'status_reasons', 'score_parts', 'action', 'ready_materials', 'verdict_risk', 'uncapped_score',
    'coa_collected_since']);
SELECT col_type_is('scorecard', 'supplier_scorecards', 'ready_materials', 'jsonb', 'supplier_scorecards.ready_materials is jsonb');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'action', 'text', 'supplier_scorecards.action is text');
SELECT has_column('scorecard', 'material_decisions', 'action', 'material decisions: what to do');
SELECT has_column('scorecard', 'material_decisions', 'readiness_state', 'material decisions: ready, not ready or too few to judge');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'supplier_id', 'text', 'supplier_scorecards.supplier_id is text');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'run_id', 'bigint', 'supplier_scorecards.run_id is bigint');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'as_of', 'date', 'supplier_scorecards.as_of is date');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'otd_rate', 'double precision', 'supplier_scorecards.otd_rate is double precision');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'ppm', 'double precision', 'supplier_scorecards.ppm is double precision');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'missing_coa_lots', 'integer', 'supplier_scorecards.missing_coa_lots is integer');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'priority_risk_level', 'text', 'supplier_scorecards.priority_risk_level is text');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'flag_count', 'bigint', 'supplier_scorecards.flag_count is bigint');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'overall_score', 'double precision', 'supplier_scorecards.overall_score is double precision');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'scale_up_ready', 'boolean', 'supplier_scorecards.scale_up_ready is boolean');
SELECT col_type_is('scorecard', 'supplier_scorecards', 'grade', 'text', 'supplier_scorecards.grade is text');

SELECT columns_are('scorecard', 'supplier_flags', ARRAY[
    'run_id', 'supplier_id', 'material_id', 'characteristic', 'kind', 'severity', 'message', 'evidence']);
SELECT col_type_is('scorecard', 'supplier_flags', 'evidence', 'jsonb', 'supplier_flags.evidence is jsonb');
SELECT col_type_is('scorecard', 'supplier_flags', 'severity', 'text', 'supplier_flags.severity is text');

SELECT has_column('scorecard', 'characteristic_capability', 'baseline_cpk', 'capability: baseline Cpk');
SELECT has_column('scorecard', 'characteristic_capability', 'recent_cpk', 'capability: recent Cpk');
SELECT has_column('scorecard', 'characteristic_capability', 'projected_lots_to_limit', 'capability: projection');
SELECT has_column('scorecard', 'coa_documents', 'reason', 'documents: reason');
SELECT has_column('scorecard', 'coa_documents', 'warnings', 'documents: what the profile could not read');
SELECT has_column('scorecard', 'control_chart_points', 'flagged', 'charts: whether a flag names the lot');
SELECT has_column('scorecard', 'control_chart_points', 'edge_upper', 'charts: the edge band used');
SELECT has_column('scorecard', 'material_sourcing', 'single_sourced', 'sourcing: the single-source verdict');
SELECT has_column('scorecard', 'response_months', 'within_sla_rate', 'responsiveness by month');
SELECT col_type_is('scorecard', 'coa_documents', 'imported_from_archive', 'boolean',
    'documents: whether imported from an archive (never counted late)');
SELECT hasnt_column('scorecard', 'coa_documents', 'file_modified_at', 'documents: the quick check''s file time stays in the store');
SELECT hasnt_column('scorecard', 'coa_documents', 'raw', 'documents: the raw bytes stay in the store');
SELECT has_column('scorecard', 'coa_measurements', 'verdict', 'measurements: verdict');
SELECT has_column('scorecard', 'coa_measurements', 'band_position', 'measurements: band position');
SELECT has_column('scorecard', 'runs', 'error', 'runs: error');

-- Every view column is documented.
SELECT is(
    (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL),
    0, 'every view has a comment');
SELECT is(
    (SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relname = 'supplier_scorecards' AND a.attnum > 0
       AND col_description(c.oid, a.attnum) IS NULL
       AND a.attname NOT IN ('supplier_id', 'supplier_name', 'run_id', 'as_of', 'lots_received')),
    0, 'every figure of supplier_scorecards has a comment');

-- The latest successful run only.
SELECT is((SELECT count(DISTINCT run_id)::int FROM scorecard.supplier_scorecards), 1, 'one run in the scorecards');
SELECT is((SELECT as_of FROM scorecard.latest_run), '2026-07-01'::date, 'latest run is 2026-07-01');

-- Input anomalies (006): one row each, and the run's list as JSON.
SELECT columns_are('scorecard', 'input_anomalies', ARRAY[
    'run_id', 'as_of', 'position', 'source_table', 'row_key', 'field', 'problem', 'action']);
SELECT has_column('scorecard', 'latest_run', 'input_anomaly_list', 'latest_run: input_anomaly_list');
SELECT is((SELECT count(*)::int FROM scorecard.input_anomalies),
    (SELECT sum(input_anomalies)::int FROM scorecard.runs), 'every counted anomaly is named');

-- Shard intakes (005): recorded as runs of kind intake, never "the latest run".
SELECT has_column('scorecard', 'runs', 'kind', 'runs: kind');
SELECT has_column('scorecard', 'runs', 'shard', 'runs: shard');
SELECT has_column('scorecard', 'latest_run', 'kind', 'latest_run: kind');
SELECT is(
    (SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relname = 'runs' AND a.attname IN ('kind', 'shard')
       AND col_description(c.oid, a.attnum) IS NOT NULL),
    2, 'runs.kind and runs.shard have comments');
SELECT is((SELECT array_agg(kind || coalesce(' ' || shard, '') ORDER BY run_id) FROM scorecard.runs),
    ARRAY['nightly', 'nightly'], 'both runs of the fixture are nightly');
INSERT INTO scorecard_store.runs (as_of, status, kind, shard, documents_accepted)
VALUES ('2026-07-02', 'succeeded', 'intake', '1/2', 3);
SELECT is((SELECT as_of FROM scorecard.latest_run), '2026-07-01'::date, 'a later shard intake is not the latest run');
SELECT is((SELECT kind FROM scorecard.latest_run), 'nightly', 'the latest run is nightly');
SELECT is((SELECT count(*)::int FROM scorecard.score_history WHERE as_of = '2026-07-02'), 0, 'nor in the history');
SELECT throws_ok($$INSERT INTO scorecard_store.runs (as_of, status, kind) VALUES ('2026-07-02', 'running', 'intake')$$,
    '23514', NULL, 'an intake names its shard');
SELECT throws_ok($$INSERT INTO scorecard_store.runs (as_of, status, shard) VALUES ('2026-07-02', 'running', '0/2')$$,
    '23514', NULL, 'a nightly run has no shard');

-- Roles.
SELECT has_role('scorecard_reader');
SELECT has_role('scorecard_job');
SELECT schema_owner_is('scorecard_store', 'scorecard_job');
SELECT table_privs_are('procurement', 'suppliers', 'scorecard_job', ARRAY['SELECT'], 'the job only reads procurement');

SET ROLE scorecard_reader;
SELECT lives_ok('SELECT * FROM scorecard.supplier_scorecards', 'reader reads supplier_scorecards');
SELECT lives_ok('SELECT * FROM scorecard.supplier_flags', 'reader reads supplier_flags');
SELECT lives_ok('SELECT * FROM scorecard.coa_documents', 'reader reads coa_documents');
SELECT lives_ok('SELECT * FROM scorecard.score_history', 'reader reads score_history');
SELECT lives_ok('SELECT * FROM scorecard.input_anomalies', 'reader reads input_anomalies');
SELECT lives_ok('SELECT * FROM scorecard.run_notices', 'reader reads run_notices');
SELECT lives_ok('SELECT input_anomaly_list FROM scorecard.runs', 'reader reads runs.input_anomaly_list');
SELECT throws_ok('SELECT * FROM scorecard_store.input_anomalies', '42501', NULL,
    'reader cannot read the anomalies base table');
SELECT throws_ok('SELECT * FROM scorecard_store.runs', '42501', NULL, 'reader cannot read base tables');
SELECT throws_ok('SELECT * FROM scorecard_store.coa_documents', '42501', NULL, 'reader cannot read raw documents');
SELECT throws_ok('SELECT * FROM procurement.suppliers', '42501', NULL, 'reader cannot read the ERP tables');
SELECT throws_ok($$INSERT INTO scorecard.runs (as_of, status) VALUES ('2026-01-01', 'running')$$, '42501', NULL,
    'reader cannot write through a view');
SELECT throws_ok('DELETE FROM scorecard.coa_documents', '42501', NULL, 'reader cannot delete');
SELECT throws_ok('CREATE TABLE scorecard.mine (x int)', '42501', NULL, 'reader cannot create objects');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
