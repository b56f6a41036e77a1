import { createHash } from 'node:crypto';
import type { IndexedPaper } from '../paper.js';
import { normalizeTitle } from '../paper-id.js';
import { compactKey, nameKey } from './known-items.js';
import { FTS_TABLES, readVarints, recountAverages, subtractFromAverages, type FtsTable } from './fts5-averages.js';
import { DEFAULT_WAL_PAGES, LARGE_WRITE_WAL_PAGES } from '../store/sqlite/journal-mode.js';
import { LOOKUP_INDEXES, readSeq, type SearchDb } from './search-db.js';
import { countWords } from './count-words.js';
import { indexedFields, wordsJson } from './indexed-words.js';
import type { Vocabulary } from './vocabulary.js';

// FTS5's default: how many segments of a level it lets pile up before merging them into one.
const FTS_AUTOMERGE = 4;

/**
 * FTS5's automatic merging, off for a bulk load (0) and back to its default after: merging as the
 * load goes was a fifth of FTS5's work in a 100k build (5.2 s against 6.6 s for the full index
 * alone here), and queries on the result measured the same (FTS5 still merges a level at 16
 * segments, and merges again as later papers arrive).
 */
function setAutomerge(db: SearchDb, n: 0 | typeof FTS_AUTOMERGE): void {
  ftsCommand(db, 'automerge', n);
}

/**
 * A bulk load checkpoints the WAL at LARGE_WRITE_WAL_PAGES, on this connection only; given back at
 * the load's end, before its last commit, which then checkpoints what is left.
 */
function setBulkCheckpoints(db: SearchDb, bulk: boolean): void {
  db.pragma(`wal_autocheckpoint = ${bulk ? LARGE_WRITE_WAL_PAGES : DEFAULT_WAL_PAGES}`);
}

/** An FTS5 special command on both FTS5 tables. */
function ftsCommand(db: SearchDb, command: 'automerge' | 'merge', n: number): void {
  // A literal: FTS5 refuses a bound value for its settings ("SQL logic error").
  for (const t of FTS_TABLES) db.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('${command}', ${n})`);
}

/**
 * Leaf pages of merging done when a bulk load ends. With merging off, the load leaves many
 * segments, and the first write after it (the next digest) merged them: 181-197 ms for a 100-paper
 * digest after a 100k build, against 65 ms after a build with merging on. 5,000 pages took
 * 0.3-0.4 s there (27 segments of the full index down to 14) and the first digest after it 93-111 ms.
 */
const END_OF_LOAD_MERGE_PAGES = 5000;

/** The fields' hash as of their join with NULs, fed a field at a time (no copy of the joined text). */
function textHash(f: readonly string[]): string {
  const h = createHash('sha1');
  for (const [i, field] of f.entries()) {
    if (i) h.update('\u0000');
    h.update(field);
  }
  return h.digest('base64');
}

/**
 * Writes papers into the index: one transaction per call, the seq high-water mark moved in the same
 * transaction, so a crash leaves the index at a consistent earlier point that the next sync continues.
 */
export function createIndexWriter(db: SearchDb, vocab: Vocabulary, recentDocs: number) {
  const s = {
    find: db.prepare<[string], { rowid: number; hash: string | null }>(
      'SELECT rowid, text_hash AS hash FROM docs WHERE id = ?',
    ),
    staleTitleDocs: db.prepare<[string, string], { rowid: number }>(
      "SELECT rowid FROM docs WHERE title_key = ? AND id LIKE 'title:%' AND id <> ?",
    ),
    insertDoc: db.prepare(
      'INSERT INTO docs (id, title_key, compact_key, name_key, upvotes, has_code, sources, text_hash) VALUES (@id, @title_key, @compact_key, @name_key, @upvotes, @has_code, @sources, @text_hash)',
    ),
    deleteDoc: db.prepare<[number]>('DELETE FROM docs WHERE rowid = ?'),
    insertFacts: db.prepare<[number, number, number | null, string | null, string | null]>(
      'INSERT INTO doc_facts (doc, has_code, upvotes, first_date, last_date) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteFacts: db.prepare<[number]>('DELETE FROM doc_facts WHERE doc = ?'),
    deleteDates: db.prepare<[number]>('DELETE FROM doc_dates WHERE doc = ?'),
    insertDate: db.prepare<[number, string]>('INSERT OR IGNORE INTO doc_dates (doc, date) VALUES (?, ?)'),
    insertFts: db.prepare<[number, string, string, string, string]>(
      'INSERT INTO fts (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteFts: db.prepare<[number]>('DELETE FROM fts WHERE rowid = ?'),
    insertRecent: db.prepare<[number, string, string, string, string]>(
      'INSERT INTO fts_recent (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteRecent: db.prepare<[number]>('DELETE FROM fts_recent WHERE rowid = ?'),
    recentRowids: db.prepare<[number, number], { rowid: number }>('SELECT rowid FROM docs WHERE rowid > ? AND rowid <= ?'),
    maxRowid: db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM docs'),
    getFloor: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'recent_floor'"),
    setFloor: db.prepare<[string]>("INSERT INTO meta (key, value) VALUES ('recent_floor', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
    // A batch's words as one JSON object (wordsJson): `WHERE true` lets SQLite parse the upsert
    // clause after a SELECT.
    addWords: db.prepare<[string]>(
      'INSERT INTO words (word, df) SELECT key, value FROM json_each(?) WHERE true ON CONFLICT(word) DO UPDATE SET df = df + excluded.df',
    ),
    setSeq: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'seq'"),
    addDocCount: db.prepare<[number]>("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'doc_count'"),
    initDocCount: db.prepare("INSERT INTO meta (key, value) SELECT 'doc_count', count(*) FROM docs"),
    isBulk: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'bulk'"),
    isEmpty: db.prepare<[], { n: number }>('SELECT NOT EXISTS (SELECT 1 FROM docs) AS n'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    deleteMeta: db.prepare<[string]>('DELETE FROM meta WHERE key = ?'),
  };

  /**
   * The rows (and their tokens) deleted from each FTS5 table by the write under way, which FTS5
   * leaves in its averages record (fts5-averages.ts). Kept in meta with the write and taken out of
   * the record right after it commits (FTS5 writes the record again at commit from what it holds):
   * a crash in between leaves them in meta for the next write.
   */
  let removed: Partial<Record<FtsTable, number[]>> = {};
  const ftsRows = {
    fts: { size: db.prepare<[number], { sz: Uint8Array }>('SELECT sz FROM fts_docsize WHERE id = ?'), remove: s.deleteFts },
    fts_recent: { size: db.prepare<[number], { sz: Uint8Array }>('SELECT sz FROM fts_recent_docsize WHERE id = ?'), remove: s.deleteRecent },
  };
  /** Deletes a row from an FTS5 table, its sizes counted into `removed` first. */
  function deleteFtsRow(table: FtsTable, rowid: number): void {
    const row = ftsRows[table].size.get(rowid);
    if (row) {
      const sizes = readVarints(row.sz);
      const sum = (removed[table] ??= sizes.map(() => 0).concat(0));
      sum[0]!++;
      sizes.forEach((n, i) => (sum[i + 1]! += n));
    }
    ftsRows[table].remove.run(rowid);
  }
  const PENDING = 'fts_removed';
  const takeOutRemoved = db.transaction(() => {
    const pending = s.getMeta.get(PENDING);
    if (!pending) return;
    for (const [table, sum] of Object.entries(JSON.parse(pending.value) as Record<FtsTable, number[]>)) subtractFromAverages(db, table as FtsTable, sum);
    s.deleteMeta.run(PENDING);
  });
  // An index written before the writer took deleted rows out: its records counted again, once.
  const ACCOUNTED = 'fts_averages';
  if (!s.getMeta.get(ACCOUNTED)) {
    db.transaction(() => {
      if (s.getMeta.get(ACCOUNTED)) return;
      for (const t of FTS_TABLES) recountAverages(db, t);
      s.setMeta.run(ACCOUNTED, 'exact');
    }).immediate();
  }

  // Index rows at or below the floor are not in fts_recent; above it, every row is.
  let floor = Number(s.getFloor.get()?.value ?? 0);
  // A build from empty knows how many papers are coming: rows that would be trimmed by the end
  // never enter fts_recent (a 1M build would otherwise insert and delete ~1M rows there).
  let expectedRows = 0;
  // A bulk load (see beginBulk): the seq this writer last recorded, and the title-only papers it
  // indexed by title key (rowids), standing in for the title_key index it dropped.
  let bulk: { seq: number; titleDocs: Map<string, number[]> } | undefined;

  /** This writer's bulk load is over: its checkpoints are SQLite's again. */
  function leaveBulk(): void {
    bulk = undefined;
    setBulkCheckpoints(db, false);
  }

  /**
   * Creates the lookup indexes and clears the bulk flag (one transaction). Also what the next
   * catch-up does first after a bulk load that was interrupted: it then continues with lookups.
   */
  function endBulk(): void {
    leaveBulk();
    if (!s.isBulk.get()) return;
    db.transaction(restoreLookups).immediate();
  }

  /**
   * The lookup indexes and FTS5's merging back (with the merging the load skipped, up to
   * END_OF_LOAD_MERGE_PAGES), the bulk flag cleared, in the caller's transaction.
   */
  function restoreLookups(): void {
    for (const sql of Object.values(LOOKUP_INDEXES)) db.exec(sql);
    setAutomerge(db, FTS_AUTOMERGE);
    ftsCommand(db, 'merge', END_OF_LOAD_MERGE_PAGES);
    db.exec("DELETE FROM meta WHERE key = 'bulk'");
  }

  /** fts_recent's rows above the floor and up to `to` deleted, the floor moved to it. */
  function trimRecent(to: number): void {
    for (const { rowid } of s.recentRowids.all(floor, to)) deleteFtsRow('fts_recent', rowid);
    floor = to;
  }

  // Rows added less rows removed by the write under way (meta.doc_count, see index-reads' docCount).
  let docDelta = 0;

  function removeDoc(rowid: number): void {
    docDelta--;
    deleteFtsRow('fts', rowid);
    if (rowid > floor) deleteFtsRow('fts_recent', rowid);
    s.deleteDates.run(rowid);
    s.deleteFacts.run(rowid);
    s.deleteDoc.run(rowid);
  }

  const write = db.transaction((papers: IndexedPaper[], seq: number, given: string | undefined): Map<string, number> | undefined => {
    // Another process may have moved it (see createPaperSearch's catchUp): the file is the truth.
    floor = Number(s.getFloor.get()?.value ?? floor);
    const floorAtStart = floor;
    docDelta = 0;
    removed = {};
    // Another process wrote to the file during our bulk load: its rows need the lookups again.
    if (bulk && (!s.isBulk.get() || readSeq(db) !== bulk.seq)) {
      leaveBulk();
      restoreLookups();
    }
    // The words of new text, counted once the rows are written; or counted already (see write),
    // which holds while every paper of the batch is new to the index.
    let counted = bulk ? given : undefined;
    const newText: string[][] = [];
    for (const p of papers) {
      const titleKey = normalizeTitle(p.title);
      // The store re-keys a title-only paper to its arXiv id when it learns it: drop the old entry.
      if (!p.id.startsWith('title:')) {
        if (bulk) {
          for (const rowid of bulk.titleDocs.get(titleKey) ?? []) removeDoc(rowid);
          bulk.titleDocs.delete(titleKey);
        } else {
          for (const { rowid } of s.staleTitleDocs.all(titleKey, p.id)) removeDoc(rowid);
        }
      }
      const f = indexedFields(p);
      const hash = textHash(f);
      const row = {
        id: p.id,
        title_key: titleKey,
        compact_key: compactKey(p.title),
        name_key: nameKey(p.title) ?? null,
        upvotes: p.upvotes ?? null,
        has_code: p.links.length > 0 ? 1 : 0,
        sources: `,${p.sources.join(',')},`,
        text_hash: hash,
      };
      // Looked up in a bulk load too (the id's unique index stays): a load that follows a store
      // being filled (followStore) meets papers again as later inputs update them.
      const existing = s.find.get(p.id);
      // A changed paper (seen in a new digest, new upvotes, new text) moves to a new index row:
      // rows follow the store's seq order, as a build from empty numbers them, so "newest" (the
      // recent shard, the newest-first orders) means the same after any history of updates.
      if (existing) {
        removeDoc(existing.rowid);
        if (bulk) {
          const same = bulk.titleDocs.get(titleKey);
          if (same?.includes(existing.rowid)) same.splice(same.indexOf(existing.rowid), 1);
          counted = undefined;
        }
      }
      const rowid = Number(s.insertDoc.run(row).lastInsertRowid);
      docDelta++;
      if (bulk && p.id.startsWith('title:')) {
        const same = bulk.titleDocs.get(titleKey);
        if (same) same.push(rowid);
        else bulk.titleDocs.set(titleKey, [rowid]);
      }
      // Skipped by a build from empty: the floor moves past it before the build is done.
      if (rowid <= expectedRows - recentDocs && rowid > floor) {
        // Rows under it went into fts_recent while fewer papers were expected (a load following a
        // store being filled: see expect): out with them, as the trim below would.
        if (rowid - 1 > floor) trimRecent(rowid - 1);
        floor = rowid;
      }
      s.insertFts.run(rowid, ...f);
      if (rowid > floor) s.insertRecent.run(rowid, ...f);
      let first: string | null = null;
      let last: string | null = null;
      for (const d of p.digestDates) {
        s.insertDate.run(rowid, d);
        if (first === null || d < first) first = d;
        if (last === null || d > last) last = d;
      }
      s.insertFacts.run(rowid, row.has_code, row.upvotes, first, last);
      // Document counts follow new text only; a re-worded abstract adds its new words once.
      if (existing?.hash !== hash) newText.push(f);
    }
    const newWords = counted === undefined ? countWords(newText) : undefined;
    // In key order (wordsJson): the upserts walk the words b-tree front to back, not at random.
    s.addWords.run(counted ?? wordsJson(newWords!));
    // Keep fts_recent to the newest `recentDocs` rows: trim what this write pushed out.
    const top = s.maxRowid.get()?.n ?? 0;
    const target = Math.max(floor, top - recentDocs);
    if (target > floor) trimRecent(target);
    if (floor !== floorAtStart) s.setFloor.run(String(floor));
    s.setSeq.run(String(seq));
    // The papers held, kept beside the seq: counting 100k rows was 45-70 ms of a search's first
    // answer. An index written before the count was kept counts once here.
    if (docDelta && s.addDocCount.run(docDelta).changes === 0) s.initDocCount.run();
    if (bulk) bulk.seq = seq;
    if (Object.keys(removed).length) {
      const before = JSON.parse(s.getMeta.get(PENDING)?.value ?? '{}') as Partial<Record<FtsTable, number[]>>;
      for (const t of FTS_TABLES) if (before[t] && removed[t]) removed[t] = removed[t].map((n, i) => n + (before[t]![i] ?? 0));
      s.setMeta.run(PENDING, JSON.stringify({ ...before, ...removed }));
    }
    return newWords;
  });

  return {
    /**
     * Starts a bulk load when the index is empty: the lookup indexes are dropped and FTS5's
     * merging is turned off (both back with endBulk); title-only papers are found again by a map
     * of this load's own instead of the title index. A paper written again (updated by a later
     * input) is still found by its id and moved, as outside a bulk load. meta.bulk marks the file
     * meanwhile, so a build that was interrupted is finished by the next catch-up's endBulk.
     */
    beginBulk(): boolean {
      // Under the write lock: another process may be filling the file this moment.
      bulk = db.transaction(() => {
        if (!s.isEmpty.get()?.n) return undefined;
        for (const name of Object.keys(LOOKUP_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
        setAutomerge(db, 0);
        setBulkCheckpoints(db, true);
        db.exec("INSERT INTO meta (key, value) VALUES ('bulk', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        return { seq: readSeq(db), titleDocs: new Map<string, number[]>() };
      }).immediate();
      return bulk !== undefined;
    },
    endBulk,
    /** This writer's own bulk load is under way (beginBulk, not yet endBulk). */
    get inBulk(): boolean {
      return bulk !== undefined;
    },
    /** A build from empty is about to index this many papers (see expectedRows). */
    expect(rows: number): void {
      expectedRows = rows;
    },
    /** Index rows at or below this are only in the whole index, not in fts_recent. */
    get recentFloor(): number {
      return floor;
    },
    /**
     * Indexes these papers (new or changed) and records `seq` as caught up to. `words`: their
     * vocabulary already counted (countWords over each paper's indexedFields, as wordsJson), for a bulk load that
     * counts the next batch in a worker thread while this one is written (index-sync.ts); used
     * only while the bulk load holds (every paper new), else the words are counted here.
     */
    write(papers: IndexedPaper[], seq: number, words?: string): void {
      let newWords: Map<string, number> | undefined;
      const floorBefore = floor;
      try {
        // IMMEDIATE: the write lock first, so a second writing process queues instead of failing.
        // What an earlier write left (a crash before its rows were taken out), then this one.
        if (s.getMeta.get(PENDING)) takeOutRemoved.immediate();
        newWords = write.immediate(papers, seq, words);
        if (s.getMeta.get(PENDING)) takeOutRemoved.immediate();
      } catch (err) {
        floor = floorBefore; // rolled back with the transaction
        // Its title map may have moved with the rolled-back rows: write with lookups from here on
        // (correct without the lookup indexes, only slower) until endBulk creates them.
        bulk = undefined;
        throw err;
      }
      // A bulk load leaves the in-memory vocabulary behind: the sync reads it again from the file
      // once the load is over (one sorted build: 35-60 ms for the 66k words of 100k papers, where
      // adding them batch by batch took 0.9-1.0 s of the build).
      if (!bulk && newWords) for (const [w, n] of newWords) vocab.add(w, n);
    },
  };
}
