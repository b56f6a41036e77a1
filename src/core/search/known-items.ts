import { normalizeTitle } from '../paper-id.js';
import { filterSql, type Filters } from './filters.js';
import type { SearchDb } from './search-db.js';
import { STOP_WORDS } from './stop-words.js';
import { fold, stem, tokenize } from './text.js';

/**
 * Known-item search: a reader who types a paper's name ("DeepSeek-R1", "we math", "REINFORCE++") or
 * pastes its title wants that paper first, whatever bm25 makes of the words (a name's words may be
 * stop words, symbols the tokenizer drops, or common words shared by thousands of papers). The index
 * keeps each title's keys in `docs`, so these are indexed look-ups of a few rows, not rankings, and
 * they find the paper however old it is.
 */

/** A paper's name: the part of its title before the first colon (most papers that have one put it there). */
const MAX_NAME_WORDS = 10;

/**
 * A title or a name as one run of letters, digits and the symbols that are part of names (`+`,
 * `#`): case, accents, spaces, hyphens, dots and brackets ignored, so "DeepSeek-R1", "deepseek r1"
 * and "Deepseek R1" are one key, and "REINFORCE++" is not "REINFORCE".
 */
export function compactKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}+#]+/gu, '');
}

/** The key of a title's name, undefined when the title has none. */
export function nameKey(title: string): string | undefined {
  const i = title.search(/[:：]/);
  if (i <= 0) return undefined;
  const name = title.slice(0, i);
  if (name.trim().split(/\s+/).length > MAX_NAME_WORDS) return undefined;
  const key = compactKey(name);
  return /\p{L}/u.test(key) ? key : undefined;
}

/** At most this many papers are listed as named (one full page). */
export const MAX_KNOWN = 25;
/** A typed title start shared by more titles than this names none of them. */
const MAX_TITLE_PREFIX = 20;

interface Row {
  rowid: number;
  title_key: string;
}

/** `df`: how many papers hold an index word (the vocabulary's count). */
export function createKnownItemFinder(db: SearchDb, df: (word: string) => number) {
  const cache = new Map<string, ReturnType<SearchDb['prepare']>>();
  const all = (sql: string, params: Record<string, unknown>): Row[] => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s.all(params) as Row[];
  };
  // The most upvoted first among papers of one name or title, then the newest.
  const ORDER = 'ORDER BY coalesce(upvotes, -1) DESC, rowid DESC';

  return {
    /**
     * Index rows the text names, best first:
     * 1. the text is a title or a name, in any case and spacing (the whole title before a name);
     * 2. the text is a name followed by words of that paper's title ("DeepSeek-R1 reasoning"),
     *    longer names first;
     * 3. the text (two words or more) is how a title starts, when few titles start so.
     */
    find(text: string, f: Filters, cap = MAX_KNOWN): number[] {
      const raw = String(text ?? '').replace(/["“”„«»]/g, ' ');
      const key = compactKey(raw);
      if (key.length < 2) return [];
      const { sql, params } = filterSql(f, 'docs.rowid');
      const out: number[] = [];
      const push = (rows: Row[]) => {
        for (const r of rows) if (out.length < cap && !out.includes(r.rowid)) out.push(r.rowid);
      };
      push(all(`SELECT rowid, title_key FROM docs WHERE compact_key = @key${sql} ${ORDER} LIMIT @cap`, { ...params, key, cap }));
      push(all(`SELECT rowid, title_key FROM docs WHERE name_key = @key${sql} ${ORDER} LIMIT @cap`, { ...params, key, cap }));

      const chunks = raw.split(/\s+/).filter((c) => compactKey(c));
      // A name is at most MAX_NAME_WORDS words: a pasted abstract costs at most that many look-ups.
      for (let i = Math.min(chunks.length - 1, MAX_NAME_WORDS); i >= 1 && out.length < cap; i--) {
        // Every word after the name must be in the title, stop words too ("LLaMA-Adapter based").
        const rest = tokenize(chunks.slice(i).join(' '));
        const name = compactKey(chunks.slice(0, i).join(''));
        if (!rest.length || rest.every((w) => STOP_WORDS.has(w)) || name.length < 2) continue;
        const rows = all(`SELECT rowid, title_key FROM docs WHERE name_key = @name${sql} ${ORDER} LIMIT 100`, { ...params, name });
        push(rows.filter((r) => {
          const words = new Set(r.title_key.split(' ').map(stem));
          return rest.every((w) => words.has(stem(w)));
        }));
      }

      const start = normalizeTitle(raw);
      if (start.includes(' ') && out.length < cap) {
        // Titles that start with these words: a range of the title index (' ' sorts just before '!').
        const rows = all(
          `SELECT rowid, title_key FROM docs WHERE title_key >= @lo AND title_key < @hi${sql} ${ORDER} LIMIT ${MAX_TITLE_PREFIX + 1}`,
          { ...params, lo: `${start} `, hi: `${start}!` },
        );
        if (rows.length <= MAX_TITLE_PREFIX) push(rows);
      }
      // A word the index knows ("diffusion", "what", "nonhomologous" for "non homologous") is a
      // topic, not a name run together.
      const plain = key.replace(/[+#]/g, '');
      if (out.length < cap && plain.length >= 3 && !df(plain)) {
        // The same, run together or spaced otherwise ("qwen25vl", "phi3" for "Phi-3 Technical
        // Report"): titles whose key starts with the text's, where a word of the title ends there.
        const rows = all(
          `SELECT rowid, title_key FROM docs WHERE compact_key > @key AND compact_key < @hi${sql} ${ORDER} LIMIT ${MAX_TITLE_PREFIX + 1}`,
          { ...params, key, hi: `${key}\u{10FFFF}` },
        );
        if (rows.length <= MAX_TITLE_PREFIX) push(rows.filter((r) => startsWithWords(r.title_key, plain)));
      }
      return out;
    },
  };
}

/** Whether some first words of a title (normalizeTitle's form), run together, are exactly `key`. */
function startsWithWords(titleKey: string, key: string): boolean {
  let run = '';
  for (const w of titleKey.split(' ')) {
    run += w;
    if (run === key) return true;
    if (run.length >= key.length) return false;
  }
  return false;
}

export type KnownItemFinder = ReturnType<typeof createKnownItemFinder>;
