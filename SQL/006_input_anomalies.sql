-- Input rows that break the model's assumptions, named per run: which table, which row (its key), which
-- field, what is wrong and what the run did with the row. One row each, so buyers filter and count with
-- plain SQL; `scorecard.runs` also carries them as a JSON array for a glance at one run.
CREATE TABLE scorecard_store.input_anomalies (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs,
    position integer NOT NULL,                   -- the order the run named them in
    source_table text NOT NULL,                  -- e.g. 'procurement.receipts'
    row_key text NOT NULL,                       -- the row's primary key as text
    field text,                                  -- the column at fault; NULL: the row as a whole
    problem text NOT NULL,                       -- what is wrong, with the value
    action text NOT NULL CHECK (action IN ('left_out', 'used')),
    PRIMARY KEY (run_id, position));

CREATE VIEW scorecard.input_anomalies WITH (security_barrier) AS
    SELECT a.run_id, r.as_of, a.position, a.source_table, a.row_key, a.field, a.problem, a.action
    FROM scorecard_store.input_anomalies a JOIN scorecard_store.runs r USING (run_id);
COMMENT ON VIEW scorecard.input_anomalies IS
    'Per run: every input row that breaks the model''s assumptions, named, and what the run did with it.';
COMMENT ON COLUMN scorecard.input_anomalies.source_table IS 'The ERP table, e.g. procurement.receipts.';
COMMENT ON COLUMN scorecard.input_anomalies.row_key IS
    'The row''s key as text (specifications: material, characteristic and valid_from).';
COMMENT ON COLUMN scorecard.input_anomalies.field IS 'The column at fault; NULL when the row as a whole is.';
COMMENT ON COLUMN scorecard.input_anomalies.problem IS 'What is wrong, with the value as read.';
COMMENT ON COLUMN scorecard.input_anomalies.action IS
    'left_out: left out of the figures it would distort; used: used, with the field at fault set aside.';

-- New columns go at the end: CREATE OR REPLACE VIEW may only add columns after the existing ones.
CREATE OR REPLACE VIEW scorecard.runs WITH (security_barrier) AS
    SELECT run_id, as_of, status, started_at, finished_at, host, pid, error, suppliers_scored, documents_accepted,
           documents_rejected, documents_duplicate, flags_raised, input_anomalies, render_error, kind, shard,
           (SELECT jsonb_agg(jsonb_build_object(
                       'table', a.source_table, 'key', a.row_key, 'field', a.field, 'problem', a.problem,
                       'action', a.action) ORDER BY a.position)
            FROM scorecard_store.input_anomalies a WHERE a.run_id = runs.run_id) AS input_anomaly_list
    FROM scorecard_store.runs;
COMMENT ON COLUMN scorecard.runs.input_anomalies IS
    'How many input rows broke the model''s assumptions (each in input_anomaly_list and scorecard.input_anomalies).';
COMMENT ON COLUMN scorecard.runs.input_anomaly_list IS
    'The input anomalies as a JSON array of {table, key, field, problem, action}, in the order named; NULL: none.';

-- `r.*` was expanded when latest_run was made; the new column comes at the end here too.
CREATE OR REPLACE VIEW scorecard.latest_run WITH (security_barrier) AS
    SELECT r.* FROM scorecard.runs r WHERE r.status = 'succeeded' AND r.kind = 'nightly'
    ORDER BY r.run_id DESC LIMIT 1;
