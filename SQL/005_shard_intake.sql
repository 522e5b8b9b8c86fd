-- Sharded intake (`scorecard intake --shard K/N`, README "Sharded intake"): a run row is either the nightly
-- run, which ingests and scores, or a shard intake, which only ingests the CoAs of its suppliers and scores
-- nothing. Everything that means "the latest results" reads nightly runs only.
ALTER TABLE scorecard_store.runs
    ADD COLUMN kind text NOT NULL DEFAULT 'nightly' CHECK (kind IN ('nightly', 'intake')),
    ADD COLUMN shard text CHECK (shard ~ '^[0-9]+/[0-9]+$'),   -- 'K/N' for an intake, NULL for nightly
    ADD CONSTRAINT runs_shard_of_intake CHECK ((kind = 'intake') = (shard IS NOT NULL));

-- New columns go at the end: CREATE OR REPLACE VIEW may only add columns after the existing ones.
CREATE OR REPLACE VIEW scorecard.runs AS
    SELECT run_id, as_of, status, started_at, finished_at, host, pid, error, suppliers_scored, documents_accepted,
           documents_rejected, documents_duplicate, flags_raised, input_anomalies, render_error, kind, shard
    FROM scorecard_store.runs;
COMMENT ON VIEW scorecard.runs IS
    'Every run: status (running, succeeded, failed), times, counts and error; nightly runs and shard intakes.';
COMMENT ON COLUMN scorecard.runs.kind IS
    'nightly (ingests, scores, publishes) or intake (a shard intake: ingests the CoAs of its suppliers only).';
COMMENT ON COLUMN scorecard.runs.shard IS 'K/N: the shard a shard intake ingested; NULL for nightly runs.';
COMMENT ON COLUMN scorecard.runs.as_of IS
    'The date the run scored as of (the end of that day in the configured time zone); for an intake, the day its CoAs were judged as of.';
COMMENT ON COLUMN scorecard.runs.documents_accepted IS
    'CoA documents this run ingested itself and accepted (a nightly run does not count those of its shard intakes).';

-- `r.*` in 003 was expanded to the columns of that day; the new ones come at the end here too.
CREATE OR REPLACE VIEW scorecard.latest_run AS
    SELECT r.* FROM scorecard.runs r WHERE r.status = 'succeeded' AND r.kind = 'nightly'
    ORDER BY r.run_id DESC LIMIT 1;
COMMENT ON VIEW scorecard.latest_run IS
    'The latest successful nightly run (one row, or none before the first success); shard intakes never.';

CREATE OR REPLACE VIEW scorecard.score_history AS
    SELECT s.supplier_id, r.run_id, r.as_of, s.overall_score, s.grade, s.recommended_status,
           s.priority_risk_level, s.priority_risk_score, s.otd_rate, s.otif_rate, s.ppm, s.coa_conformance_rate,
           s.median_response_hours
    FROM scorecard_store.runs r JOIN scorecard_store.supplier_scores s USING (run_id)
    WHERE r.status = 'succeeded' AND r.kind = 'nightly';
COMMENT ON VIEW scorecard.score_history IS 'Per supplier and successful nightly run: the headline figures over time.';

-- "The latest succeeded nightly run before run X" (previous decisions, previous standing).
CREATE INDEX runs_kind_status ON scorecard_store.runs (kind, status, run_id);
