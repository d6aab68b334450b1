-- kamerqa core schema (SQLite). One row per document in `documents`; its parts in the tables
-- below (deleted with it); `qa_units` + `qa_fts` is the search index (one unit per question
-- and per answer, pre-analysed: dutch_porter stems, compound parts, folded words).
CREATE TABLE documents (
  id TEXT PRIMARY KEY,              -- natural key: KOOP id, TK document number, else sha256
  genre TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  committee TEXT,
  subject TEXT,
  meeting TEXT,
  date_submitted TEXT,              -- ISO dates (YYYY-MM-DD)
  date_answered TEXT,
  date_published TEXT,
  date TEXT,                        -- date_answered, else date_submitted, else date_published
  year INTEGER,
  reference TEXT,
  koop_id TEXT,
  tk_document TEXT,
  zaak TEXT,
  aanhangsel TEXT,
  source_path TEXT,
  source_format TEXT,
  source_sha256 TEXT,
  content_hash TEXT NOT NULL,       -- sha256 of the canonical kamerqa/1 JSON
  document_json TEXT NOT NULL       -- the full kamerqa/1 document
);
CREATE INDEX documents_genre ON documents(genre);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE parties (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',
  question_numbers TEXT NOT NULL DEFAULT '[]',  -- JSON list
  PRIMARY KEY (doc_id, position)
);
CREATE TABLE askers (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  party TEXT,
  PRIMARY KEY (doc_id, position)
);
CREATE TABLE addressees (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  ministry TEXT,                    -- "Defensie" for "minister van Defensie"
  PRIMARY KEY (doc_id, position)
);
CREATE TABLE questions (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  party TEXT,
  section TEXT,
  text TEXT NOT NULL,
  answer_id TEXT,
  PRIMARY KEY (doc_id, position)
);
CREATE INDEX questions_number ON questions(doc_id, number);
CREATE INDEX questions_party ON questions(party);
CREATE TABLE answers (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  questions TEXT NOT NULL DEFAULT '[]',   -- JSON list of question numbers (joint answers)
  refers_to TEXT NOT NULL DEFAULT '[]',   -- JSON list
  PRIMARY KEY (doc_id, position)
);
CREATE INDEX answers_id ON answers(doc_id, id);
CREATE TABLE answer_questions (  -- which questions an answer answers (a joint answer: several)
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  answer_id TEXT NOT NULL,
  question_number TEXT NOT NULL,
  PRIMARY KEY (doc_id, answer_id, question_number)
);
CREATE TABLE footnotes (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  location TEXT,                    -- "q<N>" or an answer id
  PRIMARY KEY (doc_id, position)
);
CREATE TABLE doc_references (       -- citations found in the document
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  dossier TEXT,
  number TEXT,
  year TEXT,
  koop_id TEXT,
  location TEXT,
  PRIMARY KEY (doc_id, position)
);
CREATE TABLE source_files (
  sha256 TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  format TEXT
);
CREATE INDEX source_files_doc ON source_files(doc_id);
CREATE TABLE ingest_runs (          -- written only by runs that changed something
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  files INTEGER NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  failures TEXT NOT NULL DEFAULT '[]'   -- JSON list of {path, reason}
);
CREATE TABLE qa_units (             -- search units: one per question and per answer
  unit_id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,               -- 'question' | 'answer'
  ref TEXT NOT NULL,                -- question number or answer id
  position INTEGER NOT NULL,
  party TEXT,
  stems TEXT NOT NULL,
  parts TEXT NOT NULL,
  words TEXT NOT NULL
);
CREATE INDEX qa_units_doc ON qa_units(doc_id);
CREATE INDEX qa_units_party ON qa_units(party);
CREATE VIRTUAL TABLE qa_fts USING fts5(
  stems, parts, words,
  content='qa_units', content_rowid='unit_id',
  tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER qa_units_ai AFTER INSERT ON qa_units BEGIN
  INSERT INTO qa_fts(rowid, stems, parts, words) VALUES (new.unit_id, new.stems, new.parts, new.words);
END;
CREATE TRIGGER qa_units_ad AFTER DELETE ON qa_units BEGIN
  INSERT INTO qa_fts(qa_fts, rowid, stems, parts, words)
  VALUES ('delete', old.unit_id, old.stems, old.parts, old.words);
END;
CREATE TABLE embeddings (           -- dense vectors of questions (float32 little-endian)
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number TEXT NOT NULL,
  model TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (doc_id, number, model)
);
CREATE VIEW qa AS                   -- one row per question with its (possibly joint) answer
SELECT q.doc_id, d.genre, d.title, d.committee, d.date_submitted, d.date_answered,
       q.number AS question_number, q.party, q.text AS question, a.id AS answer_id,
       a.text AS answer, a.questions AS answer_questions
FROM questions q
JOIN documents d ON d.id = q.doc_id
LEFT JOIN answers a ON a.doc_id = q.doc_id AND a.id = q.answer_id;
CREATE VIEW document_overview AS
SELECT d.id, d.genre, d.title, d.committee, d.date_submitted, d.date_answered,
       (SELECT count(*) FROM questions q WHERE q.doc_id = d.id) AS questions,
       (SELECT count(*) FROM answers a WHERE a.doc_id = d.id) AS answers,
       d.source_path
FROM documents d;
