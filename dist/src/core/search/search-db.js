import Database from "better-sqlite3";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { Vocabulary } from "./vocabulary.js";
const INDEX_VERSION = "3";
const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE docs (
    rowid     INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    title_key TEXT NOT NULL,
    upvotes   INTEGER,
    has_code  INTEGER NOT NULL,
    sources   TEXT NOT NULL,       -- ',hf-api,arxiv-jsonl,'
    text_hash TEXT NOT NULL        -- what was indexed, so a changed abstract updates the vocabulary
  );
  CREATE INDEX docs_title_key ON docs(title_key);
  CREATE TABLE doc_dates (doc INTEGER NOT NULL, date TEXT NOT NULL, PRIMARY KEY (doc, date)) WITHOUT ROWID;
  CREATE INDEX doc_dates_date ON doc_dates(date, doc);
  CREATE TABLE words (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  -- Contentless: the text lives in the store; snippets are cut from it there.
  CREATE VIRTUAL TABLE fts USING fts5(
    title, abstract, authors, keywords,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'row');
  -- The newest papers again (index rows above meta.recent_floor), for broad chat topics: FTS5's
  -- bm25 reads every query word's whole posting list, so a topic of common words costs as much as
  -- those lists are long; here they are short, whatever the size of the whole index.
  CREATE VIRTUAL TABLE fts_recent USING fts5(
    title, abstract, authors, keywords,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
`;
function removeSearchDb(file) {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}
function configure(db) {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -65536");
}
function createSearchDb(file) {
  removeSearchDb(file);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  configure(db);
  db.exec(SCHEMA);
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?)").run("version", INDEX_VERSION, "seq", "0", "recent_floor", "0");
  return db;
}
function openSearchDb(file) {
  if (!existsSync(file)) return { problem: "missing" };
  let db;
  try {
    db = new Database(file);
    configure(db);
    const version = db.prepare("SELECT value FROM meta WHERE key = ?").get("version");
    if (version?.value !== INDEX_VERSION) {
      db.close();
      return { problem: `index version ${version?.value ?? "unknown"}, want ${INDEX_VERSION}` };
    }
    db.prepare("SELECT count(*) FROM fts WHERE fts MATCH 'a'").get();
    db.prepare("SELECT count(*) FROM fts_recent WHERE fts_recent MATCH 'a'").get();
    db.prepare("SELECT count(*) FROM docs").get();
    db.prepare("SELECT word FROM words LIMIT 1").get();
    db.prepare("SELECT term FROM fts_vocab LIMIT 1").get();
    return { db };
  } catch (err) {
    try {
      db?.close();
    } catch {
    }
    return { problem: `unreadable: ${err.message}` };
  }
}
function readVocabulary(db) {
  const [words, dfs] = db.prepare("SELECT group_concat(word, char(10) ORDER BY word), group_concat(df, ',' ORDER BY word) FROM words").raw().get();
  if (words === null || dfs === null) return new Vocabulary();
  const w = words.split("\n");
  const d = dfs.split(",").map(Number);
  if (w.length === d.length) return Vocabulary.fromSorted(w, d);
  return Vocabulary.fromEntries(db.prepare("SELECT word, df FROM words").raw().iterate());
}
function readSeq(db) {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get("seq");
  return Number(row?.value ?? 0);
}
function isCorruption(err) {
  const code = err?.code;
  return code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT_VTAB";
}
export {
  INDEX_VERSION,
  createSearchDb,
  isCorruption,
  openSearchDb,
  readSeq,
  readVocabulary,
  removeSearchDb
};
//# sourceMappingURL=search-db.js.map
