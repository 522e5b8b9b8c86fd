-- Buyer views, second edition: the master data buyers reason with, each figure of a supplier x material as a
-- column, the lots behind the aggregates, history for every result view and what changed between the last two
-- runs. The existing views keep their columns and types (a replaced view may only append columns, and buyers'
-- saved queries name them); the new views give rates as numeric fractions 0-1 rounded at the source. Every view
-- is a security barrier, stated on each CREATE (Tests/SQL/locks_and_barriers.sql checks it).

-- Nightly runs that succeeded, each with the one before it: the backbone of every *_history view.
CREATE VIEW scorecard.nightly_runs WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, r.time_zone,
           lag(r.run_id) OVER (ORDER BY r.run_id) AS previous_run_id,
           lag(r.as_of) OVER (ORDER BY r.run_id) AS previous_as_of,
           r.run_id = max(r.run_id) OVER () AS latest
    FROM scorecard_store.runs r
    WHERE r.status = 'succeeded' AND r.kind = 'nightly';
COMMENT ON VIEW scorecard.nightly_runs IS
    'Every successful nightly run with the one before it: the runs the *_history views are made of.';
COMMENT ON COLUMN scorecard.nightly_runs.time_zone IS 'The zone the run cut timestamps into days in.';
COMMENT ON COLUMN scorecard.nightly_runs.previous_run_id IS 'The successful nightly run before this one; NULL for the first.';
COMMENT ON COLUMN scorecard.nightly_runs.previous_as_of IS 'The as-of date of the previous successful nightly run.';
COMMENT ON COLUMN scorecard.nightly_runs.latest IS 'This is the latest successful nightly run (the one the latest views read).';

-- ---------------------------------------------------------------------------------------------------------
-- Master data. The ERP's tables hold today's state (names, criticality, the approved list are not versioned);
-- what depends on the day, the specification in force and the current quotations, is taken at the run's as-of.

CREATE VIEW scorecard.specifications WITH (security_barrier) AS
    SELECT s.material_id, s.characteristic, s.unit, s.lower_limit, s.upper_limit, s.target, s.valid_from, s.valid_to,
           (s.valid_from <= r.as_of AND (s.valid_to IS NULL OR r.as_of < s.valid_to)) AS in_force,
           r.run_id, r.as_of
    FROM scorecard.latest_run r CROSS JOIN procurement.specifications s;
COMMENT ON VIEW scorecard.specifications IS
    'Every version of every tolerance range (procurement.specifications), marked in force or not at the latest run''s as-of date.';
COMMENT ON COLUMN scorecard.specifications.unit IS 'The unit the limits are in, e.g. %, mg/kg, mPa.s.';
COMMENT ON COLUMN scorecard.specifications.lower_limit IS 'Lower limit, in unit; NULL: no lower limit.';
COMMENT ON COLUMN scorecard.specifications.upper_limit IS 'Upper limit, in unit; NULL: no upper limit.';
COMMENT ON COLUMN scorecard.specifications.target IS 'Target value, in unit; NULL: none stated.';
COMMENT ON COLUMN scorecard.specifications.valid_from IS 'First day this version is in force.';
COMMENT ON COLUMN scorecard.specifications.valid_to IS 'First day it is no longer in force (exclusive); NULL: open-ended.';
COMMENT ON COLUMN scorecard.specifications.in_force IS 'In force on the latest run''s as-of date.';

CREATE VIEW scorecard.materials_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, m.material_id, m.name AS material_name, m.criticality,
           ms.sources, ms.usable_sources, ms.required_sources, ms.single_sourced,
           (SELECT jsonb_agg(jsonb_build_object(
                       'characteristic', s.characteristic, 'unit', s.unit, 'lower_limit', s.lower_limit,
                       'upper_limit', s.upper_limit, 'target', s.target, 'valid_from', s.valid_from)
                   ORDER BY s.characteristic)
            FROM procurement.specifications s
            WHERE s.material_id = m.material_id AND s.valid_from <= r.as_of
              AND (s.valid_to IS NULL OR r.as_of < s.valid_to)) AS specifications_in_force,
           (SELECT count(*) FROM procurement.specifications s
            WHERE s.material_id = m.material_id AND s.valid_from <= r.as_of
              AND (s.valid_to IS NULL OR r.as_of < s.valid_to))::integer AS characteristics_in_force
    FROM scorecard.nightly_runs r
    CROSS JOIN procurement.materials m
    LEFT JOIN scorecard_store.material_sourcing ms ON ms.run_id = r.run_id AND ms.material_id = m.material_id;
COMMENT ON VIEW scorecard.materials_history IS
    'Per successful nightly run x material: name and criticality (today''s master data), the specifications in force on the run''s as-of date and its sourcing as the run counted it.';
COMMENT ON COLUMN scorecard.materials_history.material_name IS 'The material''s name in the ERP.';
COMMENT ON COLUMN scorecard.materials_history.criticality IS 'critical, major or minor (ERP master data).';
COMMENT ON COLUMN scorecard.materials_history.sources IS 'Approved-list entries for the material, any status, as the run counted them; NULL: not counted by that run.';
COMMENT ON COLUMN scorecard.materials_history.usable_sources IS 'Of which approved or conditional (pending and blocked ones cannot deliver).';
COMMENT ON COLUMN scorecard.materials_history.required_sources IS 'The minimum usable sources asked of a critical material (exposure.minimum_sources); NULL when not critical.';
COMMENT ON COLUMN scorecard.materials_history.single_sourced IS 'Critical with fewer usable sources than required (the single_source rule''s verdict).';
COMMENT ON COLUMN scorecard.materials_history.specifications_in_force IS
    'The tolerance ranges in force on the as-of date: [{characteristic, unit, lower_limit, upper_limit, target, valid_from}]; NULL: none.';
COMMENT ON COLUMN scorecard.materials_history.characteristics_in_force IS 'How many characteristics have a specification in force.';

CREATE VIEW scorecard.materials WITH (security_barrier) AS
    SELECT m.* FROM scorecard.materials_history m JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.materials IS
    'Per material, latest run: name, criticality, the specifications in force and its sourcing.';

CREATE VIEW scorecard.approved_sources_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, a.supplier_id, s.name AS supplier_name, a.material_id, m.name AS material_name,
           m.criticality, a.supplier_part_number, a.status AS approval_status, a.approved_on,
           a.status IN ('approved', 'conditional') AS usable,
           d.recommended_status, d.readiness_state, d.inspection_level
    FROM scorecard.nightly_runs r
    CROSS JOIN procurement.approved_sources a
    JOIN procurement.suppliers s ON s.supplier_id = a.supplier_id
    JOIN procurement.materials m ON m.material_id = a.material_id
    LEFT JOIN scorecard_store.material_decisions d
        ON d.run_id = r.run_id AND d.supplier_id = a.supplier_id AND d.material_id = a.material_id;
COMMENT ON VIEW scorecard.approved_sources_history IS
    'Per successful nightly run x approved-list entry: the ERP''s approval (today''s list) beside what that run recommended for the pair.';
COMMENT ON COLUMN scorecard.approved_sources_history.supplier_part_number IS 'The supplier''s code for the material, as printed on its CoAs.';
COMMENT ON COLUMN scorecard.approved_sources_history.approval_status IS
    'The ERP''s approval: approved, conditional, pending or blocked (never edited by the job).';
COMMENT ON COLUMN scorecard.approved_sources_history.approved_on IS 'The day the source was approved; NULL: not recorded.';
COMMENT ON COLUMN scorecard.approved_sources_history.usable IS 'approved or conditional: the source can deliver.';
COMMENT ON COLUMN scorecard.approved_sources_history.recommended_status IS
    'The run''s recommendation for the pair: in_qualification, qualified, conditional or probation; NULL: not judged.';
COMMENT ON COLUMN scorecard.approved_sources_history.readiness_state IS 'Scale-up readiness of the pair: ready, not_ready or too_few_to_judge; NULL: not judged.';
COMMENT ON COLUMN scorecard.approved_sources_history.inspection_level IS 'Recommended inspection: normal, tightened, reduced or discontinue; NULL: not judged.';

CREATE VIEW scorecard.approved_sources WITH (security_barrier) AS
    SELECT a.* FROM scorecard.approved_sources_history a JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.approved_sources IS
    'The approved supplier list with each entry''s status, part number and approval day, beside the latest run''s recommendation.';

-- Quotation tiers. "Current" is the rule the scale-up gap flags use (Sources/Scoring/Decisions/QuotationTiers.swift):
-- quoted on or before the as-of date, valid on it, and per minimum quantity the latest quotation (same day: the
-- higher id). The ERP feed carries no currency and no unit on a quotation: currency is NULL until it does, and
-- the quantity unit is the one the supplier's order lines of the material use, when they all use one.
CREATE VIEW scorecard.quotation_tiers WITH (security_barrier) AS
    WITH q AS (
        SELECT q.*, r.run_id, r.as_of,
               (q.quoted_at <= r.as_of AND (q.valid_until IS NULL OR r.as_of <= q.valid_until)) AS valid_at_as_of
        FROM scorecard.latest_run r CROSS JOIN procurement.quotations q),
    ranked AS (
        SELECT q.*,
               q.valid_at_as_of AND row_number() OVER (
                   PARTITION BY q.supplier_id, q.material_id, q.min_quantity, q.valid_at_as_of
                   ORDER BY q.quoted_at DESC, q.quotation_id DESC) = 1 AS current
        FROM q)
    SELECT t.run_id, t.as_of, t.quotation_id, t.supplier_id, t.material_id, t.quoted_at, t.min_quantity,
           CASE WHEN t.current THEN lead(t.min_quantity) OVER (
                    PARTITION BY t.supplier_id, t.material_id, t.current ORDER BY t.min_quantity) END AS max_quantity,
           (SELECT min(o.unit) FROM procurement.order_lines o
            WHERE o.supplier_id = t.supplier_id AND o.material_id = t.material_id
            HAVING count(DISTINCT o.unit) = 1) AS quantity_unit,
           t.unit_price, NULL::text AS currency, t.lead_time_days, t.valid_until, t.valid_at_as_of, t.current
    FROM ranked t;
COMMENT ON VIEW scorecard.quotation_tiers IS
    'Every quotation tier (procurement.quotations) with whether it is current at the latest run''s as-of date; scorecard.price_at(material, quantity) picks the tier of a quantity.';
COMMENT ON COLUMN scorecard.quotation_tiers.quoted_at IS 'The day the supplier quoted.';
COMMENT ON COLUMN scorecard.quotation_tiers.min_quantity IS 'The tier''s minimum order quantity, in quantity_unit.';
COMMENT ON COLUMN scorecard.quotation_tiers.max_quantity IS
    'The next current tier''s minimum (exclusive): the tier holds for min_quantity <= quantity < max_quantity; NULL: no higher tier, or not current.';
COMMENT ON COLUMN scorecard.quotation_tiers.quantity_unit IS
    'The unit of the quantities: quotations carry none, so the one unit of the supplier''s order lines of this material; NULL when they use several or there are none.';
COMMENT ON COLUMN scorecard.quotation_tiers.unit_price IS 'Price per quantity_unit, in currency.';
COMMENT ON COLUMN scorecard.quotation_tiers.currency IS
    'The currency of unit_price. Always NULL: the ERP feed (procurement.quotations) carries no currency yet.';
COMMENT ON COLUMN scorecard.quotation_tiers.lead_time_days IS 'Quoted lead time in calendar days from order to delivery.';
COMMENT ON COLUMN scorecard.quotation_tiers.valid_until IS 'Last day the quotation is valid; NULL: open-ended.';
COMMENT ON COLUMN scorecard.quotation_tiers.valid_at_as_of IS 'Quoted on or before the as-of date and valid on it.';
COMMENT ON COLUMN scorecard.quotation_tiers.current IS
    'Valid at the as-of date and the latest quotation for its minimum quantity: the tier that stands.';

-- The price of an order of `quantity` from each source of `material`: the current tier with the highest
-- minimum quantity at most `quantity`. SECURITY INVOKER reading the view, so it reaches exactly what the view
-- grants; STABLE, so it can be called per row of a LATERAL join.
CREATE FUNCTION scorecard.price_at(material text, quantity numeric)
RETURNS TABLE (supplier_id text, material_id text, quotation_id text, min_quantity numeric, max_quantity numeric,
               quantity_unit text, unit_price numeric, currency text, order_price numeric, lead_time_days integer,
               valid_until date)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
    SELECT DISTINCT ON (t.supplier_id)
           t.supplier_id, t.material_id, t.quotation_id, t.min_quantity, t.max_quantity, t.quantity_unit,
           t.unit_price, t.currency, t.unit_price * price_at.quantity, t.lead_time_days, t.valid_until
    FROM scorecard.quotation_tiers t
    WHERE t.material_id = price_at.material AND t.current AND t.min_quantity <= price_at.quantity
    ORDER BY t.supplier_id, t.min_quantity DESC
$$;
COMMENT ON FUNCTION scorecard.price_at(text, numeric) IS
    'Per source of the material: the current quotation tier for an order of that quantity (in the tier''s quantity_unit), its unit price, the order''s price (unit_price x quantity) and lead time. No row for a source whose lowest tier is above the quantity.';

-- ---------------------------------------------------------------------------------------------------------
-- Conditions as rows. Figures stored with a condition (value, threshold, bound, n, unit) are fields of its JSON
-- object since this migration's run writer; runs before it stored the sentence only, and read NULL here.

CREATE VIEW scorecard.readiness_conditions_history WITH (security_barrier) AS
    SELECT d.run_id, r.as_of, d.supplier_id, d.material_id, c.position::integer AS position,
           c.item ->> 'key' AS key, c.item ->> 'state' AS state,
           round((c.item ->> 'value')::numeric, 4) AS value,
           round((c.item ->> 'threshold')::numeric, 4) AS threshold,
           round((c.item ->> 'bound')::numeric, 4) AS bound,
           (c.item ->> 'n')::integer AS n, c.item ->> 'unit' AS unit, c.item ->> 'characteristic' AS characteristic,
           c.item ->> 'detail' AS detail
    FROM scorecard.nightly_runs r
    JOIN scorecard_store.material_decisions d USING (run_id)
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(d.readiness_conditions, '[]')) WITH ORDINALITY AS c(item, position);
COMMENT ON VIEW scorecard.readiness_conditions_history IS
    'Per successful nightly run x supplier x material: each scale-up readiness condition as a row, with its figure, threshold and n.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.position IS 'Order of the condition in the run''s fixed condition order (1 = first).';
COMMENT ON COLUMN scorecard.readiness_conditions_history.key IS
    'spec_unchanged, consecutive_conforming_lots, cpk, otd_last_lines, lead_time_cv, responsiveness, no_priority_risk or status.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.state IS 'met, not_met, no_data or too_few_to_judge.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.value IS
    'The figure judged, in unit (fractions 0-1 for rates, e.g. OTD 0.95; the worst characteristic''s Cpk for cpk); NULL: no figure (no data, or a run before figures were stored).';
COMMENT ON COLUMN scorecard.readiness_conditions_history.threshold IS 'The configured threshold the figure is judged against, in unit.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.bound IS
    'The confidence bound that decided the state (lower bound when shown met or undecided, upper bound when shown not met), in unit; NULL when judged without a bound.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.n IS 'How many observations the figure rests on (lines, lots, messages).';
COMMENT ON COLUMN scorecard.readiness_conditions_history.unit IS 'Unit of value, threshold and bound: fraction, cpk, lots, days, cv or hours.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.characteristic IS 'For cpk: the characteristic the value belongs to (the worst judged); NULL otherwise.';
COMMENT ON COLUMN scorecard.readiness_conditions_history.detail IS 'The condition in plain words with its figures, as the pages show it.';

CREATE VIEW scorecard.readiness_conditions WITH (security_barrier) AS
    SELECT c.* FROM scorecard.readiness_conditions_history c JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.readiness_conditions IS
    'Latest run, per supplier x material: each scale-up readiness condition as a row (key, state, value, threshold, bound, n, unit, detail).';

CREATE VIEW scorecard.status_reasons_history WITH (security_barrier) AS
    SELECT s.run_id, r.as_of, s.supplier_id, NULL::text AS material_id, s.recommended_status,
           e.position::integer AS position, e.reason
    FROM scorecard.nightly_runs r
    JOIN scorecard_store.supplier_scores s USING (run_id)
    CROSS JOIN LATERAL jsonb_array_elements_text(s.status_reasons) WITH ORDINALITY AS e(reason, position)
    UNION ALL
    SELECT d.run_id, r.as_of, d.supplier_id, d.material_id, d.recommended_status, e.position::integer, e.reason
    FROM scorecard.nightly_runs r
    JOIN scorecard_store.material_decisions d USING (run_id)
    CROSS JOIN LATERAL jsonb_array_elements_text(d.status_reasons) WITH ORDINALITY AS e(reason, position);
COMMENT ON VIEW scorecard.status_reasons_history IS
    'Per successful nightly run: each reason of a recommended status as a row, for a supplier (material_id NULL) or a supplier x material.';
COMMENT ON COLUMN scorecard.status_reasons_history.material_id IS 'NULL: the reason of the supplier''s overall status.';
COMMENT ON COLUMN scorecard.status_reasons_history.recommended_status IS 'in_qualification, qualified, conditional or probation.';
COMMENT ON COLUMN scorecard.status_reasons_history.position IS 'Order of the reason (1 = the strongest, as the pages list them).';
COMMENT ON COLUMN scorecard.status_reasons_history.reason IS 'The reason in words with its figures.';

CREATE VIEW scorecard.status_reasons WITH (security_barrier) AS
    SELECT s.* FROM scorecard.status_reasons_history s JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.status_reasons IS 'Latest run: each reason of each recommended status as a row.';

-- Per supplier x material, the figures of its decision as columns (from the stored conditions) and its
-- capability per characteristic (characteristic_capability has the rest of each series).
CREATE VIEW scorecard.supplier_material_figures_history WITH (security_barrier) AS
    SELECT d.run_id, r.as_of, d.supplier_id, d.material_id, m.name AS material_name, m.criticality,
           d.recommended_status, d.readiness_state, d.inspection_level, d.skip_lot_candidate,
           otd.value AS otd_last_lines_rate, otd.bound AS otd_last_lines_bound, otd.n AS otd_last_lines_n,
           otd.threshold AS otd_last_lines_threshold,
           lt.value AS lead_time_cv, lt.n AS lead_time_n, lt.threshold AS lead_time_cv_threshold,
           lots.value AS consecutive_conforming_lots, lots.n AS lots_in_look_back,
           lots.threshold AS consecutive_conforming_lots_needed,
           cpk.value AS worst_cpk, cpk.characteristic AS worst_cpk_characteristic, cpk.bound AS worst_cpk_bound,
           cpk.n AS worst_cpk_n, cpk.threshold AS cpk_threshold
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
       AND cpk.key = 'cpk';
COMMENT ON VIEW scorecard.supplier_material_figures_history IS
    'Per successful nightly run x supplier x material: the figures its decision rests on, one column each (the window of each in its name: last lines, look-back).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.material_name IS 'The material''s name in the ERP.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.criticality IS 'critical, major or minor.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.recommended_status IS 'in_qualification, qualified, conditional or probation; NULL: no status for the pair.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.readiness_state IS 'ready, not_ready or too_few_to_judge.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.inspection_level IS 'normal, tightened, reduced or discontinue (ISO 2859-1).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.skip_lot_candidate IS 'Qualifies for ISO 2859-3 skip-lot.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.otd_last_lines_rate IS
    'OTD over the last judged due lines of the material in the look-back (decisions.readiness_due_lines), fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.otd_last_lines_bound IS 'Its confidence bound (fraction 0-1) that decided the readiness state.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.otd_last_lines_n IS 'Judged due lines the OTD rests on.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.otd_last_lines_threshold IS 'OTD needed for scale-up, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.lead_time_cv IS 'Coefficient of variation of the actual lead times of those lines (sd / mean).';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.lead_time_n IS 'Lines with an actual lead time.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.lead_time_cv_threshold IS 'The highest CV allowed for scale-up.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.consecutive_conforming_lots IS 'Latest lots in a row without a finding, in the look-back.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.lots_in_look_back IS 'Lots received in the look-back.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.consecutive_conforming_lots_needed IS 'Consecutive conforming lots needed for scale-up.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.worst_cpk IS 'The lowest Cpk among the judged characteristics over their latest lots.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.worst_cpk_characteristic IS 'The characteristic of worst_cpk.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.worst_cpk_bound IS 'Its confidence bound (Bissell) that decided the readiness state.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.worst_cpk_n IS 'Lots the worst Cpk rests on.';
COMMENT ON COLUMN scorecard.supplier_material_figures_history.cpk_threshold IS 'Cpk needed for scale-up.';

CREATE VIEW scorecard.supplier_material_figures WITH (security_barrier) AS
    SELECT f.* FROM scorecard.supplier_material_figures_history f JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.supplier_material_figures IS
    'Latest run, per supplier x material: the figures its decision rests on, one column each.';

-- ---------------------------------------------------------------------------------------------------------
-- Lots and lines: the evidence under the aggregates, as of the latest run.

-- Lots received up to the latest run's as-of date with their certificate's state: the stored documents known by
-- the as-of day, and whether the run's missing_coa flags name the lot (the run's verdict, not judged again).
CREATE VIEW scorecard.received_lots WITH (security_barrier) AS
    WITH r AS (SELECT run_id, as_of, coalesce(time_zone, 'UTC') AS zone FROM scorecard.nightly_runs WHERE latest),
    lots AS (
        SELECT r.run_id, r.as_of, r.zone, o.supplier_id, o.material_id, rc.receipt_id, rc.order_line_id,
               rc.lot_number, (rc.received_at AT TIME ZONE r.zone)::date AS received_on, rc.quantity, o.unit
        FROM r
        JOIN procurement.receipts rc ON (rc.received_at AT TIME ZONE r.zone)::date <= r.as_of
        JOIN procurement.order_lines o ON o.order_line_id = rc.order_line_id)
    SELECT l.run_id, l.as_of, l.supplier_id, l.material_id, l.receipt_id, l.order_line_id, l.lot_number,
           l.received_on, l.quantity, l.unit,
           CASE WHEN accepted.document_id IS NOT NULL THEN 'accepted'
                WHEN rejected.document_id IS NOT NULL THEN 'rejected'
                WHEN missing.receipt_id IS NOT NULL THEN 'missing'
                ELSE 'pending' END AS coa_state,
           missing.receipt_id IS NOT NULL AS flagged_missing,
           accepted.document_id AS accepted_document_id,
           rejected.document_id AS rejected_document_id,
           rejected.reason AS rejected_reason
    FROM lots l
    LEFT JOIN LATERAL (
        SELECT d.document_id FROM scorecard_store.coa_documents d
        WHERE d.status = 'accepted' AND d.supplier_id = l.supplier_id AND d.material_id = l.material_id
          AND d.lot_number = l.lot_number AND (d.received_at AT TIME ZONE l.zone)::date <= l.as_of
        ORDER BY d.received_at LIMIT 1) accepted ON true
    LEFT JOIN LATERAL (
        SELECT d.document_id, d.reason FROM scorecard_store.coa_documents d
        WHERE d.status = 'rejected' AND d.supplier_id = l.supplier_id AND d.lot_number = l.lot_number
          AND (d.material_id IS NULL OR d.material_id = l.material_id)
          AND (d.received_at AT TIME ZONE l.zone)::date <= l.as_of
        ORDER BY d.received_at DESC LIMIT 1) rejected ON true
    LEFT JOIN LATERAL (
        SELECT e ->> 'receipt_id' AS receipt_id
        FROM scorecard_store.flags f CROSS JOIN LATERAL jsonb_array_elements(f.evidence -> 'lots') e
        WHERE f.run_id = l.run_id AND f.kind = 'missing_coa' AND f.supplier_id = l.supplier_id
          AND f.material_id = l.material_id AND e ->> 'receipt_id' = l.receipt_id
        LIMIT 1) missing ON true;
COMMENT ON VIEW scorecard.received_lots IS
    'Every lot received up to the latest run''s as-of date, with the state of its CoA: accepted, pending, missing or rejected (with the document).';
COMMENT ON COLUMN scorecard.received_lots.receipt_id IS 'The ERP receipt (procurement.receipts).';
COMMENT ON COLUMN scorecard.received_lots.order_line_id IS 'The order line it was received against.';
COMMENT ON COLUMN scorecard.received_lots.lot_number IS 'The supplier''s lot, as on its CoA; NULL: not recorded at receipt.';
COMMENT ON COLUMN scorecard.received_lots.received_on IS 'The day of receipt in the run''s time zone.';
COMMENT ON COLUMN scorecard.received_lots.quantity IS 'Quantity received, in unit.';
COMMENT ON COLUMN scorecard.received_lots.unit IS 'The order line''s unit, e.g. kg.';
COMMENT ON COLUMN scorecard.received_lots.coa_state IS
    'accepted (an accepted CoA known by the as-of day), rejected (only rejected documents claim the lot), missing (none, and a missing_coa flag of the run names it) or pending (none yet, still inside the deadline or outside the current window).';
COMMENT ON COLUMN scorecard.received_lots.flagged_missing IS
    'A missing_coa flag of the run names the lot: no accepted CoA within the deadline (a CoA accepted later still leaves it flagged).';
COMMENT ON COLUMN scorecard.received_lots.accepted_document_id IS 'The first accepted CoA of the lot known by the as-of day (scorecard.coa_documents); NULL: none.';
COMMENT ON COLUMN scorecard.received_lots.rejected_document_id IS 'The latest rejected document that claims the lot; NULL: none.';
COMMENT ON COLUMN scorecard.received_lots.rejected_reason IS 'Why that document was rejected, with the place in the file.';

-- Curated ERP rows: the order lines still open at the latest run's as-of date. Buyers get these instead of a
-- grant on procurement.*: the columns are named and documented, cancelled lines are out, and the base tables
-- can change under the views without breaking a buyer's query.
CREATE VIEW scorecard.open_order_lines WITH (security_barrier) AS
    WITH r AS (SELECT run_id, as_of, coalesce(time_zone, 'UTC') AS zone FROM scorecard.nightly_runs WHERE latest)
    SELECT r.run_id, r.as_of, o.order_line_id, o.supplier_id, o.material_id, o.quantity, o.unit, o.unit_price,
           (o.ordered_at AT TIME ZONE r.zone)::date AS ordered_on, o.requested_date, o.promised_date,
           o.repromised_date, coalesce(o.promised_date, o.requested_date) AS due,
           coalesce(rc.received, 0) AS received_quantity, o.quantity - coalesce(rc.received, 0) AS open_quantity,
           greatest(r.as_of - coalesce(o.promised_date, o.requested_date), 0) AS days_overdue,
           coalesce(o.repromised_date, o.promised_date, o.requested_date) AS expected_date
    FROM r
    JOIN procurement.order_lines o ON NOT o.cancelled AND (o.ordered_at AT TIME ZONE r.zone)::date <= r.as_of
    LEFT JOIN LATERAL (
        SELECT sum(x.quantity) AS received FROM procurement.receipts x
        WHERE x.order_line_id = o.order_line_id AND (x.received_at AT TIME ZONE r.zone)::date <= r.as_of) rc ON true
    WHERE coalesce(rc.received, 0) < o.quantity;
COMMENT ON VIEW scorecard.open_order_lines IS
    'Order lines not cancelled and not fully received at the latest run''s as-of date: what is still to come, and how late.';
COMMENT ON COLUMN scorecard.open_order_lines.quantity IS 'Ordered quantity, in unit.';
COMMENT ON COLUMN scorecard.open_order_lines.unit IS 'The unit of quantity, received_quantity and open_quantity.';
COMMENT ON COLUMN scorecard.open_order_lines.unit_price IS 'Price per unit on the order (currency not in the ERP feed).';
COMMENT ON COLUMN scorecard.open_order_lines.ordered_on IS 'The day ordered, in the run''s time zone.';
COMMENT ON COLUMN scorecard.open_order_lines.requested_date IS 'The date we asked for.';
COMMENT ON COLUMN scorecard.open_order_lines.promised_date IS 'The date the supplier first confirmed; NULL: not confirmed.';
COMMENT ON COLUMN scorecard.open_order_lines.repromised_date IS 'The latest moved date; NULL: never moved.';
COMMENT ON COLUMN scorecard.open_order_lines.due IS 'The date the line is judged against: the first promise, else the requested date (as in judged_order_lines).';
COMMENT ON COLUMN scorecard.open_order_lines.expected_date IS 'The date the line is now expected: repromised, else promised, else requested.';
COMMENT ON COLUMN scorecard.open_order_lines.received_quantity IS 'Received by the as-of date, in unit.';
COMMENT ON COLUMN scorecard.open_order_lines.open_quantity IS 'Still to be received, in unit.';
COMMENT ON COLUMN scorecard.open_order_lines.days_overdue IS 'Days from due to the as-of date; 0 when not yet due (grace days not deducted).';

-- ---------------------------------------------------------------------------------------------------------
-- History of every result view, with rates as numeric fractions 0-1 and scores rounded at the source.

CREATE VIEW scorecard.supplier_scorecards_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, s.supplier_id, s.supplier_name,
           round(s.overall_score::numeric, 1) AS overall_score, s.grade, s.recommended_status, s.scale_up_ready,
           round(s.otd_rate::numeric, 4) AS otd_rate, round(s.otif_rate::numeric, 4) AS otif_rate,
           round(s.avg_days_late::numeric, 2) AS avg_days_late, s.due_lines, s.open_lines, s.late_lines,
           round(s.ppm::numeric, 1) AS ppm, round(s.lot_rejection_rate::numeric, 4) AS lot_rejection_rate,
           s.lots_received, round(s.coa_conformance_rate::numeric, 4) AS coa_conformance_rate,
           round(s.coa_edge_rate::numeric, 4) AS coa_edge_rate, s.missing_coa_lots, s.pending_coa_lots,
           round(s.avg_lead_time_days::numeric, 1) AS avg_lead_time_days,
           round(s.avg_quoted_lead_time_days::numeric, 1) AS avg_quoted_lead_time_days,
           round(s.lead_time_cv::numeric, 3) AS lead_time_cv,
           round(s.median_response_hours::numeric, 1) AS median_response_hours,
           round(s.within_sla_rate::numeric, 4) AS within_sla_rate, s.unanswered_overdue,
           round(s.priority_risk_score::numeric, 1) AS priority_risk_score, s.priority_risk_level, s.verdict_risk,
           (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id)
               ::integer AS flag_count,
           (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = r.run_id AND f.supplier_id = s.supplier_id
                AND f.severity = 'critical')::integer AS critical_flag_count,
           s.action, s.ready_materials
    FROM scorecard.nightly_runs r JOIN scorecard_store.supplier_scores s USING (run_id);
COMMENT ON VIEW scorecard.supplier_scorecards_history IS
    'Per successful nightly run x supplier: the scorecard, with rates as numeric fractions 0-1 (4 decimals) and scores to 1 decimal.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.overall_score IS 'Overall score 0-100, 1 decimal; NULL: no data at all.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.otd_rate IS 'On-time delivery over judged due lines of the current window, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.otif_rate IS 'On time in full over judged due lines of the current window, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.avg_days_late IS 'Average days late over judged due lines (on-time lines count 0).';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.due_lines IS 'Order lines due in the current window and judged.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.open_lines IS 'Due lines not (fully) received by the as-of date.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.late_lines IS 'Judged due lines not on time.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.ppm IS 'Defective parts per million received in the current window, 1 decimal.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.lot_rejection_rate IS 'Share of receipts of the current window with a reject or return defect, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.lots_received IS 'Receipts (lots) in the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.coa_conformance_rate IS 'Share of numeric CoA verdicts that are pass or edge, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.coa_edge_rate IS 'Share of numeric CoA verdicts that are edge, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.missing_coa_lots IS 'Lots of the current window without an accepted CoA within the deadline.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.pending_coa_lots IS 'Lots of the current window without a CoA yet, still inside the deadline.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.avg_lead_time_days IS 'Average actual lead time (order to first receipt), days.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.avg_quoted_lead_time_days IS 'Average lead time quoted for the same lines'' quantity tiers, days.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.lead_time_cv IS 'Coefficient of variation of the actual lead times (sd / mean).';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.median_response_hours IS 'Median hours to answer messages of the current window.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.within_sla_rate IS 'Share of judged messages answered within the SLA, fraction 0-1.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.unanswered_overdue IS 'Messages still unanswered past the SLA at the as-of date.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.priority_risk_score IS 'Priority-position risk 0-100, 1 decimal.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.priority_risk_level IS 'low, medium, high or insufficient_data.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.verdict_risk IS 'high, medium, low or unknown.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.flag_count IS 'Flags of that run for the supplier.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.critical_flag_count IS 'Of which critical.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.action IS 'What to do, one sentence; NULL when qualified.';
COMMENT ON COLUMN scorecard.supplier_scorecards_history.ready_materials IS 'Materials ready for volume (jsonb array of ids).';

CREATE VIEW scorecard.supplier_flags_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, f.flag_id, f.supplier_id, f.material_id, f.characteristic, f.kind, f.severity,
           f.message, f.evidence
    FROM scorecard.nightly_runs r JOIN scorecard_store.flags f USING (run_id);
COMMENT ON VIEW scorecard.supplier_flags_history IS 'Per successful nightly run: every flag with its message and evidence.';
COMMENT ON COLUMN scorecard.supplier_flags_history.flag_id IS 'Order of the flag within its run.';

CREATE VIEW scorecard.material_decisions_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, d.supplier_id, d.material_id, d.recommended_status, d.status_reasons, d.scale_up_ready,
           d.readiness_state, d.readiness_conditions, d.inspection_level, d.skip_lot_candidate, d.switching_score,
           d.action
    FROM scorecard.nightly_runs r JOIN scorecard_store.material_decisions d USING (run_id);
COMMENT ON VIEW scorecard.material_decisions_history IS
    'Per successful nightly run x supplier x material: status, readiness and inspection level (the rows of each condition in readiness_conditions_history).';
COMMENT ON COLUMN scorecard.material_decisions_history.switching_score IS 'The ISO 2859-1 switching score after the latest lot.';

CREATE VIEW scorecard.characteristic_capability_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, c.supplier_id, c.material_id, c.characteristic, c.unit, c.lots,
           c.baseline_n, round(c.baseline_cpk::numeric, 2) AS baseline_cpk, c.recent_n,
           round(c.recent_cpk::numeric, 2) AS recent_cpk, round(c.recent_mean::numeric, 4) AS recent_mean,
           round(c.edge_share_recent::numeric, 4) AS edge_share_recent, c.drift_direction,
           round(c.drift_p_value::numeric, 6) AS drift_p_value,
           round(c.projected_lots_to_limit::numeric, 1) AS projected_lots_to_limit
    FROM scorecard.nightly_runs r JOIN scorecard_store.characteristic_capability c USING (run_id);
COMMENT ON VIEW scorecard.characteristic_capability_history IS
    'Per successful nightly run x supplier x material x characteristic: capability and drift over time (numeric, rounded).';
COMMENT ON COLUMN scorecard.characteristic_capability_history.baseline_cpk IS 'Cpk of the small-batch baseline lots, 2 decimals.';
COMMENT ON COLUMN scorecard.characteristic_capability_history.recent_cpk IS 'Cpk of the most recent lots, 2 decimals.';
COMMENT ON COLUMN scorecard.characteristic_capability_history.recent_mean IS 'Mean of the most recent lots, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability_history.edge_share_recent IS 'Share of recent results in the edge band, fraction 0-1.';
COMMENT ON COLUMN scorecard.characteristic_capability_history.drift_p_value IS 'The drift test''s evidence (flagged when at most drift.false_alarm_rate).';
COMMENT ON COLUMN scorecard.characteristic_capability_history.projected_lots_to_limit IS 'Lots until the limit at the recent rate; NULL when moving away or flat.';

CREATE VIEW scorecard.status_changes_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, r.previous_run_id, c.supplier_id, c.material_id, c.from_status, c.to_status, c.line
    FROM scorecard.nightly_runs r JOIN scorecard_store.status_changes c USING (run_id);
COMMENT ON VIEW scorecard.status_changes_history IS
    'Per successful nightly run: recommended-status changes against the previous successful run, with the reasons.';

-- What changed between the latest two successful nightly runs, one row per change: a figure that moved, a grade
-- or status that changed, a flag raised or cleared.
CREATE VIEW scorecard.run_changes WITH (security_barrier) AS
    WITH runs AS (SELECT run_id, previous_run_id FROM scorecard.nightly_runs WHERE latest),
    now AS (SELECT h.* FROM scorecard.supplier_scorecards_history h JOIN runs USING (run_id)),
    before AS (SELECT h.* FROM scorecard.supplier_scorecards_history h JOIN runs ON h.run_id = runs.previous_run_id),
    figures AS (
        SELECT coalesce(n.supplier_id, b.supplier_id) AS supplier_id, x.item, x.before, x.now, x.higher_is_better
        FROM now n FULL JOIN before b USING (supplier_id)
        CROSS JOIN LATERAL (VALUES
            ('overall_score', b.overall_score, n.overall_score, true),
            ('otd_rate', b.otd_rate, n.otd_rate, true),
            ('otif_rate', b.otif_rate, n.otif_rate, true),
            ('ppm', b.ppm, n.ppm, false),
            ('coa_conformance_rate', b.coa_conformance_rate, n.coa_conformance_rate, true),
            ('median_response_hours', b.median_response_hours, n.median_response_hours, false),
            ('priority_risk_score', b.priority_risk_score, n.priority_risk_score, false))
            AS x(item, before, now, higher_is_better)
        WHERE x.before IS DISTINCT FROM x.now),
    labels AS (
        SELECT coalesce(n.supplier_id, b.supplier_id) AS supplier_id, x.item, x.before, x.now
        FROM now n FULL JOIN before b USING (supplier_id)
        CROSS JOIN LATERAL (VALUES
            ('grade', b.grade, n.grade), ('recommended_status', b.recommended_status, n.recommended_status),
            ('priority_risk_level', b.priority_risk_level, n.priority_risk_level))
            AS x(item, before, now)
        WHERE x.before IS DISTINCT FROM x.now),
    flags_now AS (SELECT DISTINCT f.supplier_id, f.material_id, f.characteristic, f.kind, f.severity
                  FROM scorecard_store.flags f JOIN runs USING (run_id)),
    flags_before AS (SELECT DISTINCT f.supplier_id, f.material_id, f.characteristic, f.kind, f.severity
                     FROM scorecard_store.flags f JOIN runs ON f.run_id = runs.previous_run_id)
    SELECT runs.previous_run_id, runs.run_id, c.supplier_id, c.material_id, c.characteristic, c.item, c.change,
           c.before_text, c.now_text, c.before_value, c.now_value
    FROM runs CROSS JOIN (
        SELECT f.supplier_id, NULL::text AS material_id, NULL::text AS characteristic, f.item,
               CASE WHEN f.before IS NULL THEN 'appeared' WHEN f.now IS NULL THEN 'disappeared'
                    WHEN (f.now > f.before) = f.higher_is_better THEN 'better' ELSE 'worse' END AS change,
               f.before::text AS before_text, f.now::text AS now_text, f.before AS before_value, f.now AS now_value
        FROM figures f
        UNION ALL
        SELECT l.supplier_id, NULL, NULL, l.item, 'changed', l.before, l.now, NULL, NULL FROM labels l
        UNION ALL
        SELECT n.supplier_id, n.material_id, n.characteristic, 'flag:' || n.kind, 'raised', NULL, n.severity, NULL, NULL
        FROM flags_now n
        WHERE NOT EXISTS (SELECT 1 FROM flags_before b WHERE b.supplier_id IS NOT DISTINCT FROM n.supplier_id
                          AND b.material_id IS NOT DISTINCT FROM n.material_id
                          AND b.characteristic IS NOT DISTINCT FROM n.characteristic AND b.kind = n.kind)
        UNION ALL
        SELECT b.supplier_id, b.material_id, b.characteristic, 'flag:' || b.kind, 'cleared', b.severity, NULL, NULL, NULL
        FROM flags_before b
        WHERE NOT EXISTS (SELECT 1 FROM flags_now n WHERE n.supplier_id IS NOT DISTINCT FROM b.supplier_id
                          AND n.material_id IS NOT DISTINCT FROM b.material_id
                          AND n.characteristic IS NOT DISTINCT FROM b.characteristic AND n.kind = b.kind)) c;
COMMENT ON VIEW scorecard.run_changes IS
    'What changed between the latest two successful nightly runs: figures that moved (better or worse), grades, statuses and risk levels that changed, flags raised or cleared.';
COMMENT ON COLUMN scorecard.run_changes.previous_run_id IS 'The run compared against.';
COMMENT ON COLUMN scorecard.run_changes.item IS
    'What changed: a figure (overall_score, otd_rate, otif_rate, ppm, coa_conformance_rate, median_response_hours, priority_risk_score), grade, recommended_status, priority_risk_level, or flag:<kind>.';
COMMENT ON COLUMN scorecard.run_changes.change IS
    'better or worse (a figure, by its direction), appeared or disappeared (a figure from or to no data), changed (a label), raised or cleared (a flag).';
COMMENT ON COLUMN scorecard.run_changes.before_text IS 'The value in the previous run as text (a flag: its severity then); NULL: none.';
COMMENT ON COLUMN scorecard.run_changes.now_text IS 'The value in the latest run as text (a flag: its severity now); NULL: none.';
COMMENT ON COLUMN scorecard.run_changes.before_value IS 'A figure''s previous value (rates fractions 0-1); NULL for labels and flags.';
COMMENT ON COLUMN scorecard.run_changes.now_value IS 'A figure''s latest value; NULL for labels and flags.';

-- The judged order lines behind each run's delivery figures (OTD, OTIF, days late, lead times), written by the
-- run that judged them: the view reads the verdicts, it never judges a line again.
CREATE TABLE scorecard_store.judged_order_lines (
    run_id bigint NOT NULL REFERENCES scorecard_store.runs ON DELETE CASCADE,
    supplier_id text NOT NULL,
    "window" text NOT NULL CHECK ("window" IN ('current', 'baseline')),
    order_line_id text NOT NULL,
    material_id text NOT NULL,
    quantity double precision NOT NULL,
    unit text NOT NULL,
    due date NOT NULL,
    first_receipt date,                          -- NULL: nothing received by the as-of date
    days_late integer NOT NULL,
    on_time boolean NOT NULL,
    in_full boolean NOT NULL,
    large boolean,                               -- above the current window's large-order threshold; NULL: no split
    lead_time_days integer,
    quoted_lead_time_days integer,
    PRIMARY KEY (run_id, supplier_id, "window", order_line_id));

CREATE VIEW scorecard.judged_order_lines_history WITH (security_barrier) AS
    SELECT r.run_id, r.as_of, l.supplier_id, l."window" AS delivery_window, l.order_line_id, l.material_id,
           l.quantity::numeric AS quantity, l.unit, l.due, l.first_receipt, l.days_late, l.on_time, l.in_full,
           l.on_time AND l.in_full AS otif, l.large, l.lead_time_days, l.quoted_lead_time_days
    FROM scorecard.nightly_runs r JOIN scorecard_store.judged_order_lines l USING (run_id);
COMMENT ON VIEW scorecard.judged_order_lines_history IS
    'Per successful nightly run: every order line its delivery figures judged, with the verdicts (runs before migration 013 stored none).';
COMMENT ON COLUMN scorecard.judged_order_lines_history.delivery_window IS
    'current (the scorecard''s OTD, OTIF and days late) or baseline (the window the priority-position risk compares against).';
COMMENT ON COLUMN scorecard.judged_order_lines_history.quantity IS 'Ordered quantity, in unit.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.unit IS 'The order line''s unit, e.g. kg.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.due IS 'The date the line was judged against (promised, else requested).';
COMMENT ON COLUMN scorecard.judged_order_lines_history.first_receipt IS 'Day of the first receipt on or before the as-of date; NULL: nothing arrived.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.days_late IS
    '0 when on time; else days from due to the first receipt, or to the as-of date when nothing arrived.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.on_time IS 'First receipt by due date + grace days.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.in_full IS 'The ordered quantity, less the tolerance, received by due date + grace days.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.otif IS 'On time and in full.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.large IS
    'Above the large-order threshold of the current window (the largest quarter of its lines by quantity); NULL: no split could be made.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.lead_time_days IS 'First receipt minus order day, days; NULL: nothing received.';
COMMENT ON COLUMN scorecard.judged_order_lines_history.quoted_lead_time_days IS 'Lead time quoted for the line''s quantity tier, days; NULL: no quotation.';

CREATE VIEW scorecard.judged_order_lines WITH (security_barrier) AS
    SELECT l.* FROM scorecard.judged_order_lines_history l JOIN scorecard.latest_run r USING (run_id);
COMMENT ON VIEW scorecard.judged_order_lines IS
    'Latest run: every order line behind the delivery figures (current and baseline windows), with due, first receipt, days late, size and verdicts.';

-- ---------------------------------------------------------------------------------------------------------
-- Columns that mean the same in every view they appear in get the same comment wherever a view left them
-- without one (Tests/SQL/views_and_roles.sql fails on any view column without a comment).
DO $$
DECLARE
    c record;
    meaning text;
BEGIN
    FOR c IN
        SELECT cl.relname, a.attname FROM pg_attribute a
        JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = 'scorecard' AND cl.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped
          AND col_description(cl.oid, a.attnum) IS NULL
    LOOP
        meaning := CASE c.attname
            WHEN 'run_id' THEN 'The run (scorecard.runs.run_id) whose results these are.'
            WHEN 'as_of' THEN 'The date the run scored as of (the end of that day in the run''s time zone).'
            WHEN 'supplier_id' THEN 'The supplier (procurement.suppliers.supplier_id).'
            WHEN 'supplier_name' THEN 'The supplier''s name in the ERP.'
            WHEN 'material_id' THEN 'The material (procurement.materials.material_id).'
            WHEN 'material_name' THEN 'The material''s name in the ERP.'
            WHEN 'characteristic' THEN 'The characteristic, by our name (e.g. assay, moisture, lead).'
            WHEN 'quotation_id' THEN 'The quotation (procurement.quotations.quotation_id).'
            WHEN 'order_line_id' THEN 'The order line (procurement.order_lines.order_line_id).'
            WHEN 'document_id' THEN 'The CoA document (scorecard.coa_documents.document_id).'
            WHEN 'message' THEN 'One sentence with the figures, as the pages show it.'
            WHEN 'evidence' THEN 'The numbers, lots and dates behind the message (jsonb; keys per kind in the README).'
            WHEN 'kind' THEN 'The flag''s kind (see scorecard.supplier_flags.kind).'
            WHEN 'severity' THEN 'info, warning or critical.'
            WHEN 'unit' THEN 'The unit of the values and limits.'
            WHEN 'lower_limit' THEN 'Our lower limit, in unit; NULL: none.'
            WHEN 'upper_limit' THEN 'Our upper limit, in unit; NULL: none.'
            WHEN 'target' THEN 'Our target, in unit; NULL: none.'
            WHEN 'lot_number' THEN 'The supplier''s lot number, as on its CoA.'
            WHEN 'lot_day' THEN 'The lot''s day: manufacture date, else issue date, else ingestion day.'
            WHEN 'position' THEN 'Order within its parent (1 = first).'
            WHEN 'status_reasons' THEN 'Why the recommended status, in words with figures (jsonb array; one row each in scorecard.status_reasons).'
            WHEN 'recommended_status' THEN 'in_qualification, qualified, conditional or probation: a recommendation.'
            WHEN 'scale_up_ready' THEN 'Ready for volume: every readiness condition met.'
            WHEN 'readiness_state' THEN 'ready, not_ready or too_few_to_judge.'
            WHEN 'readiness_conditions' THEN 'Each scale-up condition as jsonb (one row each in scorecard.readiness_conditions).'
            WHEN 'inspection_level' THEN 'normal, tightened, reduced or discontinue (ISO 2859-1).'
            WHEN 'skip_lot_candidate' THEN 'Qualifies for ISO 2859-3 skip-lot.'
            WHEN 'action' THEN 'What to do, one sentence derived from the reasons; NULL when qualified.'
            WHEN 'grade' THEN 'A, B, C or D.'
            WHEN 'from_status' THEN 'The recommended status in the previous successful run.'
            WHEN 'to_status' THEN 'The recommended status in this run.'
            WHEN 'line' THEN 'The change in one line with its reasons, as the pages show it.'
            WHEN 'drift_direction' THEN 'upper or lower: the limit the series drifts toward; NULL: no drift.'
            WHEN 'lots' THEN 'Lots with a result for the characteristic.'
            WHEN 'baseline_n' THEN 'Lots in the small-batch baseline.'
            WHEN 'recent_n' THEN 'Lots in the recent group.'
            WHEN 'status' THEN 'The row''s status (values in the view''s comment).'
            WHEN 'previous_run_id' THEN 'The successful nightly run before this one; NULL for the first.'
            WHEN 'supplier_part_number' THEN 'The supplier''s code for the material, as printed on its CoAs.'
            WHEN 'criticality' THEN 'critical, major or minor (ERP master data).'
            ELSE NULL END;
        IF meaning IS NOT NULL THEN
            EXECUTE format('COMMENT ON COLUMN scorecard.%I.%I IS %L', c.relname, c.attname, meaning);
        END IF;
    END LOOP;
END $$;

-- The remaining columns of the earlier views, one by one.
COMMENT ON COLUMN scorecard.runs.started_at IS 'When the run started.';
COMMENT ON COLUMN scorecard.runs.finished_at IS 'When it finished; NULL while running or when it died.';
COMMENT ON COLUMN scorecard.runs.host IS 'The host the run ran on.';
COMMENT ON COLUMN scorecard.runs.pid IS 'The process id of the run on that host.';
COMMENT ON COLUMN scorecard.runs.suppliers_scored IS 'Suppliers the run scored.';
COMMENT ON COLUMN scorecard.runs.documents_rejected IS 'CoA documents this run ingested and rejected.';
COMMENT ON COLUMN scorecard.runs.documents_duplicate IS 'CoA files this run found to be copies of documents already read.';
COMMENT ON COLUMN scorecard.runs.flags_raised IS 'Flags the run raised.';
COMMENT ON COLUMN scorecard.coa_documents.error_line IS 'Line of the error in the file; NULL: not a parse error.';
COMMENT ON COLUMN scorecard.coa_documents.error_column IS 'Column of the error in the file; NULL: not a parse error.';
COMMENT ON COLUMN scorecard.coa_documents.duplicate_of IS 'For a duplicate: the document it is a copy of.';
COMMENT ON COLUMN scorecard.coa_documents.manufactured IS 'Manufacture date as the CoA states it.';
COMMENT ON COLUMN scorecard.coa_documents.issued IS 'Issue date as the CoA states it.';
COMMENT ON COLUMN scorecard.coa_documents.purchase_order IS 'Our purchase order as the CoA states it.';
COMMENT ON COLUMN scorecard.coa_documents.size_bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN scorecard.coa_documents.sha256 IS 'SHA-256 of the bytes: a renamed copy is a duplicate.';
COMMENT ON COLUMN scorecard.coa_documents.ingested_at IS 'When the job read it.';
COMMENT ON COLUMN scorecard.coa_documents.reprocessed_at IS 'When it was last re-judged (scorecard reprocess); NULL: never.';
COMMENT ON COLUMN scorecard.coa_measurements.reported_characteristic IS 'The characteristic as the supplier named it.';
COMMENT ON COLUMN scorecard.coa_measurements.method IS 'The test method as stated; NULL: none.';
COMMENT ON COLUMN scorecard.coa_measurements.qualifier IS '<, <=, >, >=, not_detected, or NULL for a plain value.';
COMMENT ON COLUMN scorecard.coa_measurements.value IS 'The number as reported, in the reported unit.';
COMMENT ON COLUMN scorecard.coa_measurements.spec_unit IS 'The unit of our specification.';
COMMENT ON COLUMN scorecard.coa_measurements.spec_valid_from IS 'First day of the specification version in force on the lot day.';
COMMENT ON COLUMN scorecard.coa_measurements.supplier_lower IS 'The supplier''s own stated lower limit.';
COMMENT ON COLUMN scorecard.coa_measurements.supplier_upper IS 'The supplier''s own stated upper limit.';
COMMENT ON COLUMN scorecard.coa_measurements.note IS 'Why the verdict, when it is not plain (conversion, qualifier, missing limit).';
COMMENT ON COLUMN scorecard.characteristic_capability.first_lot_day IS 'Lot day of the first lot of the series.';
COMMENT ON COLUMN scorecard.characteristic_capability.last_lot_day IS 'Lot day of the latest lot.';
COMMENT ON COLUMN scorecard.characteristic_capability.baseline_mean IS 'Mean of the baseline lots, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability.baseline_sd IS 'Standard deviation of the baseline lots, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability.baseline_cp IS 'Cp of the baseline lots.';
COMMENT ON COLUMN scorecard.characteristic_capability.recent_mean IS 'Mean of the recent lots, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability.recent_sd IS 'Standard deviation of the recent lots, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability.recent_cp IS 'Cp of the recent lots.';
COMMENT ON COLUMN scorecard.characteristic_capability.edge_share_baseline IS 'Share of baseline results in the edge band, fraction 0-1.';
COMMENT ON COLUMN scorecard.characteristic_capability.edge_share_recent IS 'Share of recent results in the edge band, fraction 0-1.';
COMMENT ON COLUMN scorecard.characteristic_capability.monitored IS 'The drift rules watch the series (enough lots, two-sided or one-sided limit).';
COMMENT ON COLUMN scorecard.characteristic_capability.ewma IS 'The EWMA after the latest lot, in unit.';
COMMENT ON COLUMN scorecard.characteristic_capability.ewma_lower_limit IS 'The EWMA''s lower control limit at the latest lot.';
COMMENT ON COLUMN scorecard.characteristic_capability.ewma_upper_limit IS 'The EWMA''s upper control limit at the latest lot.';
COMMENT ON COLUMN scorecard.characteristic_capability.ewma_signal_lot IS 'The lot at which the EWMA left its limits; NULL: it did not.';
COMMENT ON COLUMN scorecard.characteristic_capability.trend_signal_lot IS 'The lot at which the trend rule signalled; NULL: it did not.';
COMMENT ON COLUMN scorecard.characteristic_capability.edge_share_signal IS 'The recent edge share is significantly above the baseline''s.';
COMMENT ON COLUMN scorecard.characteristic_capability.recent_slope_per_lot IS 'Slope of the recent lots, in unit per lot.';
COMMENT ON COLUMN scorecard.control_chart_points.value IS 'The lot''s result, in the chart''s unit.';
COMMENT ON COLUMN scorecard.control_chart_points.verdict IS 'The result''s verdict: pass, edge or fail.';
COMMENT ON COLUMN scorecard.control_chart_points.ewma_lambda IS 'The EWMA''s smoothing weight λ (drift.ewma_lambda).';
COMMENT ON COLUMN scorecard.control_chart_points.ewma_l IS 'The width of the EWMA limits in σ (drift.ewma_l).';
COMMENT ON COLUMN scorecard.material_decisions.switching_score IS 'The ISO 2859-1 switching score after the latest lot.';
COMMENT ON COLUMN scorecard.material_decisions.inspection_reasons IS 'Why the inspection level, in words (jsonb array).';
COMMENT ON COLUMN scorecard.response_months.month IS 'First day of the month the messages were sent in.';
COMMENT ON COLUMN scorecard.response_months.messages IS 'Messages sent in the month that expect an answer.';
COMMENT ON COLUMN scorecard.response_months.answered IS 'Of which answered by the as-of date.';
COMMENT ON COLUMN scorecard.response_months.median_response_hours IS 'Median hours to answer (unanswered ones past the SLA count with their age).';
COMMENT ON COLUMN scorecard.supplier_scorecards.lots_received IS 'Receipts (lots) in the current window.';

-- A latest view reads its history view or its sibling: the same column means the same there.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        WITH pairs(target, source) AS (VALUES
            ('approved_sources', 'approved_sources_history'), ('materials', 'materials_history'),
            ('material_sourcing', 'materials_history'), ('readiness_conditions', 'readiness_conditions_history'),
            ('status_reasons', 'status_reasons_history'),
            ('supplier_material_figures', 'supplier_material_figures_history'), ('latest_run', 'runs'),
            ('score_history', 'supplier_scorecards_history'),
            ('judged_order_lines', 'judged_order_lines_history'))
        SELECT p.target, a.attname, col_description(s.oid, sa.attnum) AS meaning
        FROM pairs p
        JOIN pg_class t ON t.relname = p.target AND t.relnamespace = 'scorecard'::regnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_class s ON s.relname = p.source AND s.relnamespace = 'scorecard'::regnamespace
        JOIN pg_attribute sa ON sa.attrelid = s.oid AND sa.attname = a.attname
        WHERE col_description(t.oid, a.attnum) IS NULL AND col_description(s.oid, sa.attnum) IS NOT NULL
    LOOP
        EXECUTE format('COMMENT ON COLUMN scorecard.%I.%I IS %L', c.target, c.attname, c.meaning);
    END LOOP;
END $$;
