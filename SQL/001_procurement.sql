-- The input contract with the ERP integration and with buyers: names, columns and types exactly as agreed.
-- Never rename; add indexes; extra columns only if nullable. IF NOT EXISTS because in production the ERP
-- integration may have created these tables before the scorecard was installed.
CREATE SCHEMA IF NOT EXISTS procurement;

CREATE TABLE IF NOT EXISTS procurement.suppliers (
    supplier_id text PRIMARY KEY, name text NOT NULL, country text,
    active boolean NOT NULL DEFAULT true);

CREATE TABLE IF NOT EXISTS procurement.materials (
    material_id text PRIMARY KEY, name text NOT NULL,
    criticality text NOT NULL CHECK (criticality IN ('critical', 'major', 'minor')));

CREATE TABLE IF NOT EXISTS procurement.approved_sources (          -- the approved supplier list
    supplier_id text NOT NULL REFERENCES procurement.suppliers,
    material_id text NOT NULL REFERENCES procurement.materials,
    supplier_part_number text,                       -- the code the supplier prints on its CoAs
    status text NOT NULL CHECK (status IN ('approved', 'conditional', 'pending', 'blocked')),
    approved_on date, PRIMARY KEY (supplier_id, material_id));

CREATE TABLE IF NOT EXISTS procurement.specifications (           -- tolerance ranges, versioned
    material_id text NOT NULL REFERENCES procurement.materials,
    characteristic text NOT NULL,                    -- e.g. 'moisture', 'assay', 'lead'
    unit text NOT NULL,                              -- e.g. '%', 'mg/kg', 'mPa.s'
    lower_limit numeric, upper_limit numeric,        -- NULL: no limit on that side
    target numeric,
    valid_from date NOT NULL, valid_to date,         -- valid_to exclusive; NULL: in force
    PRIMARY KEY (material_id, characteristic, valid_from),
    CHECK (lower_limit IS NOT NULL OR upper_limit IS NOT NULL),
    CHECK (lower_limit IS NULL OR upper_limit IS NULL OR lower_limit < upper_limit));

CREATE TABLE IF NOT EXISTS procurement.order_lines (
    order_line_id text PRIMARY KEY,
    supplier_id text NOT NULL REFERENCES procurement.suppliers,
    material_id text NOT NULL REFERENCES procurement.materials,
    quantity numeric NOT NULL CHECK (quantity > 0), unit text NOT NULL, unit_price numeric,
    ordered_at timestamptz NOT NULL,
    requested_date date NOT NULL,                    -- the date we asked for
    promised_date date,                              -- the date the supplier first confirmed
    confirmed_at timestamptz,                        -- when it confirmed
    repromised_date date,                            -- the latest moved date, if it moved
    cancelled boolean NOT NULL DEFAULT false);

CREATE TABLE IF NOT EXISTS procurement.receipts (
    receipt_id text PRIMARY KEY,
    order_line_id text NOT NULL REFERENCES procurement.order_lines,
    received_at timestamptz NOT NULL,
    quantity numeric NOT NULL CHECK (quantity > 0),
    lot_number text);                                -- the supplier's lot, as on its CoA

CREATE TABLE IF NOT EXISTS procurement.defects (                  -- nonconformance reports
    defect_id text PRIMARY KEY,
    receipt_id text REFERENCES procurement.receipts,
    supplier_id text NOT NULL REFERENCES procurement.suppliers,
    material_id text NOT NULL REFERENCES procurement.materials,
    detected_at timestamptz NOT NULL,
    severity text NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
    defective_quantity numeric NOT NULL CHECK (defective_quantity >= 0),
    disposition text NOT NULL CHECK (disposition IN ('reject', 'return', 'rework', 'use_as_is')),
    description text);

CREATE TABLE IF NOT EXISTS procurement.communications (           -- our messages that expect an answer
    communication_id text PRIMARY KEY,
    supplier_id text NOT NULL REFERENCES procurement.suppliers,
    kind text NOT NULL CHECK (kind IN ('rfq', 'inquiry', 'complaint', 'corrective_action', 'expedite')),
    sent_at timestamptz NOT NULL,
    responded_at timestamptz,                        -- NULL: not answered yet
    CHECK (responded_at IS NULL OR responded_at >= sent_at));

CREATE TABLE IF NOT EXISTS procurement.quotations (               -- price and lead time per quantity tier
    quotation_id text PRIMARY KEY,
    supplier_id text NOT NULL REFERENCES procurement.suppliers,
    material_id text NOT NULL REFERENCES procurement.materials,
    quoted_at date NOT NULL,
    min_quantity numeric NOT NULL CHECK (min_quantity > 0),
    unit_price numeric NOT NULL CHECK (unit_price >= 0),
    lead_time_days integer NOT NULL CHECK (lead_time_days >= 0),
    valid_until date);

CREATE TABLE IF NOT EXISTS procurement.inspection_results (       -- our own lab's results on received lots (optional feed)
    receipt_id text NOT NULL REFERENCES procurement.receipts,
    characteristic text NOT NULL, value numeric NOT NULL, unit text NOT NULL,
    measured_at timestamptz NOT NULL,
    PRIMARY KEY (receipt_id, characteristic, measured_at));

-- Indexes for the nightly job's window queries (time ranges per supplier, receipts per line, lots).
CREATE INDEX IF NOT EXISTS order_lines_supplier_requested ON procurement.order_lines (supplier_id, requested_date);
CREATE INDEX IF NOT EXISTS order_lines_supplier_promised ON procurement.order_lines (supplier_id, promised_date);
CREATE INDEX IF NOT EXISTS order_lines_supplier_ordered ON procurement.order_lines (supplier_id, ordered_at);
CREATE INDEX IF NOT EXISTS receipts_order_line ON procurement.receipts (order_line_id);
CREATE INDEX IF NOT EXISTS receipts_received_at ON procurement.receipts (received_at);
CREATE INDEX IF NOT EXISTS receipts_lot ON procurement.receipts (lot_number);
CREATE INDEX IF NOT EXISTS defects_receipt ON procurement.defects (receipt_id);
CREATE INDEX IF NOT EXISTS defects_supplier_detected ON procurement.defects (supplier_id, detected_at);
CREATE INDEX IF NOT EXISTS communications_supplier_sent ON procurement.communications (supplier_id, sent_at);
CREATE INDEX IF NOT EXISTS quotations_supplier_material ON procurement.quotations (supplier_id, material_id);
