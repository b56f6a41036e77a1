import Database from 'better-sqlite3';
import { quote } from './query-plan.js';
import type { ColumnWeights } from './ranker.js';
import { readGeneration, readSeq, type SearchDb } from './search-db.js';

/**
 * Each common term's best papers on its own ("heads"), so that a ranking of a query with common
 * words can be proved whole from a few hundred papers instead of scoring every match.
 *
 * FTS5's bm25 of a query is a sum over its phrases: idf(phrase) * tf part(phrase, paper), each part
 * the very score a query of that phrase alone gives the paper. So a paper outside a term's head
 * scores at most the head's last score (`bound`) for that term, and a paper outside every head of
 * the query's common words, and without any of its rare words, scores at most the sum of their
 * bounds. If the page's last paper among those that are in a head (or hold a rare word) scores
 * above that sum, no other paper can be on the page: the page is that of a ranking of every match
 * (ranker.ts, exactTop). Scores depend on the whole index (idf, average length), so heads are good
 * for the one index state (file and seq) they were computed at, and recomputed after each change.
 */
export interface HeadsView {
  /** The index file (its generation) and seq the heads were computed at: they are used only there. */
  state: string;
  /** Terms in more papers than this have a head; every other term is in at most this many. */
  minDf: number;
  /** Papers kept per head. */
  size: number;
  /** Each index word (as written) whose FTS5 term has a head, with that term ("models" → "model"). */
  termOf: { get(word: string): string | undefined };
  heads: { get(term: string): Head | undefined };
}

/**
 * The heads all in memory, as computed (and as the bot keeps them); a `papers` one-shot command
 * reads only the ones its query needs from the index file (stored-term-heads.ts).
 */
export interface TermHeads extends HeadsView {
  termOf: Map<string, string>;
  heads: Map<string, Head>;
}

export interface Head {
  /** The term's best papers alone (index rows), best first. */
  rowids: Int32Array;
  /** Their scores for the term alone (bm25, positive), in the same order. */
  scores: Float64Array;
  /** Papers holding the term (a query of the term alone matches this many). */
  df: number;
  /** The last one's score (bm25, positive): no paper outside the head scores above it for this term. */
  bound: number;
}

/** An index state as heads name it: the file's generation and the seq it is at. */
export const stateOf = (generation: string, seq: number): string => `${generation}/${seq}`;

/** The state of the index file as it is now. */
export function indexState(db: SearchDb): string {
  return stateOf(readGeneration(db), readSeq(db));
}

/** What computeTermHeads is given (also the worker's workerData, with the file). */
export interface TermHeadsSpec {
  weights: ColumnWeights;
  minDf: number;
  size: number;
}

/**
 * The heads of every term of the whole index (fts) in more than `minDf` papers, in one read
 * transaction (a snapshot consistent with its seq). Costs one bm25 ranking of each such term's
 * papers: 6.3 s at 100k papers here (689 terms), which is why a worker thread does it
 * (term-heads-worker.ts) while the bot answers with the newest-N cut meanwhile.
 */
export function computeTermHeads(db: SearchDb, spec: TermHeadsSpec): TermHeads {
  const { weights: w, minDf, size } = spec;
  const weights = [w.title, w.abstract, w.authors, w.keywords].join(', ');
  return db.transaction(() => {
    const state = indexState(db);
    const common = new Set(db.prepare('SELECT term FROM fts_vocab WHERE doc > ?').pluck().all(minDf) as string[]);
    const termOf = fts5Terms(db.prepare('SELECT word FROM words').pluck().all() as string[], common);
    // Numbers are not index words ("1" of jamba-1, "4" of GPT-4), yet a query has them as phrases
    // and some are common: a common term no index word turns into is queried by itself, when FTS5
    // turns it back into itself.
    const named = new Set(termOf.values());
    for (const [word, term] of fts5Terms([...common].filter((t) => !named.has(t)), common)) if (word === term) termOf.set(word, term);
    // One index word per term to query it by: FTS5 turns it back into the term.
    const byTerm = new Map<string, string>();
    for (const [word, term] of termOf) if (!byTerm.has(term)) byTerm.set(term, word);
    const rank = db.prepare<[string, number], { rowid: number; s: number }>(
      `SELECT rowid, bm25(fts, ${weights}) AS s FROM fts WHERE fts MATCH ? ORDER BY s, rowid DESC LIMIT ?`,
    );
    // Counted as a query counts them (fts5vocab may still count a deleted paper until a merge).
    const count = db.prepare<[string], number>('SELECT count(*) FROM fts WHERE fts MATCH ?').pluck();
    const heads = new Map<string, Head>();
    for (const [term, word] of byTerm) {
      const match = quote(word);
      const rows = rank.all(match, size);
      if (!rows.length) continue;
      heads.set(term, {
        rowids: Int32Array.from(rows, (r) => r.rowid),
        scores: Float64Array.from(rows, (r) => -r.s),
        df: count.get(match)!,
        bound: -rows[rows.length - 1]!.s,
      });
    }
    // Only words whose term got a head stay. A term neither an index word nor itself turns into
    // has no head either: the ranker reads such a word's papers, or gives up past minDf.
    for (const [word, term] of termOf) if (!heads.has(term)) termOf.delete(word);
    return { state, minDf, size, termOf, heads };
  })();
}

/**
 * The FTS5 term of each word whose term is in `wanted`, as the index's own tokenizer makes it:
 * the words go through a scratch FTS5 table of the same tokenizer in memory, and its instance
 * vocabulary says which term each became. The stemmer in text.ts is the same algorithm, but a
 * head used for the wrong term would give a wrong page, so this asks SQLite itself.
 */
function fts5Terms(words: string[], wanted: ReadonlySet<string>): Map<string, string> {
  const mem = new Database(':memory:');
  try {
    mem.exec(`
      CREATE VIRTUAL TABLE w USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE w_terms USING fts5vocab(w, 'instance');
    `);
    const insert = mem.prepare<[number, string]>('INSERT INTO w (rowid, word) VALUES (?, ?)');
    mem.transaction(() => words.forEach((word, i) => insert.run(i, word)))();
    const out = new Map<string, string>();
    // A word FTS5 splits in two (none should: index words are single tokens) is left out.
    const rows = mem.prepare('SELECT term, doc FROM w_terms').raw().all() as Array<[string, number]>;
    const split = new Set<number>();
    const seen = new Set<number>();
    for (const [, doc] of rows) (seen.has(doc) ? split : seen).add(doc);
    for (const [term, doc] of rows) if (wanted.has(term) && !split.has(doc)) out.set(words[doc]!, term);
    return out;
  } finally {
    mem.close();
  }
}
