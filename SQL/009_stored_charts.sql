-- What the pages draw, stored by the run that computed it: each control chart's lots with the EWMA and its
-- limits as the drift rules saw them, the edge bands of the verdicts, and whether a flag names the lot;
-- responsiveness by month; each material's sourcing as the single-source rule counts it. The report reads
-- these and recomputes nothing.

CREATE TABLE scorecard_store.control_charts (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    material_id text NOT NULL,
    characteristic text NOT NULL,
    unit text,
    lower_limit double precision,                -- the specification in force on the latest lot
    upper_limit double precision,
    target double precision,
    edge_lower double precision,                 -- the lower edge band is lower_limit .. edge_lower
    edge_upper double precision,                 -- the upper edge band is edge_upper .. upper_limit
    centre double precision NOT NULL,            -- the EWMA's centre: the small-batch baseline mean
    sigma double precision NOT NULL,             -- the σ of the EWMA limits at the latest lot
    ewma_lambda double precision NOT NULL,
    ewma_l double precision NOT NULL,
    -- One element per lot, oldest first (the latest drift.chart_lots lots), all arrays of one length.
    lot_numbers text[] NOT NULL,
    lot_days date[] NOT NULL,
    lot_values double precision[] NOT NULL,
    verdicts text[] NOT NULL,
    ewma double precision[] NOT NULL,
    ewma_lower double precision[] NOT NULL,
    ewma_upper double precision[] NOT NULL,
    flagged boolean[] NOT NULL,
    PRIMARY KEY (run_id, supplier_id, material_id, characteristic),
    CHECK (cardinality(lot_days) = cardinality(lot_numbers) AND cardinality(lot_values) = cardinality(lot_numbers)
           AND cardinality(verdicts) = cardinality(lot_numbers) AND cardinality(ewma) = cardinality(lot_numbers)
           AND cardinality(ewma_lower) = cardinality(lot_numbers)
           AND cardinality(ewma_upper) = cardinality(lot_numbers) AND cardinality(flagged) = cardinality(lot_numbers)));

CREATE TABLE scorecard_store.response_months (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    month date NOT NULL,                         -- the first day of the month the messages were sent in
    messages integer NOT NULL,
    answered integer NOT NULL,
    unanswered_overdue integer NOT NULL,
    pending integer NOT NULL,
    median_response_hours double precision,
    within_sla_rate double precision,
    PRIMARY KEY (run_id, supplier_id, month));

CREATE TABLE scorecard_store.material_sourcing (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    material_id text NOT NULL,
    criticality text,
    sources integer NOT NULL,
    usable_sources integer NOT NULL,
    required_sources integer,                    -- NULL: not critical, no minimum applies
    single_sourced boolean NOT NULL,
    PRIMARY KEY (run_id, material_id));

CREATE VIEW scorecard.control_chart_points WITH (security_barrier) AS
    SELECT c.run_id, c.supplier_id, c.material_id, c.characteristic, p.position::integer AS position,
           p.lot_number, p.lot_day, p.value, p.verdict, p.ewma, p.ewma_lower, p.ewma_upper, p.flagged,
           c.unit, c.lower_limit, c.upper_limit, c.edge_lower, c.edge_upper, c.centre, c.sigma,
           c.ewma_lambda, c.ewma_l
    FROM scorecard.latest_run r
    JOIN scorecard_store.control_charts c USING (run_id)
    CROSS JOIN LATERAL unnest(c.lot_numbers, c.lot_days, c.lot_values, c.verdicts, c.ewma, c.ewma_lower,
                              c.ewma_upper, c.flagged)
        WITH ORDINALITY AS p(lot_number, lot_day, value, verdict, ewma, ewma_lower, ewma_upper, flagged, position);
COMMENT ON VIEW scorecard.control_chart_points IS
    'Every point of every control chart of the latest run, as the supplier pages draw it: one row per lot.';
COMMENT ON COLUMN scorecard.control_chart_points.position IS 'Order of the lot on the chart, 1 = oldest shown.';
COMMENT ON COLUMN scorecard.control_chart_points.ewma IS 'The EWMA after this lot, started at the centre.';
COMMENT ON COLUMN scorecard.control_chart_points.ewma_lower IS 'The EWMA''s lower control limit at this lot.';
COMMENT ON COLUMN scorecard.control_chart_points.ewma_upper IS 'The EWMA''s upper control limit at this lot.';
COMMENT ON COLUMN scorecard.control_chart_points.flagged IS 'A flag of the latest run names this lot (see supplier_flags.evidence->''flagged_lots'').';
COMMENT ON COLUMN scorecard.control_chart_points.edge_lower IS 'The lower edge band runs from lower_limit to this value.';
COMMENT ON COLUMN scorecard.control_chart_points.edge_upper IS 'The upper edge band runs from this value to upper_limit.';
COMMENT ON COLUMN scorecard.control_chart_points.centre IS 'The EWMA''s centre: the mean of the small-batch baseline lots.';
COMMENT ON COLUMN scorecard.control_chart_points.sigma IS 'The σ of the EWMA limits at the latest lot.';

CREATE VIEW scorecard.response_months WITH (security_barrier) AS
    SELECT m.run_id, m.supplier_id, m.month, m.messages, m.answered, m.unanswered_overdue, m.pending,
           m.median_response_hours, m.within_sla_rate
    FROM scorecard.latest_run r JOIN scorecard_store.response_months m USING (run_id);
COMMENT ON VIEW scorecard.response_months IS
    'Per supplier and calendar month (baseline and current windows, latest run): messages sent and how they were answered.';
COMMENT ON COLUMN scorecard.response_months.unanswered_overdue IS 'Unanswered at the as-of date and older than the response SLA.';
COMMENT ON COLUMN scorecard.response_months.pending IS 'Unanswered but younger than the SLA: not judged yet.';
COMMENT ON COLUMN scorecard.response_months.within_sla_rate IS 'Share of judged messages answered within the SLA (0-1).';

CREATE VIEW scorecard.material_sourcing WITH (security_barrier) AS
    SELECT s.run_id, s.material_id, s.criticality, s.sources, s.usable_sources, s.required_sources, s.single_sourced
    FROM scorecard.latest_run r JOIN scorecard_store.material_sourcing s USING (run_id);
COMMENT ON VIEW scorecard.material_sourcing IS
    'Per material (latest run): its approved sources and whether the single-source rule counts it single-sourced.';
COMMENT ON COLUMN scorecard.material_sourcing.usable_sources IS 'Approved or conditional sources (pending and blocked ones cannot deliver).';
COMMENT ON COLUMN scorecard.material_sourcing.required_sources IS 'The minimum the rule asks of a critical material (exposure.minimum_sources); NULL when not critical.';
COMMENT ON COLUMN scorecard.material_sourcing.single_sourced IS 'Critical with fewer usable sources than required: raises the single_source flag.';

-- The zone the run cut timestamps into days in (time_zone): readers of the run cut the same way.
ALTER TABLE scorecard_store.runs ADD COLUMN time_zone text;
