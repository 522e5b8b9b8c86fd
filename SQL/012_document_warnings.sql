-- What a profile read from a document but could not turn into a field (a date, a number, a limit): kept
-- with the document, so nothing a supplier wrote is dropped without a trace. A JSON array of
-- {"field", "written", "problem"}, in the order the profile met them; empty for the canonical format.
ALTER TABLE scorecard_store.coa_documents ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]';

-- CREATE OR REPLACE resets the view's options: the barrier is stated again; the new column is appended.
CREATE OR REPLACE VIEW scorecard.coa_documents WITH (security_barrier) AS
    SELECT document_id, path, supplier_id, format, status, reason, error_line, error_column, duplicate_of,
           material_id, lot_number, manufactured, issued, purchase_order, size_bytes, sha256, received_at,
           ingested_at, reprocessed_at, run_id, warnings
    FROM scorecard_store.coa_documents;
COMMENT ON COLUMN scorecard.coa_documents.warnings IS
    'What the profile could not read into a field: [{"field", "written", "problem"}], e.g. a manufacture date that is not a day (then the lot day comes from the receipt).';
