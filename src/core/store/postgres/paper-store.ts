import type pg from 'pg';
import type { StoredPaper } from '../../paper.js';
import { normalizeTitle, parseArxivId } from '../../paper-id.js';
import { fieldsFromPaper, mergeFields, sameFields, termsChanged, type PaperFields } from '../merge.js';
import { fieldParams, rowToFields, rowToPaper, type PaperRow } from '../paper-row.js';
import type { DigestEntry, DigestInfo, IngestBatch, IngestCounts, PaperStore } from '../ports.js';
import { writePaperTermsPg } from './trend-terms.js';
import { LOCK_KEYS, movePaperReferences, withTransaction, type Queryable } from './tx.js';

/** Another store's rows that point at papers, moved inside the ingest transaction on a re-key. */
export type PgPaperReferrer = (c: Queryable, fromId: string, toId: string) => Promise<void>;

const COLUMNS = ['id', 'arxiv_id', 'title', 'abstract', 'authors', 'links', 'keywords', 'categories', 'upvotes', 'published_at', 'digest_dates', 'sources', 'flags', 'ai_summary', 'tldr', 'title_key', 'seq', 'created_at', 'updated_at'] as const;
const TYPES: Record<(typeof COLUMNS)[number], string> = { upvotes: 'int', seq: 'int' } as never;

/** One papers row per element of parallel arrays: one statement for a whole batch of new papers. */
async function insertPapers(c: Queryable, rows: Array<{ id: string; fields: PaperFields; seq: number }>, now: string): Promise<void> {
  if (!rows.length) return;
  const cols: unknown[][] = COLUMNS.map(() => []);
  for (const r of rows) {
    const v: Record<string, unknown> = { id: r.id, ...fieldParams(r.fields), seq: r.seq, created_at: now, updated_at: now };
    COLUMNS.forEach((k, i) => cols[i]!.push(v[k]));
  }
  const unnest = COLUMNS.map((k, i) => `$${i + 1}::${TYPES[k] ?? 'text'}[]`).join(', ');
  await c.query(`INSERT INTO papers (${COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest})`, cols);
}

interface Known {
  fields: PaperFields;
  seq: number;
  /** db: as stored; new: to insert at the end; dirty: to update at the end. */
  state: 'db' | 'new' | 'dirty';
}

/**
 * The PostgreSQL PaperStore. Ingest batches are serialised by a transaction-level advisory lock and
 * take their seq numbers inside it, so seq order is commit order: an index following `seq > last`
 * never sees 11 committed before 10 (two instances with a sequence could).
 */
export function createPostgresPaperStore(pool: pg.Pool, referrers: PgPaperReferrer[] = []): PaperStore {
  async function ingestIn(c: pg.PoolClient, batch: IngestBatch): Promise<IngestCounts> {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS.ingest]);
    let seq = (await c.query<{ s: number }>('SELECT COALESCE(MAX(seq), 0) AS s FROM papers')).rows[0]!.s;
    const now = new Date().toISOString();
    const counts: IngestCounts = { new: 0, merged: 0, unchanged: 0, changedIds: [] };

    // Everything the batch could match, read once: by id and by title key.
    const ids = batch.papers.map((p) => p.id);
    const keys = batch.papers.map((p) => normalizeTitle(p.title));
    const known = new Map<string, Known>();
    const byTitle = new Map<string, string>();
    const found = await c.query<PaperRow & { title_key: string }>('SELECT * FROM papers WHERE id = ANY($1) OR title_key = ANY($2) ORDER BY seq', [ids, keys]);
    for (const r of found.rows) {
      known.set(r.id, { fields: rowToFields(r), seq: r.seq, state: 'db' });
      if (!byTitle.has(r.title_key)) byTitle.set(r.title_key, r.id);
    }
    const findExisting = (id: string, title: string, arxivId: string | undefined): string | undefined => {
      if (known.has(id)) return id;
      const t = byTitle.get(normalizeTitle(title));
      // A text digest knows no arXiv id: match it to the arXiv paper of the same title, and vice versa.
      return t && (!arxivId || t.startsWith('title:')) ? t : undefined;
    };

    const order: string[] = [];
    const seen = new Set<string>();
    // Papers whose trend terms are (re)written once the batch's rows are in, from their final fields.
    const termIds = new Set<string>();
    for (const p of batch.papers) {
      const paper = batch.digestDate && !p.digestDate ? { ...p, digestDate: batch.digestDate } : p;
      const existingId = findExisting(paper.id, paper.title, paper.arxivId);
      let finalId = paper.id;
      if (!existingId) {
        known.set(paper.id, { fields: fieldsFromPaper(paper), seq: ++seq, state: 'new' });
        termIds.add(paper.id);
        const key = normalizeTitle(paper.title);
        if (!byTitle.has(key)) byTitle.set(key, paper.id);
        counts.new++;
        counts.changedIds.push(paper.id);
      } else {
        const have = known.get(existingId)!;
        const merged = mergeFields(have.fields, paper);
        if (existingId !== paper.id && existingId.startsWith('title:') && paper.arxivId) {
          // Re-key now, in this transaction: the new row first (references need it), then every
          // store's references, then the old row.
          await flush(c, known, now, existingId);
          await insertPapers(c, [{ id: paper.id, fields: merged, seq: ++seq }], now);
          await movePaperReferences(c, 'digest_papers', ['digest_id'], existingId, paper.id);
          for (const move of referrers) await move(c, existingId, paper.id);
          // The terms follow the paper to its new id (from the merged record: both keyword lists).
          await c.query('DELETE FROM paper_terms WHERE paper_id = $1', [existingId]);
          termIds.delete(existingId);
          termIds.add(paper.id);
          await c.query('DELETE FROM papers WHERE id = $1', [existingId]);
          known.delete(existingId);
          known.set(paper.id, { fields: merged, seq, state: 'db' });
          for (const [k, v] of byTitle) if (v === existingId) byTitle.set(k, paper.id);
          counts.merged++;
          counts.changedIds.push(paper.id);
        } else {
          finalId = existingId;
          if (sameFields(have.fields, merged)) {
            if (!seen.has(finalId)) counts.unchanged++;
          } else {
            known.set(existingId, { fields: merged, seq: ++seq, state: have.state === 'new' ? 'new' : 'dirty' });
            if (termsChanged(have.fields, merged)) termIds.add(existingId);
            if (!seen.has(finalId)) counts.merged++;
            counts.changedIds.push(existingId);
          }
        }
      }
      seen.add(finalId);
      order.push(finalId);
    }
    await flush(c, known, now);
    await writePaperTermsPg(c, [...termIds].map((id) => ({ id, title: known.get(id)!.fields.title, keywords: known.get(id)!.fields.keywords })));

    if (batch.digestDate) {
      await c.query('INSERT INTO digests (source, date, origin, ingested_at) VALUES ($1, $2, $3, $4) ON CONFLICT (source, date) DO NOTHING', [batch.source, batch.digestDate, batch.origin ?? null, now]);
      const digestId = (await c.query<{ id: number }>('SELECT id FROM digests WHERE source = $1 AND date = $2', [batch.source, batch.digestDate])).rows[0]!.id;
      const have = await c.query<{ paper_id: string; position: number }>('SELECT paper_id, position FROM digest_papers WHERE digest_id = $1', [digestId]);
      const inDigest = new Set(have.rows.map((r) => r.paper_id));
      let position = have.rows.reduce((m, r) => Math.max(m, r.position), -1) + 1;
      const entryIds: string[] = [];
      const positions: number[] = [];
      for (const id of order) {
        if (inDigest.has(id)) continue;
        inDigest.add(id);
        entryIds.push(id);
        positions.push(position++);
      }
      // ORDER BY: entry ids are handed out in digest order.
      await c.query(
        'INSERT INTO digest_papers (digest_id, paper_id, position) SELECT $1, u.p, u.pos FROM unnest($2::text[], $3::int[]) AS u(p, pos) ORDER BY u.pos',
        [digestId, entryIds, positions],
      );
    }
    counts.changedIds = [...new Set(counts.changedIds)];
    return counts;
  }

  /** Writes pending inserts and updates (all of them, or only `onlyId`'s before it is re-keyed). */
  async function flush(c: Queryable, known: Map<string, Known>, now: string, onlyId?: string): Promise<void> {
    const fresh: Array<{ id: string; fields: PaperFields; seq: number }> = [];
    for (const [id, k] of known) {
      if (onlyId !== undefined && id !== onlyId) continue;
      if (k.state === 'new') fresh.push({ id, fields: k.fields, seq: k.seq });
      else if (k.state === 'dirty') {
        const f = fieldParams(k.fields);
        await c.query(
          `UPDATE papers SET arxiv_id=$2, title=$3, abstract=$4, authors=$5, links=$6, keywords=$7, categories=$8, upvotes=$9,
             published_at=$10, digest_dates=$11, sources=$12, flags=$13, title_key=$14, seq=$15, updated_at=$16, ai_summary=$17, tldr=$18 WHERE id=$1`,
          [id, f.arxiv_id, f.title, f.abstract, f.authors, f.links, f.keywords, f.categories, f.upvotes, f.published_at, f.digest_dates, f.sources, f.flags, f.title_key, k.seq, now, f.ai_summary, f.tldr],
        );
      }
      if (k.state !== 'db') known.set(id, { ...k, state: 'db' });
    }
    await insertPapers(c, fresh, now);
  }

  const resolveId = (id: string): string => parseArxivId(id) ?? id.trim();
  const papers = async (sql: string, params: unknown[]): Promise<StoredPaper[]> => (await pool.query<PaperRow>(sql, params)).rows.map(rowToPaper);
  const ENTRY = `SELECT e.entry_id AS "entryId", e.digest_id AS "digestId", d.source, d.date, e.position, e.paper_id AS "paperId"
    FROM digest_papers e JOIN digests d ON d.id = e.digest_id`;

  return {
    ingest: (batch) => withTransaction(pool, (c) => ingestIn(c, batch)),
    async getPaper(id) {
      return (await papers('SELECT * FROM papers WHERE id = $1', [resolveId(id)]))[0];
    },
    async getPapers(ids) {
      const wanted = ids.map(resolveId);
      const byId = new Map((await papers('SELECT * FROM papers WHERE id = ANY($1)', [wanted])).map((p) => [p.id, p] as const));
      return wanted.flatMap((id) => byId.get(id) ?? []);
    },
    papersSince: (after, limit) => papers('SELECT * FROM papers WHERE seq > $1 ORDER BY seq LIMIT $2', [after, limit]),
    async maxSeq() {
      return (await pool.query<{ s: number }>('SELECT COALESCE(MAX(seq), 0) AS s FROM papers')).rows[0]!.s;
    },
    async stats() {
      const r = await pool.query<{ papers: number; digests: number }>('SELECT (SELECT COUNT(*)::int FROM papers) AS papers, (SELECT COUNT(*)::int FROM digests) AS digests');
      return r.rows[0]!;
    },
    async listDigests(opts = {}) {
      const r = await pool.query<DigestInfo>(
        `SELECT d.id, d.source, d.date, d.ingested_at AS "ingestedAt",
           (SELECT COUNT(*)::int FROM digest_papers e WHERE e.digest_id = d.id) AS "paperCount"
         FROM digests d WHERE ($1::text IS NULL OR d.source = $1) ORDER BY d.date DESC, d.id DESC LIMIT $2`,
        [opts.source ?? null, opts.limit ?? 50],
      );
      return r.rows;
    },
    async digestEntriesSince(afterEntryId, opts = {}) {
      return (await pool.query<DigestEntry>(`${ENTRY} WHERE e.entry_id > $1 ORDER BY e.entry_id LIMIT $2`, [afterEntryId, opts.limit ?? 1_000_000])).rows;
    },
    async digestEntries(digestId) {
      return (await pool.query<DigestEntry>(`${ENTRY} WHERE e.digest_id = $1 ORDER BY e.position`, [digestId])).rows;
    },
    async findByTitle(words, limit) {
      const parts = normalizeTitle(words).split(' ').filter(Boolean);
      if (!parts.length) return [];
      const where = parts.map((_, i) => `(' ' || title_key || ' ') LIKE $${i + 2}`).join(' AND ');
      return papers(`SELECT * FROM papers WHERE ${where} ORDER BY length(title) LIMIT $1`, [limit, ...parts.map((w) => `%${w.replace(/[%_\\]/g, '')}%`)]);
    },
    async topPapers({ sinceDate, limit, offset = 0 }) {
      return papers(
        `SELECT * FROM papers p WHERE upvotes IS NOT NULL
           AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.digest_dates::jsonb) j WHERE j >= $3))
         ORDER BY upvotes DESC, seq DESC LIMIT $1 OFFSET $2`,
        [limit, offset, sinceDate ?? null],
      );
    },
    async close() {
      // The pool belongs to the storage, which closes it.
    },
  };
}
