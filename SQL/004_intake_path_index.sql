-- The nightly intake asks, per batch of inbox files, which paths it has already read (with their size and
-- arrival time) before reading any bytes: an inbox of three years of files is not re-read every night.
CREATE INDEX coa_documents_path ON scorecard_store.coa_documents (path);
