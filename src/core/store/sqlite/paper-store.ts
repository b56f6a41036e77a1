import type { StoredPaper } from '../../paper.js';
import { normalizeTitle, parseArxivId } from '../../paper-id.js';
import { fieldsFromPaper, mergeFields, sameFields, termsChanged, type PaperFields } from '../merge.js';
import { fieldParams, rowToFields, rowToPaper, type PaperRow } from '../paper-row.js';
import type { DigestEntry, DigestInfo, IngestBatch, IngestCounts, PaperStore } from '../ports.js';
import { LARGE_WRITE_WAL_PAGES } from './journal-mode.js';
import type { Db } from './open.js';
import { sqlitePaperReads } from './paper-reader.js';
import { createDayCountDelta } from './term-day-delta.js';
import { createSqliteTermWriter } from './trend-terms.js';

/**
 * Another store's rows that point at papers: when a title-keyed paper is re-keyed to its arXiv id,
 * the paper store calls each referrer inside the ingest transaction, so each store moves its own rows.
 */
export type SqlitePaperReferrer = (db: Db, fromId: string, toId: string) => void;

/** Moves `column` of `table` from one paper id to another; OR IGNORE/DELETE: the target may already be there. */
export function movePaperReferences(db: Db, table: string, column: string, fromId: string, toId: string): void {
  db.prepare(`UPDATE OR IGNORE ${table} SET ${column} = ? WHERE ${column} = ?`).run(toId, fromId);
  db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(fromId);
}

/** Batches of at least this many papers set the term_day_counts triggers aside by dropping them (see ingestTx). */
const DROP_TRIGGERS_FROM = 200;
/** Batches of at least this many papers run with a page cache of LARGE_CACHE_KIB (negative: KiB, as PRAGMA cache_size takes it) and LARGE_WRITE_WAL_PAGES. */
const LARGE_CACHE_FROM = 1000;
const LARGE_CACHE_KIB = -65536;

/**
 * A large batch writes into indexes larger than SQLite's default 2 MB page cache (title keys and
 * upvotes in random order), and more than the WAL's default checkpoint size: both raised for its
 * duration (the checkpoint runs at its commit). Returns what gives the connection its settings back.
 */
function raiseForLargeBatch(db: Db): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const walPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`cache_size = ${LARGE_CACHE_KIB}`);
  // 0 is checkpoints off: left so.
  if (walPages) db.pragma(`wal_autocheckpoint = ${Math.max(walPages, LARGE_WRITE_WAL_PAGES)}`);
  return () => {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`wal_autocheckpoint = ${walPages}`);
  };
}

/** The SQLite implementation of the PaperStore port (better-sqlite3 is synchronous; the port is not). */
export function createSqlitePaperStore(db: Db, referrers: SqlitePaperReferrer[] = []): PaperStore {
  const reads = sqlitePaperReads(db);
  const q = {
    get: db.prepare<[string], PaperRow>('SELECT * FROM papers WHERE id = ?'),
    byTitleKey: db.prepare<[string], PaperRow>('SELECT * FROM papers WHERE title_key = ? ORDER BY seq LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO papers (id, arxiv_id, title, abstract, authors, links, keywords, categories, upvotes, published_at,
         digest_dates, sources, flags, ai_summary, tldr, title_key, seq, created_at, updated_at)
       VALUES (@id, @arxiv_id, @title, @abstract, @authors, @links, @keywords, @categories, @upvotes, @published_at,
         @digest_dates, @sources, @flags, @ai_summary, @tldr, @title_key, @seq, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE papers SET arxiv_id=@arxiv_id, title=@title, abstract=@abstract, authors=@authors, links=@links,
         keywords=@keywords, categories=@categories, upvotes=@upvotes, published_at=@published_at,
         digest_dates=@digest_dates, sources=@sources, flags=@flags, ai_summary=@ai_summary, tldr=@tldr, title_key=@title_key, seq=@seq, updated_at=@now
       WHERE id=@id`,
    ),
    del: db.prepare<[string]>('DELETE FROM papers WHERE id = ?'),
    digestGet: db.prepare<[string, string], { id: number }>('SELECT id FROM digests WHERE source = ? AND date = ?'),
    digestInsert: db.prepare<[string, string, string | null, string]>(
      'INSERT INTO digests (source, date, origin, ingested_at) VALUES (?, ?, ?, ?)',
    ),
    entryMaxPos: db.prepare<[number], { p: number | null }>('SELECT MAX(position) AS p FROM digest_papers WHERE digest_id = ?'),
    entryInsert: db.prepare<[number, string, number]>(
      'INSERT OR IGNORE INTO digest_papers (digest_id, paper_id, position) VALUES (?, ?, ?)',
    ),
    // Which of a batch's ids and title keys the store holds: two statements per batch, so a new
    // paper (most of a bulk ingest) costs no lookup of its own.
    idsIn: db.prepare<[string], { id: string }>('SELECT id FROM papers WHERE id IN (SELECT value FROM json_each(?))'),
    // One entry of the (title_key, seq, id) index per key (migration 013); null where none.
    firstByTitleKeyIn: db.prepare<[string], { k: string; id: string | null }>(
      `SELECT j.value AS k, (SELECT id FROM papers WHERE title_key = j.value ORDER BY seq LIMIT 1) AS id
       FROM (SELECT DISTINCT value FROM json_each(?)) j`,
    ),
    fill: db.prepare<[], { rule_version: number; filled_at: string }>('SELECT rule_version, filled_at FROM trend_terms_fill WHERE id = 1'),
    fillDrop: db.prepare('DELETE FROM trend_terms_fill'),
    dayTriggers: db.prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'term\\_day\\_%' ESCAPE '\\' ORDER BY name",
    ),
    fillPut: db.prepare<[number, string]>('INSERT INTO trend_terms_fill (id, rule_version, filled_at) VALUES (1, ?, ?)'),
  };
  const counts = createDayCountDelta(db);

  let seq = reads.maxSeq();
  // Each paper's trend terms are written with the paper, from the stored (merged) title and keywords.
  const terms = createSqliteTermWriter(db);

  /**
   * What the batch may find in the store: the ids it held when the batch began, and for each of
   * the batch's title keys it held then the id of the first paper (by seq) under it; plus every id
   * and title key the batch has written since, looked up for real. Outside these, a lookup finds
   * nothing, and a known first paper answers the title lookup without reading every paper of
   * that title (bench corpora repeat titles tenfold).
   */
  let held = { ids: new Set<string>(), firstByTitleKey: new Map<string, string>(), wroteTitleKeys: new Set<string>() };
  const wrote = (id: string, titleKey: string) => {
    held.ids.add(id);
    held.wroteTitleKeys.add(titleKey);
  };

  /** The first paper (by seq) under a title key, as SELECT … ORDER BY seq LIMIT 1 finds it. */
  function firstByTitle(titleKey: string, arxivId: string | undefined): PaperRow | undefined {
    if (held.wroteTitleKeys.has(titleKey)) return q.byTitleKey.get(titleKey);
    const first = held.firstByTitleKey.get(titleKey);
    if (first === undefined) return undefined;
    // Read only when it can match (below): an arXiv paper matches a title-keyed one only.
    return !arxivId || first.startsWith('title:') ? q.get.get(first) : { id: first } as PaperRow;
  }

  /** Finds what the store already holds for this id, also under the paper's title key. */
  function findExisting(id: string, titleKey: string, arxivId: string | undefined): PaperRow | undefined {
    const direct = held.ids.has(id) ? q.get.get(id) : undefined;
    if (direct) return direct;
    const byTitle = firstByTitle(titleKey, arxivId);
    // A text digest knows no arXiv id: match it to the arXiv paper of the same title, and vice versa.
    if (byTitle && (!arxivId || byTitle.id.startsWith('title:'))) return byTitle;
    return undefined;
  }

  function rekey(fromId: string, toId: string, fields: PaperFields, now: string): void {
    counts.touch(fromId, true);
    counts.touch(toId, false);
    const params = fieldParams(fields);
    q.insert.run({ id: toId, ...params, seq: ++seq, now });
    wrote(toId, params.title_key);
    movePaperReferences(db, 'digest_papers', 'paper_id', fromId, toId);
    for (const move of referrers) move(db, fromId, toId);
    // The terms follow the paper to its new id (from the merged record: both keyword lists).
    terms.remove(fromId);
    terms.set(toId, fields.title, fields.keywords);
    q.del.run(fromId);
  }

  const ingestTx = db.transaction((batch: IngestBatch): IngestCounts => {
    // Another process (`papers ingest` beside the running bot) may have written since: seq numbers
    // continue from what the file holds, read under the write lock (see ingest below).
    seq = Math.max(seq, reads.maxSeq());
    const now = new Date().toISOString();
    const result: IngestCounts = { new: 0, merged: 0, unchanged: 0, changedIds: [] };
    const titleKeys = batch.papers.map((p) => normalizeTitle(p.title));
    held = {
      ids: new Set(q.idsIn.all(JSON.stringify(batch.papers.map((p) => p.id))).map((r) => r.id)),
      firstByTitleKey: new Map(q.firstByTitleKeyIn.all(JSON.stringify(titleKeys)).flatMap((r) => (r.id === null ? [] : [[r.k, r.id]]))),
      wroteTitleKeys: new Set<string>(),
    };
    // The term_day_counts triggers (migration 012) count only while trend_terms_fill has its row.
    // They are set aside for the batch (the row taken out and put back as it was, in this
    // transaction) and the counts of the papers it touched brought up to date in two statements at
    // the end: per row, the triggers were most of a digest's ingest.
    const fill = q.fill.get();
    if (fill) q.fillDrop.run();
    counts.begin(fill !== undefined);
    // A large batch also drops them for its duration (their WHEN alone, run per term row, was a
    // tenth of a 100k ingest) and recreates them from their own SQL, in this transaction, as a
    // fill does; a small one (the bot's daily digests) leaves the schema alone.
    const triggers = batch.papers.length >= DROP_TRIGGERS_FROM ? q.dayTriggers.all() : [];
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    let digestId: number | undefined;
    let position = 0;
    if (batch.digestDate) {
      const d = q.digestGet.get(batch.source, batch.digestDate);
      digestId = d ? d.id : Number(q.digestInsert.run(batch.source, batch.digestDate, batch.origin ?? null, now).lastInsertRowid);
      position = (q.entryMaxPos.get(digestId)?.p ?? -1) + 1;
    }
    const seenInBatch = new Set<string>();
    batch.papers.forEach((p, i) => {
      const paper = batch.digestDate && !p.digestDate ? { ...p, digestDate: batch.digestDate } : p;
      const existing = findExisting(paper.id, titleKeys[i]!, paper.arxivId);
      let finalId = paper.id;
      if (!existing) {
        const fields = fieldsFromPaper(paper);
        const params = fieldParams(fields);
        counts.touch(paper.id, held.ids.has(paper.id));
        q.insert.run({ id: paper.id, ...params, seq: ++seq, now });
        terms.set(paper.id, fields.title, fields.keywords, !held.ids.has(paper.id));
        wrote(paper.id, params.title_key);
        result.new++;
        result.changedIds.push(paper.id);
      } else {
        const have = rowToFields(existing);
        const merged = mergeFields(have, paper);
        if (existing.id !== paper.id && existing.id.startsWith('title:') && paper.arxivId) {
          rekey(existing.id, paper.id, merged, now);
          wrote(existing.id, normalizeTitle(existing.title)); // gone from under its title key
          result.merged++;
          result.changedIds.push(paper.id);
        } else {
          finalId = existing.id;
          if (sameFields(have, merged)) {
            if (!seenInBatch.has(finalId)) result.unchanged++;
          } else {
            const params = fieldParams(merged);
            q.update.run({ id: existing.id, ...params, seq: ++seq, now });
            // A new seq (and perhaps title): the first paper under either title key may change.
            wrote(existing.id, params.title_key);
            wrote(existing.id, normalizeTitle(have.title));
            if (termsChanged(have, merged)) {
              counts.touch(existing.id, true);
              terms.set(existing.id, merged.title, merged.keywords);
            }
            if (!seenInBatch.has(finalId)) result.merged++;
            result.changedIds.push(existing.id);
          }
        }
      }
      seenInBatch.add(finalId);
      if (digestId !== undefined) {
        counts.touch(finalId, held.ids.has(finalId));
        if (q.entryInsert.run(digestId, finalId, position).changes) position++;
      }
    });
    counts.end();
    for (const t of triggers) db.exec(t.sql);
    if (fill) q.fillPut.run(fill.rule_version, fill.filled_at);
    result.changedIds = [...new Set(result.changedIds)];
    return result;
  });

  const resolveId = (id: string): string => parseArxivId(id) ?? id.trim();

  return {
    // better-sqlite3's name is the file it was opened with.
    location: db.memory ? undefined : { kind: 'sqlite', file: db.name },
    async ingest(batch) {
      const before = seq;
      const restore = batch.papers.length >= LARGE_CACHE_FROM ? raiseForLargeBatch(db) : undefined;
      try {
        // IMMEDIATE: take the write lock before reading, so two writers queue (busy_timeout)
        // instead of both reading the same max seq.
        return ingestTx.immediate(batch);
      } catch (err) {
        seq = before; // the transaction rolled back: so do the seq numbers it handed out
        terms.reset(); // and the term ids it cached
        throw err;
      } finally {
        restore?.();
      }
    },
    async getPaper(id) {
      const r = q.get.get(resolveId(id));
      return r ? rowToPaper(r) : undefined;
    },
    async getPapers(ids) {
      const out: StoredPaper[] = [];
      for (const id of ids) {
        const r = q.get.get(resolveId(id));
        if (r) out.push(rowToPaper(r));
      }
      return out;
    },
    async papersSince(after, limit) {
      return reads.papersSince(after, limit);
    },
    async maxSeq() {
      return reads.maxSeq();
    },
    async stats() {
      const papers = reads.count();
      const digests = (db.prepare('SELECT COUNT(*) AS n FROM digests').get() as { n: number }).n;
      return { papers, digests };
    },
    async listDigests(opts = {}) {
      const rows = db
        .prepare(
          `SELECT d.id, d.source, d.date, d.ingested_at AS ingestedAt,
             (SELECT COUNT(*) FROM digest_papers e WHERE e.digest_id = d.id) AS paperCount
           FROM digests d ${opts.source ? 'WHERE d.source = @source' : ''}
           ORDER BY d.date DESC, d.id DESC LIMIT @limit`,
        )
        .all({ source: opts.source, limit: opts.limit ?? 50 }) as DigestInfo[];
      return rows;
    },
    async digestEntriesSince(afterEntryId, opts = {}) {
      return db
        .prepare(
          `SELECT e.entry_id AS entryId, e.digest_id AS digestId, d.source, d.date, e.position, e.paper_id AS paperId
           FROM digest_papers e JOIN digests d ON d.id = e.digest_id
           WHERE e.entry_id > ? ORDER BY e.entry_id LIMIT ?`,
        )
        .all(afterEntryId, opts.limit ?? 1_000_000) as DigestEntry[];
    },
    async digestEntries(digestId) {
      return db
        .prepare(
          `SELECT e.entry_id AS entryId, e.digest_id AS digestId, d.source, d.date, e.position, e.paper_id AS paperId
           FROM digest_papers e JOIN digests d ON d.id = e.digest_id
           WHERE e.digest_id = ? ORDER BY e.position`,
        )
        .all(digestId) as DigestEntry[];
    },
    async findByTitle(words, limit) {
      const parts = normalizeTitle(words).split(' ').filter(Boolean);
      if (!parts.length) return [];
      const where = parts.map((_, i) => `(' ' || title_key || ' ') LIKE @w${i}`).join(' AND ');
      const params: Record<string, unknown> = { limit };
      parts.forEach((w, i) => (params[`w${i}`] = `%${w.replace(/[%_]/g, '')}%`));
      return (
        db.prepare(`SELECT * FROM papers WHERE ${where} ORDER BY length(title) LIMIT @limit`).all(params) as PaperRow[]
      ).map(rowToPaper);
    },
    async topPapers({ sinceDate, limit, offset = 0 }) {
      const rows = db
        .prepare(
          `SELECT * FROM papers p WHERE upvotes IS NOT NULL
             ${sinceDate ? `AND EXISTS (SELECT 1 FROM json_each(p.digest_dates) j WHERE j.value >= @since)` : ''}
           ORDER BY upvotes DESC, seq DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ since: sinceDate, limit, offset }) as PaperRow[];
      return rows.map(rowToPaper);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

