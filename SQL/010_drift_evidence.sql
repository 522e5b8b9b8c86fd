-- The drift test's evidence per series: its p-value (the false-alarm rate at which the series would still
-- be flagged), the contrast that gave it and how far the recent lots moved from the baseline in σ. Columns
-- are appended to the view (a replaced view may only gain columns at its end), and the view is created
-- again WITH (security_barrier), which CREATE OR REPLACE would otherwise drop.

ALTER TABLE scorecard_store.characteristic_capability
    ADD COLUMN drift_p_value double precision CHECK (drift_p_value BETWEEN 0 AND 1),
    ADD COLUMN drift_test text CHECK (drift_test IN ('recent_vs_earlier', 'trend_vs_baseline')),
    ADD COLUMN drift_shift_sigmas double precision;

CREATE OR REPLACE VIEW scorecard.characteristic_capability WITH (security_barrier) AS
    SELECT c.run_id, c.supplier_id, c.material_id, c.characteristic, c.unit, c.lower_limit, c.upper_limit, c.lots,
           c.first_lot_day, c.last_lot_day,
           c.baseline_n, c.baseline_mean, c.baseline_sd, c.baseline_cp, c.baseline_cpk,
           c.recent_n, c.recent_mean, c.recent_sd, c.recent_cp, c.recent_cpk,
           c.edge_share_baseline, c.edge_share_recent, c.monitored, c.ewma, c.ewma_lower_limit, c.ewma_upper_limit,
           c.ewma_signal_lot, c.trend_signal_lot, c.edge_share_signal, c.drift_direction, c.recent_slope_per_lot,
           c.projected_lots_to_limit, c.drift_p_value, c.drift_test, c.drift_shift_sigmas, c.sigma_used
    FROM scorecard.latest_run r JOIN scorecard_store.characteristic_capability c USING (run_id);
ALTER VIEW scorecard.characteristic_capability SET (security_barrier = true);

COMMENT ON COLUMN scorecard.characteristic_capability.drift_p_value IS
    'Evidence of the drift test at the latest lot: the false-alarm rate at which this series would still be '
    'flagged (flagged when at most drift.false_alarm_rate). NULL: not asked yet, or no move toward a nearer limit.';
COMMENT ON COLUMN scorecard.characteristic_capability.drift_test IS
    'recent_vs_earlier (recent lots against all earlier ones) or trend_vs_baseline (a line through the lots after '
    'the baseline, at the latest lot, against the baseline mean): the contrast that gave drift_p_value.';
COMMENT ON COLUMN scorecard.characteristic_capability.drift_shift_sigmas IS
    'How far the recent lots moved from the small-batch baseline mean, in units of the test''s σ (sigma_used).';
COMMENT ON COLUMN scorecard.characteristic_capability.sigma_used IS
    'The σ of the drift test and the EWMA chart: pooled from the spread of baseline, middle and recent lots around their own means.';
