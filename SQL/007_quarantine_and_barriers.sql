-- Every view of schema `scorecard` becomes a security barrier: a buyer's function in a WHERE clause (a cheap,
-- leaky one that prints its arguments) is then applied only to the rows the view returns, never to the base
-- tables' rows of earlier, failed or running runs that the view filters out. Leakproof operators such as
-- `supplier_id = 'X'` still reach the indexes. ALTER VIEW keeps each definition as its migration wrote it.
-- CREATE OR REPLACE VIEW resets a view's options: a later migration re-creating a view must say
-- WITH (security_barrier) again (Tests/SQL/locks_and_barriers.sql checks every view).
DO $$
DECLARE
    view record;
BEGIN
    FOR view IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'scorecard' AND c.relkind = 'v'
    LOOP
        EXECUTE format('ALTER VIEW scorecard.%I SET (security_barrier = true)', view.relname);
    END LOOP;
END $$;

-- CoA files being judged, recorded outside the run's transaction (autocommit) before a batch is judged and
-- deleted once it was: a row that survives is a file that was being judged when its run died. Such files
-- are judged one at a time by the next run, and a file with two attempts is quarantined: recorded as
-- rejected with the reason, and skipped, so one file cannot crash every night.
CREATE TABLE scorecard_store.coa_attempts (
    path text PRIMARY KEY,                       -- relative to the inbox, as coa_documents.path
    attempts integer NOT NULL CHECK (attempts > 0),
    run_ids bigint[] NOT NULL,                   -- the runs that died while judging it, oldest first
    last_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp());
