import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { useWal } from '../store/sqlite/journal-mode.js';
import { Vocabulary, type WordTable } from './vocabulary.js';

export type SearchDb = Database.Database;

/** Bump when the schema, tokenizer or what is indexed changes: an older index is then rebuilt. */
export const INDEX_VERSION = '5';

/**
 * The secondary indexes of docs, by name. A build from empty drops them while it loads and creates
 * them after (index-writer.ts): one sort instead of a b-tree insert per row.
 */
export const LOOKUP_INDEXES: Readonly<Record<string, string>> = {
  docs_title_key: 'CREATE INDEX IF NOT EXISTS docs_title_key ON docs(title_key)',
  docs_compact_key: 'CREATE INDEX IF NOT EXISTS docs_compact_key ON docs(compact_key)',
  docs_name_key: 'CREATE INDEX IF NOT EXISTS docs_name_key ON docs(name_key) WHERE name_key IS NOT NULL',
};

/**
 * Each index row's filter values, narrow (a few bytes a row against docs' ~150): a filtered search
 * looks one row up per paper its words match (filters.ts), and in this table those look-ups took
 * half the time they took in docs and doc_dates (100k papers: `llms` with code counted in 7 ms
 * against 15). A paper's first and last digest dates answer a date filter alone unless both fall
 * outside it; doc_dates then has the dates between.
 */
const DOC_FACTS = `CREATE TABLE doc_facts (
    doc        INTEGER PRIMARY KEY,  -- docs.rowid
    has_code   INTEGER NOT NULL,
    upvotes    INTEGER,
    first_date TEXT,                 -- the paper's earliest digest date, null when it has none
    last_date  TEXT
  )`;

/**
 * The search index's own database, beside (never inside) the store: it can be deleted at any time
 * and is rebuilt from the store. FTS5 keeps the postings on disk; `words` is the surface vocabulary
 * the typo/prefix expansion loads into memory.
 */
const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE docs (
    rowid     INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    title_key TEXT NOT NULL,       -- normalizeTitle: words joined by single spaces
    compact_key TEXT NOT NULL,     -- the title as one run of letters and digits (known-items.ts)
    name_key  TEXT,                -- the same of the part before its colon, if any
    upvotes   INTEGER,
    has_code  INTEGER NOT NULL,
    sources   TEXT NOT NULL,       -- ',hf-api,arxiv-jsonl,'
    text_hash TEXT NOT NULL        -- what was indexed, so a changed abstract updates the vocabulary
  );
  CREATE TABLE doc_dates (doc INTEGER NOT NULL, date TEXT NOT NULL, PRIMARY KEY (doc, date)) WITHOUT ROWID;
  ${DOC_FACTS};
  ${Object.values(LOOKUP_INDEXES).join(';\n  ')};
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

/** Removes the index files (the database and its WAL/SHM). */
export function removeSearchDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

function configure(db: SearchDb): void {
  // The bot and a `papers` command may both write the index: wait for the other's transaction.
  db.pragma('busy_timeout = 5000');
  useWal(db);
  db.pragma('synchronous = NORMAL');
  // A bigger page cache keeps hot postings in memory between queries.
  db.pragma('cache_size = -65536');
}

/**
 * A new, empty index. `replace` removes a damaged or outdated one first; a missing one is created in
 * place, the schema under the write lock and only if no other process (the bot and a `papers`
 * command started together on a fresh DATA_DIR) created it meanwhile: removing the file another
 * process had just created made that one fail with "disk I/O error" or "table meta already exists".
 */
export function createSearchDb(file: string, replace = true): SearchDb {
  if (replace) removeSearchDb(file);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  configure(db);
  db.transaction(() => {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get()) return;
    db.exec(SCHEMA);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?), (?, ?), (?, ?)').run(
      'version', INDEX_VERSION, 'seq', '0', 'recent_floor', '0', 'doc_count', '0', 'generation', randomUUID(),
    );
  }).immediate();
  return db;
}

/**
 * Opens an existing index when it is whole and of this version; otherwise tells why not (the caller
 * then rebuilds). Anything thrown while checking counts as "not usable", never as a crash.
 */
export function openSearchDb(file: string): { db: SearchDb } | { problem: string } {
  if (!existsSync(file)) return { problem: 'missing' };
  let db: SearchDb | undefined;
  try {
    db = new Database(file);
    configure(db);
    // An empty file is one another process has just created and is filling: not damage to remove.
    if (!db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get()) {
      db.close();
      return { problem: 'missing' };
    }
    const version = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get('version');
    if (version?.value === '4') upgradeFrom4(db);
    else if (version?.value !== INDEX_VERSION) {
      db.close();
      return { problem: `index version ${version?.value ?? 'unknown'}, want ${INDEX_VERSION}` };
    }
    // Touch every structure a query uses: a damaged page shows up here rather than mid-search. One
    // row each, not a count: counting the docs table and the postings of "a" was ~60 ms of a 100k
    // cold start, and a search that meets a damaged page later still rebuilds (see `guarded`).
    db.prepare("SELECT rowid FROM fts WHERE fts MATCH 'a' LIMIT 1").get();
    db.prepare("SELECT rowid FROM fts_recent WHERE fts_recent MATCH 'a' LIMIT 1").get();
    db.prepare('SELECT id FROM docs LIMIT 1').get();
    db.prepare('SELECT doc FROM doc_facts LIMIT 1').get();
    db.prepare('SELECT word FROM words LIMIT 1').get();
    db.prepare('SELECT term FROM fts_vocab LIMIT 1').get();
    return { db };
  } catch (err) {
    try {
      db?.close();
    } catch {
      /* already unusable */
    }
    return { problem: `unreadable: ${(err as Error).message}` };
  }
}

/**
 * Version 4 to 5 in place: doc_facts filled from docs and doc_dates, and the (date, doc) index
 * dropped (no query reads it since filters look rows up by doc). One statement each, under the
 * write lock and only if no other process upgraded the file meanwhile: a rebuild would read every
 * paper from the store again (minutes at 1M papers).
 */
function upgradeFrom4(db: SearchDb): void {
  db.transaction(() => {
    if (metaValue(db, 'version') !== '4') return;
    db.exec(DOC_FACTS);
    db.exec(`INSERT INTO doc_facts (doc, has_code, upvotes, first_date, last_date)
      SELECT d.rowid, d.has_code, d.upvotes, min(dd.date), max(dd.date) FROM docs d LEFT JOIN doc_dates dd ON dd.doc = d.rowid GROUP BY d.rowid`);
    db.exec('DROP INDEX IF EXISTS doc_dates_date');
    db.prepare("UPDATE meta SET value = ? WHERE key = 'version'").run(INDEX_VERSION);
  }).immediate();
}

/**
 * The index's words and counts. SQLite joins them into two strings: one JS string each instead of a
 * row object per word, which is what made loading a large vocabulary slow (150 ms for 65k words,
 * against 50 ms this way). Index words never hold white space (see isVocabularyWord). No ORDER BY:
 * `words` is a WITHOUT ROWID table keyed by the word, so a scan already yields them in order, and
 * asking again made SQLite sort each list (60 ms against 13 ms at 66k words). Vocabulary.fromSorted
 * checks the order and falls back on inserting one by one if it were ever otherwise.
 */
export function readVocabulary(db: SearchDb): Vocabulary {
  const [words, dfs] = db
    .prepare("SELECT group_concat(word, char(10)), group_concat(df, ',') FROM words")
    .raw()
    .get() as [string | null, string | null];
  if (words === null || dfs === null) return new Vocabulary();
  const w = words.split('\n');
  const d = dfs.split(',').map(Number);
  if (w.length === d.length) return Vocabulary.fromSorted(w, d);
  // Only a word with a line break in it could get here; read row by row then.
  return Vocabulary.fromEntries(db.prepare('SELECT word, df FROM words').raw().iterate() as Iterable<[string, number]>);
}

/**
 * The words table read a word or a prefix at a time (Vocabulary.onDemand). `from` walks the
 * table's key order, which is the order readVocabulary reads, so completions come out the same.
 */
export function wordTable(db: SearchDb): WordTable {
  const df = db.prepare<[string], number>('SELECT df FROM words WHERE word = ?').pluck();
  const from = db.prepare<[string], [string, number]>('SELECT word, df FROM words WHERE word >= ? ORDER BY word').raw();
  return {
    df: (word) => df.get(word) ?? 0,
    from: (word) => from.iterate(word),
    all: () => readVocabulary(db),
  };
}

/**
 * Which file this is: set once when it is created. A rebuilt index may reach the same seq with
 * other row numbers, so what is kept about rows (term heads) names the file as well as the seq.
 * Files written before it existed read as ''.
 */
export function readGeneration(db: SearchDb): string {
  return metaValue(db, 'generation') ?? '';
}

export function readSeq(db: SearchDb): number {
  return Number(metaValue(db, 'seq') ?? 0);
}

function metaValue(db: SearchDb, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

/** True for SQLite errors that mean the file itself is damaged. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB';
}
