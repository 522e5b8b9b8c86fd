-- Per supplier x material figures of the current window, computed once by the run (Scoring's
-- MaterialFigures) and stored, so the material pages and the views compare sources with the same numbers;
-- and the supplier's open order value (what is at stake), stored with its scores.
CREATE TABLE scorecard_store.supplier_material_figures (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    material_id text NOT NULL,
    due_lines integer NOT NULL,                  -- judged due lines of the current window
    otd_rate double precision,
    otif_rate double precision,
    avg_days_late double precision,
    ppm double precision,
    lots_received integer NOT NULL,
    median_lead_time_days double precision,      -- order to first receipt, judged lines
    lead_time_lines integer NOT NULL,
    lead_time_cv double precision,
    quoted_lead_time_days double precision,      -- mean quoted over the same lines
    typical_quantity double precision,           -- median quantity ordered in the current window
    order_unit text,                             -- NULL: none ordered, or several units
    unit_mismatch boolean NOT NULL,
    volume_tier_quotation_id text,
    volume_tier_min_quantity double precision,
    volume_tier_price double precision,          -- currency not recorded
    volume_tier_lead_time_days integer,
    open_lines integer NOT NULL,
    open_quantity double precision,              -- NULL: no open line, or several units
    open_unit text,
    open_value double precision,                 -- open quantity x order price, priced lines only
    unpriced_open_lines integer NOT NULL,
    PRIMARY KEY (run_id, supplier_id, material_id));

-- The index's "Today" lines, ranked by the run (severity, then what is at stake), so the pages show the run's
-- order instead of working one out.
CREATE TABLE scorecard_store.today_lines (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    rank integer NOT NULL,                       -- 1 = first line
    urgency text NOT NULL CHECK (urgency IN ('urgent', 'this_week', 'watch')),
    sole_sourced jsonb NOT NULL,                 -- critical materials it is the only usable source of
    critical_materials jsonb NOT NULL,           -- its other critical materials
    open_order_value double precision,           -- currency not recorded
    PRIMARY KEY (run_id, supplier_id));

ALTER TABLE scorecard_store.supplier_scores ADD COLUMN open_order_value double precision;
COMMENT ON COLUMN scorecard_store.supplier_scores.open_order_value IS
    'Open order value over all the supplier''s materials (currency not recorded); NULL: no priced open line or a run before this column.';

CREATE OR REPLACE VIEW scorecard.supplier_material_figures_history WITH (security_barrier) AS
    SELECT d.run_id, r.as_of, d.supplier_id, d.material_id, m.name AS material_name, m.criticality,
           d.recommended_status, d.readiness_state, d.inspection_level, d.skip_lot_candidate,
           otd.value AS otd_last_lines_rate, otd.bound AS otd_last_lines_bound, otd.n AS otd_last_lines_n,
           otd.threshold AS otd_last_lines_threshold,
           lt.value AS lead_time_cv, lt.n AS lead_time_n, lt.threshold AS lead_time_cv_threshold,
           lots.value AS consecutive_conforming_lots, lots.n AS lots_in_look_back,
           lots.threshold AS consecutive_conforming_lots_needed,
           cpk.value AS worst_cpk, cpk.characteristic AS worst_cpk_characteristic, cpk.bound AS worst_cpk_bound,
           cpk.n AS worst_cpk_n, cpk.threshold AS cpk_threshold,
           f.due_lines AS current_due_lines, round(f.otd_rate::numeric, 4) AS current_otd_rate,
           round(f.otif_rate::numeric, 4) AS current_otif_rate,
           round(f.avg_days_late::numeric, 2) AS current_avg_days_late, round(f.ppm::numeric, 1) AS current_ppm,
           f.lots_received AS current_lots_received,
           round(f.median_lead_time_days::numeric, 1) AS current_median_lead_time_days,
           f.lead_time_lines AS current_lead_time_lines, round(f.lead_time_cv::numeric, 3) AS current_lead_time_cv,
           round(f.quoted_lead_time_days::numeric, 1) AS current_quoted_lead_time_days,
           round(f.typical_quantity::numeric, 3) AS typical_order_quantity, f.order_unit, f.unit_mismatch,
           f.volume_tier_quotation_id, round(f.volume_tier_min_quantity::numeric, 3) AS volume_tier_min_quantity,
           round(f.volume_tier_price::numeric, 4) AS volume_tier_unit_price, NULL::text AS currency,
           f.volume_tier_lead_time_days, f.open_lines, round(f.open_quantity::numeric, 3) AS open_quantity,
           f.open_unit, round(f.open_value::numeric, 2) AS open_value, f.unpriced_open_lines,
           round(s.open_order_value::numeric, 2) AS supplier_open_value
    FROM scorecard.nightly_runs r
    JOIN scorecard_store.material_decisions d USING (run_id)
    LEFT JOIN procurement.materials m ON m.material_id = d.material_id
    LEFT JOIN scorecard.readiness_conditions_history otd
        ON otd.run_id = d.run_id AND otd.supplier_id = d.supplier_id AND otd.material_id = d.material_id
       AND otd.key = 'otd_last_lines'
    LEFT JOIN scorecard.readiness_conditions_history lt
        ON lt.run_id = d.run_id AND lt.supplier_id = d.supplier_id AND lt.material_id = d.material_id
       AND lt.key = 'lead_time_cv'
    LEFT JOIN scorecard.readiness_conditions_history lots
        ON lots.run_id = d.run_id AND lots.supplier_id = d.supplier_id AND lots.material_id = d.material_id
       AND lots.key = 'consecutive_conforming_lots'
    LEFT JOIN scorecard.readiness_conditions_history cpk
        ON cpk.run_id = d.run_id AND cpk.supplier_id = d.supplier_id AND cpk.material_id = d.material_id
       AND cpk.key = 'cpk'
    LEFT JOIN scorecard_store.supplier_material_figures f
        ON f.run_id = d.run_id AND f.supplier_id = d.supplier_id AND f.material_id = d.material_id
    LEFT JOIN scorecard_store.supplier_scores s ON s.run_id = d.run_id AND s.supplier_id = d.supplier_id;

COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_due_lines IS 'Judged due lines of this material in the current window: the n of current_otd_rate, current_otif_rate and current_avg_days_late.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_otd_rate IS 'On-time delivery of this material over its judged due lines of the current window, fraction 0-1 (4 decimals); NULL: no judged line.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_otif_rate IS 'On time in full of this material over the same lines, fraction 0-1 (4 decimals).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_avg_days_late IS 'Mean days late over the same lines (on-time lines count 0), 2 decimals.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_ppm IS 'Defective parts per million received of this material in the current window, 1 decimal; NULL: nothing received.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_lots_received IS 'Receipts (lots) of this material in the current window.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_median_lead_time_days IS 'Median actual lead time in days (order day to first receipt) over the judged lines with a receipt, 1 decimal.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_lead_time_lines IS 'Judged lines with an actual lead time: the n of the lead-time figures.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_lead_time_cv IS 'Coefficient of variation (sd / mean) of those actual lead times, 3 decimals; NULL: fewer than 2.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.current_quoted_lead_time_days IS 'Mean quoted lead time in days (the tier that applied when each line was ordered) over the judged lines with both an actual and a quoted lead time, 1 decimal.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.typical_order_quantity IS 'Median quantity of the lines of this material ordered in the current window (not cancelled), in order_unit: the supplier''s recent typical order; NULL: none ordered or several units.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.order_unit IS 'The unit of those lines; NULL: none ordered, or several units (unit_mismatch).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.unit_mismatch IS 'The lines ordered in the current window use more than one unit: no typical quantity and no volume tier.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.volume_tier_quotation_id IS 'The current quotation tier the typical quantity falls in (highest minimum quantity it reaches); NULL: no tier applies.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.volume_tier_min_quantity IS 'That tier''s minimum quantity, in order_unit.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.volume_tier_unit_price IS 'That tier''s price per order_unit, 4 decimals, in currency.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.currency IS 'The currency of the prices and values. Always NULL: the ERP feed carries no currency.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.volume_tier_lead_time_days IS 'Lead time quoted at that tier, in calendar days.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.open_lines IS 'Lines of this material ordered by the as-of date, not cancelled and not fully received by it (lines due, ordered or received in the look-back).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.open_quantity IS 'Still to be received on those lines, in open_unit, 3 decimals; NULL: no open line, or several units.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.open_unit IS 'The unit of open_quantity.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.open_value IS 'Open quantity x order unit price over the open lines with a price, 2 decimals, in currency; NULL: no priced open line.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.unpriced_open_lines IS 'Open lines without a price on the order (not in open_value).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.supplier_open_value IS 'The supplier''s open order value over all its materials, 2 decimals, in currency: what is at stake with it.';

CREATE OR REPLACE VIEW scorecard.supplier_material_figures WITH (security_barrier) AS
    SELECT f.* FROM scorecard.supplier_material_figures_history f JOIN scorecard.latest_run r USING (run_id);

-- The latest view's new columns mean what the history's mean.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT a.attname, col_description('scorecard.supplier_material_figures_history'::regclass, sa.attnum) AS meaning
        FROM pg_attribute a
        JOIN pg_attribute sa ON sa.attrelid = 'scorecard.supplier_material_figures_history'::regclass
         AND sa.attname = a.attname
        WHERE a.attrelid = 'scorecard.supplier_material_figures'::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND col_description(a.attrelid, a.attnum) IS NULL
    LOOP
        EXECUTE format('COMMENT ON COLUMN scorecard.supplier_material_figures.%I IS %L', c.attname, c.meaning);
    END LOOP;
END $$;
