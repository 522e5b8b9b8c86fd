-- The days a run's current and baseline windows cover, stored with the run so that every page header and
-- query states them without knowing the configuration the run used.
ALTER TABLE scorecard_store.runs
    ADD COLUMN current_first date,
    ADD COLUMN current_last date,
    ADD COLUMN baseline_first date,
    ADD COLUMN baseline_last date;
COMMENT ON COLUMN scorecard_store.runs.current_first IS
    'First day of the current window (current_window_days ending on as_of); NULL for runs before this column and for shard intakes.';
COMMENT ON COLUMN scorecard_store.runs.baseline_first IS
    'First day of the baseline window (baseline_window_days before the current window).';
