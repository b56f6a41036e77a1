import SearchableMap from 'minisearch/SearchableMap';
import { fuzzyInSorted } from './sorted-fuzzy.js';
import { otherSpellings } from './spelling-variants.js';
import { stem } from './text.js';

/** Up to this many completions of a word being typed (the most frequent ones). */
const MAX_PREFIX_EXPANSIONS = 12;
/** A last word found in at least this many documents is taken as typed in full… */
const COMPLETE_WORD_DF = 3;
/** …unless a completion is this many times more frequent: "exp" (4 papers) is "expert…" half typed. */
const FRAGMENT_FACTOR = 10;
/** Up to this many spelling neighbours of a word the index does not know. */
const MAX_FUZZY_EXPANSIONS = 4;
/** A word this rare is likely a typo in some abstract: its frequent neighbours are searched too. */
const RARE_DF = 2;
const FREQUENT_NEIGHBOUR_FACTOR = 20;
/**
 * Among equally close spellings, one this many times rarer than the most frequent is dropped:
 * "difusion" means diffusion (thousands of papers), not "dbfusion" (one).
 */
const NEIGHBOUR_SHARE = 20;

/**
 * The index file's words table asked a word or a prefix at a time (search-db.ts wordTable), for a
 * one-shot command that looks up a few words and exits: reading all of them took ~50 ms of a
 * ~450 ms `papers search` at 100k papers, before a typo search ever needed them.
 */
export interface WordTable {
  /** Documents holding the word; 0 for a word the index does not know. */
  df(word: string): number;
  /** The words from `word` on, in code-point order, with their counts (read until the caller stops). */
  from(word: string): Iterable<[string, number]>;
  /** Every word, as readVocabulary reads them. */
  all(): Vocabulary;
}

/**
 * The index's words (as written, lower-cased) with their document counts. It turns a typo or a
 * half-typed word into real index words before the FTS5 query; postings stay on disk.
 *
 * The words read from the index file stay two sorted arrays: a count or a completion is a binary
 * search, and a typo search walks them as minisearch walks its radix tree (sorted-fuzzy.ts), so
 * no tree of ~100k nodes is built for them (60–130 ms of a ~300 ms cold start when it was built on
 * opening). Words added later (by this process's index writes) that the file did not hold go
 * into a minisearch tree of their own.
 *
 * On demand (onDemand), counts and completions are read from the words table itself, and the words
 * are read whole only when a typo search first needs them.
 */
export class Vocabulary {
  /** In code-point order, as SQLite's BINARY collation lists them; counts beside them. */
  private sorted: readonly string[];
  private sortedDfs: Float64Array;
  private added = new SearchableMap<number>();
  /** Until the words are read whole: where counts and completions are read instead. */
  private table?: WordTable;

  /** Use fromSorted for words already in order; `new Vocabulary()` is an empty one. */
  constructor(sorted: readonly string[] = [], dfs: ArrayLike<number> = []) {
    this.sorted = sorted;
    this.sortedDfs = Float64Array.from(dfs);
  }

  /**
   * The vocabulary of words listed in code-point order (as SQLite's BINARY collation lists them),
   * each once, with their counts. Out of order or repeated, they are added one by one instead.
   */
  static fromSorted(words: readonly string[], dfs: ArrayLike<number>): Vocabulary {
    for (let i = 1; i < words.length; i++) {
      if (!(compareCodePoints(words[i - 1]!, words[i]!) < 0)) return Vocabulary.fromEntries(words.map((w, j) => [w, dfs[j]!]));
    }
    return new Vocabulary(words, dfs);
  }

  /** The words of `table`, read from it a word or a prefix at a time until a typo search needs them all. */
  static onDemand(table: WordTable): Vocabulary {
    const v = new Vocabulary();
    v.table = table;
    return v;
  }

  /** The words table's words in memory, from here on (see onDemand). */
  private readWhole(): void {
    if (!this.table) return;
    const read = this.table.all();
    this.table = undefined;
    this.sorted = read.sorted;
    this.sortedDfs = read.sortedDfs;
    this.added = read.added;
  }

  /** Words and counts in any order; a word listed twice has its counts added. */
  static fromEntries(entries: Iterable<readonly [string, number]>): Vocabulary {
    const v = new Vocabulary();
    for (const [w, df] of entries) v.add(w, df);
    return v;
  }

  get size(): number {
    this.readWhole();
    return this.sorted.length + this.added.size;
  }

  /** Counts one more document holding `word` (or records it with `df`). */
  add(word: string, df = 1): void {
    // On demand, the table is the count: the index writer adds its words to this vocabulary after
    // the transaction that wrote them to the table, so the reads already see them.
    if (this.table) return;
    const i = this.indexOf(word);
    if (i < 0) {
      this.added.update(word, (old) => (old ?? 0) + df);
      return;
    }
    this.sortedDfs[i]! += df;
  }

  df(word: string): number {
    if (this.table) return this.table.df(word);
    const i = this.indexOf(word);
    return i >= 0 ? this.sortedDfs[i]! : (this.added.get(word) ?? 0);
  }

  /** Words starting with `prefix` (the sorted ones in order, then those added since) and their counts. */
  private *atPrefix(prefix: string): Generator<[string, number]> {
    if (this.table) {
      for (const entry of this.table.from(prefix)) {
        if (!entry[0].startsWith(prefix)) return;
        yield entry;
      }
      return;
    }
    for (let i = this.lowerBound(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      yield [this.sorted[i]!, this.sortedDfs[i]!];
    }
    yield* this.added.atPrefix(prefix);
  }

  /**
   * Words at most `maxEdits` away from `word`, with their counts and distances: the sorted words
   * walked as a radix tree (sorted-fuzzy.ts), then those added since in their own tree.
   */
  private fuzzyGet(word: string, maxEdits: number): Map<string, [number, number]> {
    this.readWhole();
    const found = new Map<string, [number, number]>();
    fuzzyInSorted(this.sorted, word, maxEdits, (i, d) => found.set(this.sorted[i]!, [this.sortedDfs[i]!, d]));
    for (const [w, [df, d]] of this.added.fuzzyGet(word, maxEdits)) found.set(w, [df, d]);
    return found;
  }

  /** The first sorted position whose word is not before `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCodePoints(this.sorted[mid]!, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(word: string): number {
    const i = this.lowerBound(word);
    return this.sorted[i] === word ? i : -1;
  }

  /**
   * The other spellings of `word` the index holds ("tumour" for tumor, "tumor" for tumour), each
   * at least 1/NEIGHBOUR_SHARE as frequent as `word`, so a stray typo's key-mate stays out.
   */
  spellings(word: string): string[] {
    const own = this.df(word);
    // One count per spelling: on demand, each is a read of the words table.
    return otherSpellings(word).filter((w) => {
      const df = this.df(w);
      return df > 0 && df * NEIGHBOUR_SHARE >= own;
    });
  }

  /**
   * About how many postings FTS5 reads for `word`: it matches the stem ("modeling" finds every
   * "model…"), so the words spelled from the stem on are summed (an upper bound), up to `cap`.
   */
  postings(word: string, cap = Number.POSITIVE_INFINITY): number {
    const own = this.df(word);
    const s = stem(word);
    // A stem this short spans too much of the tree to walk per query; its own count will do.
    if (s.length < 3) return own;
    let sum = 0;
    for (const [, df] of this.atPrefix(s)) {
      sum += df;
      if (sum > cap) break;
    }
    return Math.max(own, sum);
  }

  /**
   * About how many postings FTS5 reads for a match of all of `words` (one phrase each): as
   * postings(), but a stem spelled from another of theirs (`models` and `modern` from `mode`, the
   * completions of a half typed word) is counted once, inside the shorter one's; up to `cap`.
   */
  matchPostings(words: Iterable<string>, cap = Number.POSITIVE_INFINITY): number {
    const byStem = new Map<string, string>();
    for (const w of words) {
      const s = stem(w);
      if (!byStem.has(s)) byStem.set(s, w);
    }
    let sum = 0;
    let within: string | undefined;
    // Sorted, a stem comes right before those spelled from it.
    for (const s of [...byStem.keys()].sort()) {
      if (within !== undefined && s.startsWith(within)) continue;
      sum += this.postings(byStem.get(s)!, cap - sum);
      // postings() walks the words spelled from a stem of three letters or more only.
      within = s.length >= 3 ? s : undefined;
      if (sum > cap) break;
    }
    return sum;
  }

  /**
   * Index words to search for `word`: itself when known; spelling neighbours when unknown or very
   * rare; completions when it is the last word, still being typed. At most one surface form per
   * stem (the index stems them alike).
   */
  expand(word: string, asPrefix: boolean): string[] {
    const own = this.df(word);
    const scored: Array<{ w: string; rank: number }> = [];
    if (own > 0) scored.push({ w: word, rank: 0 });
    // The same word spelled the other side of the Atlantic is the word itself, not a typo.
    const spelled = this.spellings(word);
    for (const w of spelled) scored.push({ w, rank: 0 });
    // Chat queries arrive complete: a last word the index knows well is a word, not a fragment.
    // Completing only unknown or rare ones keeps "model merg" working without widening every query.
    if (asPrefix && word.length >= 3) {
      const completions: Array<[string, number]> = [];
      for (const [w, df] of this.atPrefix(word)) if (w !== word) completions.push([w, df]);
      completions.sort((a, b) => b[1] - a[1]);
      const best = completions[0]?.[1] ?? 0;
      if (own < COMPLETE_WORD_DF || best >= FRAGMENT_FACTOR * own) {
        for (const [w] of completions.slice(0, MAX_PREFIX_EXPANSIONS)) scored.push({ w, rank: 1 });
      }
    }
    const completed = scored.some((x) => x.rank === 1);
    if (word.length >= 4 && own <= RARE_DF && !completed && !spelled.length && !/\d/.test(word)) {
      // One edit first (most typos); two only for long words that have no one-edit neighbour.
      for (const maxEdits of word.length >= 8 && own === 0 ? [1, 2] : [1]) {
        const found = this.fuzzyGet(word, maxEdits);
        // Levenshtein counts swapped neighbours ("retreival") as two edits; people make them as one.
        for (let i = 0; i + 1 < word.length; i++) {
          const t = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          const df = this.df(t);
          if (t !== word && df > 0) found.set(t, [df, 1]);
        }
        const near = [...found]
          .filter(([w, [df]]) => w !== word && (own === 0 || df >= FREQUENT_NEIGHBOUR_FACTOR * own))
          .sort((a, b) => a[1][1] - b[1][1] || b[1][0] - a[1][0]);
        // Only the closest spellings: one edit away beats two, or "transfomer" would pull in "transfer".
        const closest = near[0]?.[1][1];
        const top = near[0]?.[1][0] ?? 0;
        for (const [w, [df, d]] of near.slice(0, MAX_FUZZY_EXPANSIONS)) {
          if (d === closest && df * NEIGHBOUR_SHARE >= top) scored.push({ w, rank: 2 });
        }
        if (near.length) break;
      }
    }
    const seen = new Set<string>();
    const out: string[] = [];
    for (const { w } of scored) {
      const s = stem(w);
      if (seen.has(s)) continue;
      seen.add(s);
      out.push(w);
    }
    return out;
  }
}

/** Compares as SQLite's BINARY collation does (UTF-8 bytes, that is code points), not as `<` does. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
