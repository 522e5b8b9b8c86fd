-- Roles and grants, re-applied after every `scorecard migrate` (idempotent), so they always cover every
-- table and view that migrations created.
--
--   scorecard_reader  buyers: SELECT on the views of schema `scorecard`, nothing else (no base tables,
--                     no procurement, no writes). GRANT scorecard_reader TO <buyer login>;
--   scorecard_job     the nightly job: owns schemas scorecard and scorecard_store and everything in them,
--                     reads procurement, writes nothing there. GRANT scorecard_job TO <job login>;
-- Both are NOLOGIN group roles: logins are granted membership, so passwords stay per person or service.

DO $$
BEGIN
    CREATE ROLE scorecard_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- roles are cluster-wide: another database made it
END $$;
DO $$
BEGIN
    CREATE ROLE scorecard_job NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The job owns its schemas and their objects (views run with their owner's rights on the base tables).
ALTER SCHEMA scorecard OWNER TO scorecard_job;
ALTER SCHEMA scorecard_store OWNER TO scorecard_job;
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN
        SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('scorecard', 'scorecard_store') AND c.relkind IN ('r', 'v', 'm')  -- identity sequences follow their table
    LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO scorecard_job',
            CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                ELSE 'TABLE' END,
            object.nspname, object.relname);
    END LOOP;
END $$;

-- The job reads the ERP's tables and never writes them.
GRANT USAGE ON SCHEMA procurement TO scorecard_job;
GRANT SELECT ON ALL TABLES IN SCHEMA procurement TO scorecard_job;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA procurement FROM scorecard_job;
-- Scoring collects the run's scope into temporary tables (Sources/Store/RunScope.swift): granted here too, in
-- case PUBLIC's default TEMPORARY right was revoked on this database.
DO $$ BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO scorecard_job', current_database());
END $$;

-- Buyers read the documented views only.
REVOKE ALL ON SCHEMA scorecard_store FROM PUBLIC;
REVOKE ALL ON SCHEMA scorecard FROM PUBLIC;
GRANT USAGE ON SCHEMA scorecard TO scorecard_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA scorecard TO scorecard_reader;
