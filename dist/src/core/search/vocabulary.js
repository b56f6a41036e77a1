import SearchableMap from "minisearch/SearchableMap";
import { otherSpellings } from "./spelling-variants.js";
import { stem } from "./text.js";
const MAX_PREFIX_EXPANSIONS = 12;
const COMPLETE_WORD_DF = 3;
const FRAGMENT_FACTOR = 10;
const MAX_FUZZY_EXPANSIONS = 4;
const RARE_DF = 2;
const FREQUENT_NEIGHBOUR_FACTOR = 20;
const NEIGHBOUR_SHARE = 20;
class Vocabulary {
  map;
  constructor(map = new SearchableMap()) {
    this.map = map;
  }
  /**
   * The vocabulary of words listed in code-point order (as SQLite's BINARY collation lists them),
   * each once, with their counts. The radix tree is built in one pass over the sorted list: a third of
   * the time of inserting word by word, which is most of a cold start on a large index.
   */
  static fromSorted(words, dfs) {
    for (let i = 1; i < words.length; i++) {
      if (!(compareCodePoints(words[i - 1], words[i]) < 0)) return Vocabulary.fromEntries(words.map((w, j) => [w, dfs[j]]));
    }
    const build = (lo, hi, depth) => {
      const node = /* @__PURE__ */ new Map();
      let i = lo;
      if (words[i].length === depth) node.set("", dfs[i++]);
      while (i < hi) {
        const first = words[i];
        const c = first[depth];
        let j = i + 1;
        while (j < hi && words[j][depth] === c) j++;
        const last = words[j - 1];
        const end = Math.min(first.length, last.length);
        let l = depth + 1;
        while (l < end && first[l] === last[l]) l++;
        node.set(first.slice(depth, l), build(i, j, l));
        i = j;
      }
      return node;
    };
    const tree = words.length ? build(0, words.length, 0) : /* @__PURE__ */ new Map();
    return new Vocabulary(new SearchableMap(tree));
  }
  /** Words and counts in any order; a word listed twice has its counts added. */
  static fromEntries(entries) {
    const v = new Vocabulary();
    for (const [w, df] of entries) v.add(w, df);
    return v;
  }
  get size() {
    return this.map.size;
  }
  /** Counts one more document holding `word` (or records it with `df`). */
  add(word, df = 1) {
    this.map.update(word, (old) => (old ?? 0) + df);
  }
  /**
   * The other spellings of `word` the index holds ("tumour" for tumor, "tumor" for tumour), each
   * at least 1/NEIGHBOUR_SHARE as frequent as `word`, so a stray typo's key-mate stays out.
   */
  spellings(word) {
    const own = this.df(word);
    return otherSpellings(word).filter((w) => this.df(w) > 0 && this.df(w) * NEIGHBOUR_SHARE >= own);
  }
  df(word) {
    return this.map.get(word) ?? 0;
  }
  /**
   * About how many postings FTS5 reads for `word`: it matches the stem ("modeling" finds every
   * "model…"), so the words spelled from the stem on are summed (an upper bound), up to `cap`.
   */
  postings(word, cap = Number.POSITIVE_INFINITY) {
    const own = this.df(word);
    const s = stem(word);
    if (s.length < 3) return own;
    let sum = 0;
    for (const [, df] of this.map.atPrefix(s)) {
      sum += df;
      if (sum > cap) break;
    }
    return Math.max(own, sum);
  }
  /**
   * Index words to search for `word`: itself when known; spelling neighbours when unknown or very
   * rare; completions when it is the last word, still being typed. At most one surface form per
   * stem (the index stems them alike).
   */
  expand(word, asPrefix) {
    const own = this.df(word);
    const scored = [];
    if (own > 0) scored.push({ w: word, rank: 0 });
    const spelled = this.spellings(word);
    for (const w of spelled) scored.push({ w, rank: 0 });
    if (asPrefix && word.length >= 3) {
      const completions = [];
      for (const [w, df] of this.map.atPrefix(word)) if (w !== word) completions.push([w, df]);
      completions.sort((a, b) => b[1] - a[1]);
      const best = completions[0]?.[1] ?? 0;
      if (own < COMPLETE_WORD_DF || best >= FRAGMENT_FACTOR * own) {
        for (const [w] of completions.slice(0, MAX_PREFIX_EXPANSIONS)) scored.push({ w, rank: 1 });
      }
    }
    const completed = scored.some((x) => x.rank === 1);
    if (word.length >= 4 && own <= RARE_DF && !completed && !spelled.length && !/\d/.test(word)) {
      for (const maxEdits of word.length >= 8 && own === 0 ? [1, 2] : [1]) {
        const found = new Map(this.map.fuzzyGet(word, maxEdits));
        for (let i = 0; i + 1 < word.length; i++) {
          const t = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          const df = this.df(t);
          if (t !== word && df > 0) found.set(t, [df, 1]);
        }
        const near = [...found].filter(([w, [df]]) => w !== word && (own === 0 || df >= FREQUENT_NEIGHBOUR_FACTOR * own)).sort((a, b) => a[1][1] - b[1][1] || b[1][0] - a[1][0]);
        const closest = near[0]?.[1][1];
        const top = near[0]?.[1][0] ?? 0;
        for (const [w, [df, d]] of near.slice(0, MAX_FUZZY_EXPANSIONS)) {
          if (d === closest && df * NEIGHBOUR_SHARE >= top) scored.push({ w, rank: 2 });
        }
        if (near.length) break;
      }
    }
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const { w } of scored) {
      const s = stem(w);
      if (seen.has(s)) continue;
      seen.add(s);
      out.push(w);
    }
    return out;
  }
}
function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x - y;
    if (x > 65535) i++;
  }
  return a.length - b.length;
}
export {
  Vocabulary
};
//# sourceMappingURL=vocabulary.js.map
