-- The job's own schema: runs, ingested CoAs and every run's results, kept for every run (history).
-- The job writes only here; procurement.* is read-only input.

CREATE TABLE scorecard.runs (
    run_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of date NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    host text,
    pid integer,
    error text,                                  -- why it failed; NULL otherwise
    suppliers_scored integer,
    documents_accepted integer,
    documents_rejected integer,
    documents_duplicate integer,
    flags_raised integer,
    input_anomalies integer,                     -- input rows excluded because they break assumptions
    render_error text);                          -- HTML rendering failed after the results were stored
CREATE INDEX runs_status_as_of ON scorecard.runs (status, as_of);

CREATE TABLE scorecard.coa_documents (
    document_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256 text NOT NULL,                        -- identity of the file: a renamed copy is a duplicate
    path text NOT NULL,                          -- relative to the inbox
    supplier_id text,                            -- from the inbox folder <inbox>/<supplier_id>/
    format text,                                 -- 'canonical' or the profile that read it
    status text NOT NULL CHECK (status IN ('accepted', 'rejected', 'duplicate')),
    reason text,                                 -- why rejected (names the place in the file)
    error_line integer,
    error_column integer,
    duplicate_of bigint REFERENCES scorecard.coa_documents,
    material_id text,
    lot_number text,
    manufactured date,
    issued date,
    purchase_order text,
    size_bytes bigint NOT NULL,
    raw bytea,                                   -- the bytes as received; NULL for duplicates
    run_id bigint NOT NULL REFERENCES scorecard.runs,   -- the run that ingested it
    ingested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- When the file arrived: its modification time, never later than ingestion. "Known by the end of the
    -- as-of day" and "CoA within N days of receipt" use this, so a backlog ingested at once keeps its history.
    received_at timestamptz NOT NULL,
    reprocessed_at timestamptz);
CREATE UNIQUE INDEX coa_documents_sha256 ON scorecard.coa_documents (sha256) WHERE status <> 'duplicate';
CREATE UNIQUE INDEX coa_documents_duplicate_path ON scorecard.coa_documents (sha256, path);
CREATE INDEX coa_documents_lot ON scorecard.coa_documents (supplier_id, material_id, lot_number)
    WHERE status = 'accepted';
CREATE INDEX coa_documents_run ON scorecard.coa_documents (run_id);

-- Every re-processing of a document (`scorecard reprocess`): what it was before, so nothing is lost.
CREATE TABLE scorecard.coa_document_history (
    document_id bigint NOT NULL REFERENCES scorecard.coa_documents ON DELETE CASCADE,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    old_status text NOT NULL,
    old_reason text,
    old_format text,
    new_status text NOT NULL,
    new_reason text,
    PRIMARY KEY (document_id, changed_at));

CREATE TABLE scorecard.coa_measurements (
    document_id bigint NOT NULL REFERENCES scorecard.coa_documents ON DELETE CASCADE,
    position integer NOT NULL,                   -- order of the result in the document
    supplier_id text NOT NULL,
    material_id text NOT NULL,
    lot_number text NOT NULL,
    lot_day date NOT NULL,                       -- manufacture date, else issue date, else ingestion day
    characteristic text NOT NULL,                -- our name
    reported_characteristic text NOT NULL,       -- as the supplier wrote it
    method text,
    reported_text text NOT NULL,                 -- the value exactly as written
    qualifier text,                              -- '<', '<=', '>', '>=', 'not_detected' or NULL
    value double precision,                      -- the number as reported, in the reported unit
    unit text,                                   -- the reported unit
    value_in_spec_unit double precision,
    spec_unit text,
    lower_limit double precision,                -- our limits in force on lot_day
    upper_limit double precision,
    target double precision,
    spec_valid_from date,
    supplier_lower double precision,             -- the supplier's own stated limits
    supplier_upper double precision,
    supplier_limits_wider boolean NOT NULL DEFAULT false,
    band_position double precision,              -- 0 at the lower limit, 1 at the upper (two-sided only)
    verdict text NOT NULL CHECK (verdict IN
        ('pass', 'edge', 'fail', 'no_spec', 'unit_mismatch', 'not_numeric', 'inconclusive')),
    note text,
    PRIMARY KEY (document_id, position));
CREATE INDEX coa_measurements_series
    ON scorecard.coa_measurements (supplier_id, material_id, characteristic, lot_day);

CREATE TABLE scorecard.supplier_scores (
    run_id bigint NOT NULL REFERENCES scorecard.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    supplier_name text NOT NULL,
    due_lines integer NOT NULL,
    otd_rate double precision,
    otif_rate double precision,
    avg_days_late double precision,
    lots_received integer NOT NULL,
    received_quantity double precision NOT NULL,
    defective_quantity double precision NOT NULL,
    ppm double precision,
    lot_rejection_rate double precision,
    coa_results integer NOT NULL,
    coa_conformance_rate double precision,
    coa_edge_rate double precision,
    missing_coa_lots integer NOT NULL,
    messages integer NOT NULL,
    median_response_hours double precision,
    within_sla_rate double precision,
    unanswered_overdue integer NOT NULL,
    open_lines integer NOT NULL,                 -- due lines not (fully) received by the as-of date
    late_lines integer NOT NULL,
    repromise_rate double precision,
    avg_days_moved double precision,
    median_confirmation_hours double precision,
    avg_lead_time_days double precision,
    avg_quoted_lead_time_days double precision,
    lead_time_cv double precision,
    rejected_lots integer NOT NULL,
    unlinked_defects integer NOT NULL,
    pending_coa_lots integer NOT NULL,
    answered_messages integer NOT NULL,
    pending_messages integer NOT NULL,
    unanswered_share double precision,
    priority_risk_score double precision,
    priority_risk_level text CHECK (priority_risk_level IN ('low', 'medium', 'high', 'insufficient_data')),
    PRIMARY KEY (run_id, supplier_id));

-- Per supplier x material x characteristic series: capability, edge shares and the drift rules' state.
CREATE TABLE scorecard.characteristic_capability (
    run_id bigint NOT NULL REFERENCES scorecard.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    material_id text NOT NULL,
    characteristic text NOT NULL,
    unit text,
    lower_limit double precision,
    upper_limit double precision,
    lots integer NOT NULL,
    first_lot_day date NOT NULL,
    last_lot_day date NOT NULL,
    baseline_n integer NOT NULL,
    baseline_mean double precision,
    baseline_sd double precision,
    baseline_cp double precision,
    baseline_cpk double precision,
    recent_n integer NOT NULL,
    recent_mean double precision,
    recent_sd double precision,
    recent_cp double precision,
    recent_cpk double precision,
    sigma_used double precision NOT NULL,
    edge_share_baseline double precision NOT NULL,
    edge_share_recent double precision NOT NULL,
    monitored boolean NOT NULL,
    ewma double precision,
    ewma_lower_limit double precision,
    ewma_upper_limit double precision,
    ewma_signal_lot text,
    trend_signal_lot text,
    edge_share_signal boolean NOT NULL,
    drift_direction text CHECK (drift_direction IN ('upper', 'lower')),
    recent_slope_per_lot double precision,
    projected_lots_to_limit double precision,
    PRIMARY KEY (run_id, supplier_id, material_id, characteristic));

CREATE TABLE scorecard.flags (
    run_id bigint NOT NULL REFERENCES scorecard.runs ON DELETE CASCADE,
    flag_id integer NOT NULL,                    -- order within the run
    supplier_id text,
    material_id text,
    characteristic text,
    kind text NOT NULL CHECK (kind IN ('priority_position_risk', 'edge_of_tolerance_drift', 'out_of_tolerance',
        'missing_coa', 'coa_rejected', 'coa_credibility', 'single_source', 'scale_up_cost_gap',
        'scale_up_lead_time_gap', 'slow_response')),
    severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message text NOT NULL,
    evidence jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, flag_id));
CREATE INDEX flags_supplier ON scorecard.flags (supplier_id, run_id);
