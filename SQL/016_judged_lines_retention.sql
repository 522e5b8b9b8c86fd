-- The judged order lines are evidence for drilling into the latest runs' delivery figures, not an archive:
-- about 250,000 rows a night at a thousand suppliers (50 MB) would grow by 18 GB a year. The run keeps
-- the lines of the latest nightly runs only (ResultWriter.pruneJudgedLines), and the table carries the
-- one index the views use instead of a four-column key that every night's COPY had to maintain.
ALTER TABLE scorecard_store.judged_order_lines DROP CONSTRAINT judged_order_lines_pkey;
CREATE INDEX judged_order_lines_run_supplier ON scorecard_store.judged_order_lines (run_id, supplier_id);
COMMENT ON VIEW scorecard.judged_order_lines_history IS
    'Per successful nightly run among the latest seven (older runs'' lines are pruned by the run): every order line its delivery figures judged, with the verdicts (runs before migration 013 stored none).';
