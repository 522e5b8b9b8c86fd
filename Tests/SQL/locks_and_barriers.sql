-- A buyer (scorecard_reader) can neither take, hold nor wait on the job's lock, and cannot see through the
-- views with a leaky function. Run by scripts/sql-tests (pg_prove) on the hand-computed world after two runs.
-- Other sessions are dblink connections: the buyer's and two of the job's, logins made here (roles are
-- cluster-wide and must be committed for other sessions to use them), dropped at the end.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS dblink;
DROP ROLE IF EXISTS sqltest_buyer;
DROP ROLE IF EXISTS sqltest_job;
CREATE ROLE sqltest_buyer LOGIN IN ROLE scorecard_reader;
CREATE ROLE sqltest_job LOGIN IN ROLE scorecard_job;
CREATE FUNCTION pg_temp.conninfo(login text) RETURNS text LANGUAGE sql AS $$
    SELECT format('host=%s dbname=%s user=%s', split_part(current_setting('unix_socket_directories'), ',', 1),
                  current_database(), login) $$;

-- What the buyer's session answers to `sql`: 'ok', or the SQLSTATE of the error (its transaction, if any,
-- rolled back afterwards so that the next attempt starts clean).
CREATE FUNCTION pg_temp.buyer_tries(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text := 'ok';
BEGIN
    BEGIN
        PERFORM dblink_exec('buyer', sql);
    EXCEPTION WHEN OTHERS THEN
        state := SQLSTATE;
    END;
    PERFORM dblink_exec('buyer', 'ROLLBACK');
    RETURN state;
END $$;

BEGIN;
SELECT plan(32);

-- The lock rows exist; the buyer's role has no right on the table or its schema.
SELECT has_table('scorecard_store', 'job_locks', 'the job''s locks are rows of scorecard_store.job_locks');
SELECT ok(NOT has_schema_privilege('scorecard_reader', 'scorecard_store', 'USAGE'), 'reader: no usage of scorecard_store');
SELECT ok(NOT has_table_privilege('scorecard_reader', 'scorecard_store.job_locks', 'SELECT,UPDATE'),
    'reader: no right on job_locks');
SELECT ok(has_table_privilege('scorecard_job', 'scorecard_store.job_locks', 'UPDATE'), 'job: may lock its rows');

-- The buyer tries everything: the old documented advisory keys (granted: they no longer mean anything), the
-- lock table itself, row locks and table locks through the views. Each attempt: what it does, what it gets.
SELECT dblink_connect('buyer', pg_temp.conninfo('sqltest_buyer'));
SELECT is(pg_temp.buyer_tries(attempt), expected, 'buyer: ' || attempt || ' -> ' || expected)
FROM (VALUES
    ('DO $d$ BEGIN PERFORM pg_advisory_lock(x''5C07ECA7D0002''::bigint); END $d$', 'ok'),
    ('DO $d$ BEGIN PERFORM pg_advisory_lock_shared(x''5C07ECA7D0001''::bigint); END $d$', 'ok'),
    ('DO $d$ BEGIN PERFORM pg_advisory_lock(x''5C07ECA7D0003''::bigint); END $d$', 'ok'),
    ('SELECT name FROM scorecard_store.job_locks FOR UPDATE', '42501'),
    ('SELECT name FROM scorecard_store.job_locks FOR KEY SHARE', '42501'),
    ('BEGIN; LOCK TABLE scorecard_store.job_locks IN ACCESS SHARE MODE', '42501'),
    ('SELECT run_id FROM scorecard.runs FOR UPDATE', '42501'),
    ('SELECT run_id FROM scorecard.runs FOR SHARE', '42501'),
    ('SELECT supplier_id FROM scorecard.supplier_scorecards FOR KEY SHARE', '42501'),
    ('BEGIN; LOCK TABLE scorecard.runs IN ACCESS EXCLUSIVE MODE', '42501'),
    ('BEGIN; LOCK TABLE scorecard.runs IN ROW EXCLUSIVE MODE', '42501')
) AS attempts(attempt, expected);
-- ... and holds what it may: every view (so the tables under them) IN ACCESS SHARE MODE, in an open transaction.
SELECT lives_ok($$SELECT dblink_exec('buyer', 'BEGIN')$$, 'buyer opens a transaction');
SELECT is(
    (SELECT count(*)::int FROM information_schema.views v,
         LATERAL dblink_exec('buyer', format('LOCK TABLE scorecard.%I IN ACCESS SHARE MODE', v.table_name)) AS x
     WHERE v.table_schema = 'scorecard'),
    (SELECT count(*)::int FROM information_schema.views WHERE table_schema = 'scorecard'),
    'buyer holds every view IN ACCESS SHARE MODE');

-- Meanwhile the job takes its lock exactly as the job does (Sources/Store/JobLocks.swift), and keeps it.
SELECT dblink_connect('job', pg_temp.conninfo('sqltest_job'));
SELECT dblink_exec('job', 'SET idle_in_transaction_session_timeout = 0');
SELECT dblink_exec('job', 'BEGIN');
SELECT is(
    (SELECT name FROM dblink('job',
        'SELECT name FROM scorecard_store.job_locks WHERE name = ''run'' FOR UPDATE NOWAIT') AS t(name text)),
    'run', 'the job takes the run lock while the buyer holds everything it could');
SELECT is(
    (SELECT name FROM dblink('job',
        'SELECT name FROM scorecard_store.job_locks WHERE name = ''migrate'' FOR UPDATE NOWAIT') AS t(name text)),
    'migrate', 'and the migration lock');
-- A second job process is refused at once (exit 75), in either mode.
SELECT dblink_connect('job2', pg_temp.conninfo('sqltest_job'));
SELECT throws_ok($$SELECT * FROM dblink('job2',
        'SELECT name FROM scorecard_store.job_locks WHERE name = ''run'' FOR UPDATE NOWAIT') AS t(name text)$$,
    '55P03', NULL, 'a second run is refused while the job holds the lock');
SELECT throws_ok($$SELECT * FROM dblink('job2',
        'SELECT name FROM scorecard_store.job_locks WHERE name = ''run'' FOR SHARE NOWAIT') AS t(name text)$$,
    '55P03', NULL, 'a shard intake (shared) is refused while a run holds it');
-- Still nothing for the buyer, now that the row is locked: it cannot even queue behind the job.
SELECT is(pg_temp.buyer_tries('SELECT name FROM scorecard_store.job_locks FOR UPDATE'),
    '42501', 'buyer cannot wait on the job''s lock');
SELECT dblink_exec('job', 'ROLLBACK');
SELECT is(
    (SELECT name FROM dblink('job2',
        'SELECT name FROM scorecard_store.job_locks WHERE name = ''run'' FOR SHARE NOWAIT') AS t(name text)),
    'run', 'released with the transaction: the next process gets it');
SELECT dblink_disconnect('job');
SELECT dblink_disconnect('job2');
SELECT dblink_disconnect('buyer');

-- Leaky functions. Every view is a security barrier (a later migration re-creating one must say so again).
SELECT is(
    (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'scorecard' AND c.relkind = 'v'
       AND NOT coalesce(c.reloptions @> ARRAY['security_barrier=true'], false)),
    NULL, 'every view of scorecard is a security barrier');

-- The buyer's cheap function that prints and counts every value it is shown (temporary functions need only
-- the database's TEMPORARY right, which PUBLIC has by default). Counts go to a setting the test reads back;
-- what this part changes (a failed run, a view without its barrier) is rolled back at the end.
SET LOCAL ROLE sqltest_buyer;
CREATE FUNCTION pg_temp.leak(value text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS $$
BEGIN
    RAISE NOTICE 'leaked: %', value;
    PERFORM set_config('leak.calls', (current_setting('leak.calls')::int + 1)::text, true);
    PERFORM set_config('leak.values', current_setting('leak.values') || '|' || value, true);
    RETURN true;
END $$;
CREATE FUNCTION pg_temp.probe(query text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    returned int;
BEGIN
    PERFORM set_config('leak.calls', '0', true);
    PERFORM set_config('leak.values', '', true);
    EXECUTE query INTO returned;
    PERFORM set_config('leak.rows', returned::text, true);
END $$;
RESET ROLE;

-- Each probe runs as the buyer, with the plans a buyer can force (its own planner settings: no nested loops
-- or index scans, so a view's join reads every row of the base table); the leak must be called only on rows
-- the view returns.
CREATE FUNCTION pg_temp.leaks(query text) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'SET LOCAL ROLE sqltest_buyer';
    EXECUTE 'SET LOCAL enable_nestloop = off';
    EXECUTE 'SET LOCAL enable_indexscan = off';
    EXECUTE 'SET LOCAL enable_bitmapscan = off';
    EXECUTE 'SET LOCAL enable_mergejoin = off';
    PERFORM pg_temp.probe(query);
    EXECUTE 'RESET ROLE';
    RETURN current_setting('leak.calls')::int - current_setting('leak.rows')::int;
END $$;

SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.supplier_scorecards
    WHERE pg_temp.leak(supplier_id || ' ' || overall_score)$$), 0,
    'supplier_scorecards: the leak sees only the latest run''s rows');
SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.supplier_flags WHERE pg_temp.leak(message)$$), 0,
    'supplier_flags: the leak sees only the latest run''s flags');
SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.characteristic_capability
    WHERE pg_temp.leak(supplier_id || characteristic)$$), 0, 'characteristic_capability: latest run only');
SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.material_decisions WHERE pg_temp.leak(supplier_id)$$), 0,
    'material_decisions: latest run only');
SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.latest_run WHERE pg_temp.leak(run_id::text)$$), 0,
    'latest_run: one run only');

-- A failed run's scores (as a run that died half-way would have written) stay out of the history.
INSERT INTO scorecard_store.runs (run_id, as_of, status, kind) OVERRIDING SYSTEM VALUE
VALUES (9001, '2026-07-02', 'failed', 'nightly');
CREATE TEMP TABLE failed_scores ON COMMIT DROP AS
SELECT * FROM scorecard_store.supplier_scores WHERE run_id = (SELECT max(run_id) FROM scorecard_store.runs WHERE run_id < 9001);
UPDATE failed_scores SET run_id = 9001;
INSERT INTO scorecard_store.supplier_scores SELECT * FROM failed_scores;
SELECT is(pg_temp.leaks($$SELECT count(*) FROM scorecard.score_history WHERE pg_temp.leak(run_id::text)$$), 0,
    'score_history: the leak never sees the failed run''s rows');
SELECT unalike(current_setting('leak.values'), '%9001%', 'score_history: run 9001 not shown');

-- The control: without the barrier the same function sees the earlier run's rows (the attack that was).
ALTER VIEW scorecard.supplier_scorecards RESET (security_barrier);
SELECT cmp_ok(pg_temp.leaks($$SELECT count(*) FROM scorecard.supplier_scorecards
    WHERE pg_temp.leak(supplier_id || ' ' || overall_score)$$), '>', 0,
    'control: without security_barrier the leak sees rows the view filters out');
SELECT * FROM finish();
ROLLBACK;
DROP ROLE sqltest_buyer;
DROP ROLE sqltest_job;
