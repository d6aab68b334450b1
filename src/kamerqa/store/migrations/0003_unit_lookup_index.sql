-- A narrow covering index of the search units: the matched unit ids (FTS5 rowids) are looked up
-- here for their document, party and order columns instead of in the wide qa_units rows
-- (which hold the analysed text). SQLite uses it through INDEXED BY (see SQLiteStore.units_sql).
CREATE INDEX IF NOT EXISTS qa_units_lookup ON qa_units(unit_id, doc_id, party, kind, position);
