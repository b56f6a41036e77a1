import type { SearchDb } from './search-db.js';
import { stem, tokenize } from './text.js';

/**
 * BM25F parameters for re-scoring a long query's candidates. FTS5's bm25 has k1 = 1.2, b = 0.75
 * built in and scores each column apart; here the title and abstract term counts are merged first
 * (BM25F), each normalised by its own length. Chosen on the SciFact train split.
 */
export interface RerankOptions {
  /** Candidates read from FTS5's own bm25 order and re-scored. */
  candidates: number;
  k1: number;
  /** Length normalisation of the title and of the abstract (0: none, 1: full). */
  bTitle: number;
  bAbstract: number;
  /** A title occurrence counts this many abstract occurrences. */
  titleWeight: number;
  /**
   * 'bm25': log((N - df + 0.5) / (df + 0.5)), floored near 0 as FTS5 does (common words weigh
   * nothing); 'plus1': log(1 + that ratio) as Lucene does (they weigh a little).
   */
  idf: 'bm25' | 'plus1';
  /** Score × (1 + coverage × share of the query's words the paper has). 0: plain BM25F. */
  coverage: number;
}

export const DEFAULT_RERANK: RerankOptions = { candidates: 200, k1: 1.2, bTitle: 0.75, bAbstract: 0.75, titleWeight: 3, idf: 'plus1', coverage: 0 };

/** What the re-scorer reads of one candidate. */
export interface RerankDoc {
  rowid: number;
  title: string;
  abstract: string;
}

/** One typed word of the query: the stems of its alternatives (any counts) and its document count. */
export interface RerankTerm {
  stems: Set<string>;
  df: number;
}

/** Average tokens per column over the whole index, and the number of rows. */
export interface FieldStats {
  docs: number;
  avgTitle: number;
  avgAbstract: number;
}

/**
 * BM25F scores of `docs` for `terms`, best first (ties keep the given order: FTS5's). idf is
 * BM25's with +1 inside the log, so a word in over half the papers weighs a little, never less than 0.
 */
export function rerank(docs: RerankDoc[], terms: RerankTerm[], stats: FieldStats, o: RerankOptions): Array<{ rowid: number; score: number }> {
  const n = Math.max(stats.docs, 1);
  const ratio = (df: number) => (n - df + 0.5) / (df + 0.5);
  const idf = terms.map((t) => (o.idf === 'bm25' ? Math.max(1e-6, Math.log(ratio(t.df))) : Math.log(1 + ratio(t.df))));
  const termOf = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const s of t.stems) if (!termOf.has(s)) termOf.set(s, i);
  });
  const count = (text: string, into: number[]): number => {
    const words = tokenize(text);
    for (const w of words) {
      const i = termOf.get(stem(w));
      if (i !== undefined) into[i]!++;
    }
    return words.length;
  };
  const scored = docs.map((d, order) => {
    const tfTitle = terms.map(() => 0);
    const tfAbstract = terms.map(() => 0);
    const lenTitle = count(d.title, tfTitle);
    const lenAbstract = count(d.abstract, tfAbstract);
    const normTitle = 1 - o.bTitle + o.bTitle * (lenTitle / (stats.avgTitle || 1));
    const normAbstract = 1 - o.bAbstract + o.bAbstract * (lenAbstract / (stats.avgAbstract || 1));
    let score = 0;
    let matched = 0;
    terms.forEach((_, i) => {
      const tf = (o.titleWeight * tfTitle[i]!) / normTitle + tfAbstract[i]! / normAbstract;
      if (tf > 0) {
        score += (idf[i]! * tf * (o.k1 + 1)) / (o.k1 + tf);
        matched++;
      }
    });
    if (o.coverage && terms.length) score *= 1 + (o.coverage * matched) / terms.length;
    return { rowid: d.rowid, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ rowid, score }) => ({ rowid, score }));
}

/** SQLite's varint (big-endian, 7 bits a byte, the 9th byte whole), as FTS5 writes its records. */
function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new Error('truncated varint');
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) return [v, at + i + 1];
  }
  const last = buf[at + 8];
  if (last === undefined) throw new Error('truncated varint');
  return [v * 256 + last, at + 9];
}

/**
 * FTS5 keeps the row count and each column's total token count in its "averages" record (row 1 of
 * the %_data table): reading it is one row, where summing lengths ourselves would read the index.
 * Undefined when the record is missing or unreadable (the caller then uses the candidates' mean).
 */
export function readFieldStats(db: SearchDb): FieldStats | undefined {
  try {
    const row = db.prepare<[], { block: Uint8Array }>('SELECT block FROM fts_data WHERE id = 1').get();
    if (!row?.block) return undefined;
    const buf = row.block;
    let at = 0;
    const values: number[] = [];
    for (let i = 0; i < 3 && at < buf.length; i++) {
      const [v, next] = readVarint(buf, at);
      values.push(v);
      at = next;
    }
    const [docs, title, abstract] = values;
    if (!docs || title === undefined || abstract === undefined) return undefined;
    return { docs, avgTitle: title / docs, avgAbstract: abstract / docs };
  } catch {
    return undefined;
  }
}
