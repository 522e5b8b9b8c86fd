-- Two of the nightly run's costliest writes, made cheaper without changing what is stored
-- (docs/scaling.md, "The nightly writes"):
--
-- 1. The JSON of the decisions, flags and scores is compressed with lz4 instead of pglz when this server
--    has it: the decisions' inspection replay alone is about 40 MB of JSON a night at a thousand suppliers,
--    and its COPY took 1.9 s with pglz against 1.4 s with lz4 (same rows, same server). Values already
--    stored keep their compression; both read the same. A server built without lz4 keeps pglz.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT c.relname, a.attname
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'scorecard_store' AND c.relkind = 'r' AND NOT a.attisdropped
          AND a.atttypid = 'jsonb'::regtype
          AND c.relname IN ('material_decisions', 'flags', 'supplier_scores')
    LOOP
        EXECUTE format('ALTER TABLE scorecard_store.%I ALTER COLUMN %I SET COMPRESSION lz4', col.relname, col.attname);
    END LOOP;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server: the JSON columns keep pglz';
END
$$;

-- 2. The judged order lines are appended a run at a time and read or pruned by run: a block-range index on
--    the run finds a run's rows at almost no cost to the nightly COPY (the btree on run and supplier cost
--    0.65–1.0 s of the COPY's 1.4–1.7 s for 248,000 rows). A buyer's drill-down into one supplier of one
--    run reads that run's blocks.
DROP INDEX scorecard_store.judged_order_lines_run_supplier;
CREATE INDEX judged_order_lines_run ON scorecard_store.judged_order_lines USING brin (run_id);
