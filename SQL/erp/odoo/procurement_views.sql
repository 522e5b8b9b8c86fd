-- The ERP-fed tables of schema procurement as views over an Odoo database mounted by postgres_fdw
-- (`scorecard erp connect odoo`). Reads the foreign tables of schema odoo through the version shims of
-- schema odoo_map (created by the connect command from the columns the Odoo database has), and the
-- adapter's settings (erp_odoo.settings, erp_odoo.material_criticality). The field-by-field mapping and its
-- limits: docs/erp-odoo.md. Plain views, not security barriers: schema procurement is read by the job
-- alone (scorecard_reader has no access), and a barrier would stop the filters the run's scope puts on
-- dates from reaching the foreign scans.

-- Odoo stores datetimes as UTC without a zone; a date field of ours is the day in the adapter's zone.
CREATE FUNCTION odoo_map.utc(value timestamp) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE AS $$ SELECT value AT TIME ZONE 'UTC' $$;
CREATE FUNCTION odoo_map.day(value timestamp) RETURNS date
    LANGUAGE sql STABLE AS $$
    SELECT ((value AT TIME ZONE 'UTC') AT TIME ZONE (SELECT time_zone FROM erp_odoo.settings))::date $$;
-- A translatable field (jsonb since Odoo 16): English, else any translation.
CREATE FUNCTION odoo_map.text_of(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(value ->> 'en_US', (SELECT v FROM jsonb_each_text(value) AS t(k, v) ORDER BY k LIMIT 1)) $$;
-- A quantity in unit `from_uom` expressed in unit `to_uom` (Odoo's factor: units per reference unit).
CREATE FUNCTION odoo_map.in_uom(quantity numeric, from_factor numeric, to_factor numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN from_factor IS NULL OR to_factor IS NULL OR from_factor = 0 THEN quantity
                ELSE quantity / from_factor * to_factor END $$;

-- Vendors: commercial partners with a vendor rank or a vendor price list entry. Their `ref` is the
-- supplier id when it is set and unique, else partner-<id>.
CREATE VIEW odoo_map.vendors AS
SELECT p.id AS partner_id,
       CASE WHEN nullif(btrim(p.ref), '') IS NOT NULL AND count(*) OVER (PARTITION BY btrim(p.ref)) = 1
            THEN btrim(p.ref) ELSE 'partner-' || p.id END AS supplier_id,
       p.name, c.code AS country, coalesce(p.active, true) AS active
FROM odoo.res_partner p
LEFT JOIN odoo.res_country c ON c.id = p.country_id
WHERE p.id = coalesce(p.commercial_partner_id, p.id)
  AND (coalesce(p.supplier_rank, 0) > 0
       OR EXISTS (SELECT 1 FROM odoo.product_supplierinfo s WHERE s.partner_id = p.id)
       OR EXISTS (SELECT 1 FROM odoo.purchase_order o WHERE o.partner_id = p.id));

-- Products: each variant; its internal reference is the material id when set and unique, else product-<id>.
CREATE VIEW odoo_map.products AS
SELECT pp.id AS product_id, pp.product_tmpl_id,
       CASE WHEN nullif(btrim(pp.default_code), '') IS NOT NULL
                 AND count(*) OVER (PARTITION BY btrim(pp.default_code)) = 1
            THEN btrim(pp.default_code) ELSE 'product-' || pp.id END AS material_id,
       odoo_map.text_of(pt.name) AS name, pt.categ_id, cat.complete_name AS category
FROM odoo.product_product pp
JOIN odoo.product_template pt ON pt.id = pp.product_tmpl_id
LEFT JOIN odoo.product_category cat ON cat.id = pt.categ_id;

CREATE VIEW odoo_map.order_lines AS
SELECT pol.id, pol.order_id, pol.product_id, pol.product_qty, pol.uom_id, pol.price_unit, pol.date_planned,
       po.partner_id, po.state, po.date_order, po.date_approve, po.name AS order_name,
       coalesce(vendor.commercial_partner_id, po.partner_id) AS vendor_id
FROM odoo_map.purchase_order_lines pol
JOIN odoo.purchase_order po ON po.id = pol.order_id
LEFT JOIN odoo.res_partner vendor ON vendor.id = po.partner_id
WHERE pol.display_type IS NULL AND pol.product_id IS NOT NULL
  AND po.state IN ('purchase', 'done', 'cancel');

-- The order's Expected Arrival as Odoo's tracking kept it: every change, oldest first.
CREATE VIEW odoo_map.date_planned_changes AS
SELECT m.res_id AS order_id, m.date AS changed_at, t.id AS tracking_id,
       t.old_value_datetime AS old_value, t.new_value_datetime AS new_value
FROM odoo_map.tracking_values t
JOIN odoo.mail_message m ON m.id = t.mail_message_id
JOIN odoo.ir_model_fields f ON f.id = t.field_id
WHERE m.model = 'purchase.order' AND f.model = 'purchase.order' AND f.name = 'date_planned';

-- Receipts: done move lines of a purchase line's moves coming from a vendor location.
CREATE VIEW odoo_map.receipts AS
SELECT ml.id, ml.move_id, ml.lot_id, ml.date, m.purchase_line_id,
       odoo_map.in_uom(ml.quantity, ml_uom.factor, pol_uom.factor) AS quantity,
       coalesce(lot.name, ml.lot_name) AS lot_number, m.product_id
FROM odoo_map.move_lines ml
JOIN odoo.stock_move m ON m.id = ml.move_id
JOIN odoo.stock_location src ON src.id = m.location_id
JOIN odoo.stock_location dest ON dest.id = m.location_dest_id
JOIN odoo_map.purchase_order_lines pol ON pol.id = m.purchase_line_id
LEFT JOIN odoo.uom_uom ml_uom ON ml_uom.id = ml.product_uom_id
LEFT JOIN odoo.uom_uom pol_uom ON pol_uom.id = pol.uom_id
LEFT JOIN odoo.stock_lot lot ON lot.id = ml.lot_id
WHERE m.state = 'done' AND src.usage = 'supplier' AND dest.usage <> 'supplier'
  AND ml.quantity > 0;

CREATE VIEW procurement.suppliers AS
SELECT supplier_id, name, country, active FROM odoo_map.vendors;

CREATE VIEW procurement.materials AS
SELECT p.material_id, p.name,
       coalesce((SELECT r.criticality FROM erp_odoo.material_criticality r
                 WHERE p.category = r.category OR p.category LIKE r.category || ' / %'
                 ORDER BY array_position(ARRAY['critical', 'major', 'minor'], r.criticality) LIMIT 1),
                (SELECT default_criticality FROM erp_odoo.settings)) AS criticality
FROM odoo_map.products p;

-- One vendor price list entry per variant (an entry on a template applies to all its variants).
CREATE VIEW odoo_map.supplierinfo AS
SELECT s.id, v.supplier_id, p.material_id, p.product_id, s.product_code, s.min_qty, s.price, s.delay,
       s.date_start, s.date_end, s.create_date, cur.name AS currency
FROM odoo.product_supplierinfo s
JOIN odoo_map.vendors v ON v.partner_id = s.partner_id
JOIN odoo_map.products p ON p.product_id = s.product_id
     OR (s.product_id IS NULL AND p.product_tmpl_id = s.product_tmpl_id)
LEFT JOIN odoo.res_currency cur ON cur.id = s.currency_id;

CREATE VIEW procurement.approved_sources AS
SELECT supplier_id, material_id, min(product_code) AS supplier_part_number,
       CASE WHEN bool_or(date_end IS NULL OR date_end >= current_date) THEN 'approved' ELSE 'blocked' END
           AS status,
       min(coalesce(date_start, odoo_map.day(create_date))) AS approved_on
FROM odoo_map.supplierinfo
GROUP BY supplier_id, material_id;

CREATE VIEW procurement.quotations AS
SELECT 'psi-' || id || '-' || product_id AS quotation_id, supplier_id, material_id,
       coalesce(date_start, odoo_map.day(create_date)) AS quoted_at,
       min_qty::numeric AS min_quantity, price::numeric AS unit_price, coalesce(delay, 0) AS lead_time_days,
       date_end AS valid_until, currency
FROM odoo_map.supplierinfo;

-- requested: the Expected Arrival before its first tracked change (else the line's own);
-- promised: its value when the order was confirmed; repromised: its last value after that, if it moved.
CREATE VIEW procurement.order_lines AS
SELECT 'pol-' || l.id AS order_line_id, v.supplier_id, p.material_id,
       l.product_qty::numeric AS quantity, coalesce(odoo_map.text_of(u.name), 'Units') AS unit,
       l.price_unit::numeric AS unit_price, odoo_map.utc(l.date_order) AS ordered_at,
       odoo_map.day(coalesce(h.first_old, l.date_planned)) AS requested_date,
       CASE WHEN l.date_approve IS NOT NULL
            THEN odoo_map.day(coalesce(h.old_after_approval, h.last_new_before_approval, l.date_planned))
       END AS promised_date,
       odoo_map.utc(l.date_approve) AS confirmed_at,
       CASE WHEN l.date_approve IS NOT NULL AND h.old_after_approval IS NOT NULL
                 AND odoo_map.day(h.last_new) IS DISTINCT FROM odoo_map.day(h.old_after_approval)
            THEN odoo_map.day(h.last_new)
       END AS repromised_date,
       l.state = 'cancel' AS cancelled
FROM odoo_map.order_lines l
JOIN odoo_map.vendors v ON v.partner_id = l.vendor_id
JOIN odoo_map.products p ON p.product_id = l.product_id
LEFT JOIN odoo.uom_uom u ON u.id = l.uom_id
LEFT JOIN LATERAL (
    SELECT (array_agg(c.old_value ORDER BY c.changed_at, c.tracking_id))[1] AS first_old,
           (array_agg(c.old_value ORDER BY c.changed_at, c.tracking_id)
                FILTER (WHERE c.changed_at > l.date_approve))[1] AS old_after_approval,
           (array_agg(c.new_value ORDER BY c.changed_at DESC, c.tracking_id DESC)
                FILTER (WHERE c.changed_at <= l.date_approve))[1] AS last_new_before_approval,
           (array_agg(c.new_value ORDER BY c.changed_at DESC, c.tracking_id DESC))[1] AS last_new
    FROM odoo_map.date_planned_changes c WHERE c.order_id = l.order_id
    HAVING count(*) > 0) h ON true;

CREATE VIEW procurement.receipts AS
SELECT 'sml-' || r.id AS receipt_id, 'pol-' || r.purchase_line_id AS order_line_id,
       odoo_map.utc(r.date) AS received_at, r.quantity, r.lot_number
FROM odoo_map.receipts r;

-- Defects: returns to the vendor of received goods, and scrap of received lots (each switchable).
CREATE VIEW procurement.defects AS
SELECT 'return-' || ml.id AS defect_id,
       (SELECT 'sml-' || r.id FROM odoo_map.receipts r
        WHERE r.move_id = m.origin_returned_move_id AND r.lot_id IS NOT DISTINCT FROM ml.lot_id
        ORDER BY r.id LIMIT 1) AS receipt_id,
       v.supplier_id, p.material_id, odoo_map.utc(ml.date) AS detected_at, 'major'::text AS severity,
       odoo_map.in_uom(ml.quantity, ml_uom.factor, pol_uom.factor) AS defective_quantity,
       'return'::text AS disposition, 'returned to the vendor'::text AS description
FROM odoo_map.move_lines ml
JOIN odoo.stock_move m ON m.id = ml.move_id
JOIN odoo.stock_move origin ON origin.id = m.origin_returned_move_id
JOIN odoo.stock_location dest ON dest.id = m.location_dest_id
JOIN odoo_map.order_lines l ON l.id = origin.purchase_line_id
JOIN odoo_map.vendors v ON v.partner_id = l.vendor_id
JOIN odoo_map.products p ON p.product_id = l.product_id
LEFT JOIN odoo.uom_uom ml_uom ON ml_uom.id = ml.product_uom_id
LEFT JOIN odoo.uom_uom pol_uom ON pol_uom.id = l.uom_id
WHERE m.state = 'done' AND dest.usage = 'supplier'
  AND (SELECT defects_from_returns FROM erp_odoo.settings)
UNION ALL
SELECT 'scrap-' || s.id, 'sml-' || r.id, v.supplier_id, p.material_id, odoo_map.utc(s.date_done), 'major',
       odoo_map.in_uom(s.scrap_qty::numeric, s_uom.factor, pol_uom.factor), 'reject',
       'scrapped (' || coalesce(s.name, '') || ')'
FROM odoo.stock_scrap s
JOIN LATERAL (SELECT r.* FROM odoo_map.receipts r
              WHERE r.lot_id = s.lot_id AND r.product_id = s.product_id ORDER BY r.date, r.id LIMIT 1) r ON true
JOIN odoo_map.order_lines l ON l.id = r.purchase_line_id
JOIN odoo_map.vendors v ON v.partner_id = l.vendor_id
JOIN odoo_map.products p ON p.product_id = l.product_id
LEFT JOIN odoo.uom_uom s_uom ON s_uom.id = s.product_uom_id
LEFT JOIN odoo.uom_uom pol_uom ON pol_uom.id = l.uom_id
WHERE s.state = 'done' AND s.lot_id IS NOT NULL AND (SELECT defects_from_scrap FROM erp_odoo.settings);

-- Communications: our messages to the vendor on an RFQ or order (emails and comments that are not
-- internal notes), answered by the first later message on the same order written by the vendor.
CREATE VIEW odoo_map.order_messages AS
SELECT m.id, m.res_id AS order_id, m.date, o.vendor_id,
       coalesce(author.commercial_partner_id, m.author_id) = o.vendor_id AS from_vendor, o.date_approve
FROM odoo.mail_message m
JOIN (SELECT po.id, coalesce(p.commercial_partner_id, po.partner_id) AS vendor_id, po.date_approve
      FROM odoo.purchase_order po LEFT JOIN odoo.res_partner p ON p.id = po.partner_id) o ON o.id = m.res_id
LEFT JOIN odoo.res_partner author ON author.id = m.author_id
LEFT JOIN odoo.mail_message_subtype st ON st.id = m.subtype_id
WHERE m.model = 'purchase.order' AND m.message_type IN ('email', 'comment', 'email_outgoing')
  AND NOT coalesce(st.internal, false);

CREATE VIEW procurement.communications AS
SELECT 'msg-' || q.id AS communication_id, v.supplier_id,
       CASE WHEN q.date_approve IS NULL OR q.date < q.date_approve THEN 'rfq' ELSE 'inquiry' END AS kind,
       odoo_map.utc(q.date) AS sent_at,
       odoo_map.utc((SELECT min(a.date) FROM odoo_map.order_messages a
                     WHERE a.order_id = q.order_id AND a.from_vendor AND a.date >= q.date)) AS responded_at
FROM odoo_map.order_messages q
JOIN odoo_map.vendors v ON v.partner_id = q.vendor_id
WHERE NOT q.from_vendor;

-- What the nightly run checks first (ErpOdooPreflight), as views: they read the Odoo catalogue with the
-- user mapping of their owner, as the procurement views do, whichever role runs the job.
CREATE VIEW odoo_map.missing_columns AS
SELECT r.table_name, r.column_name FROM erp_odoo.required_columns r
WHERE NOT EXISTS (
    SELECT 1 FROM odoo.remote_columns c
    WHERE c.table_schema = 'public' AND c.table_name = r.table_name AND c.column_name = r.column_name);
CREATE VIEW odoo_map.adapter AS SELECT odoo_version FROM erp_odoo.settings;
