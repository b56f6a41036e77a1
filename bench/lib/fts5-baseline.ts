import Database from 'better-sqlite3';
import { STOP_WORDS } from '../../src/core/search/stop-words.js';
import { foldAccents } from '../../src/core/search/text.js';

/**
 * Query words as FTS5's unicode61 tokenizer splits text, and nothing more: the anchor must not
 * borrow our search's own normalisations (Greek letters spelled out…).
 */
const words = (text: string): string[] => foldAccents(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The reference every figure is compared with: plain SQLite FTS5, porter tokenizer, bm25, every
 * query word OR'd (or AND'd), stop words dropped. No typo tolerance, no prefix, no all-words-first.
 */
export function createFts5Baseline(file: string, weights: [number, number] = [1, 1], op: 'OR' | 'AND' = 'OR') {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS f USING fts5(id UNINDEXED, title, abstract, tokenize = 'porter unicode61 remove_diacritics 2')`);
  const ins = db.prepare('INSERT INTO f (id, title, abstract) VALUES (?, ?, ?)');
  const add = db.transaction((docs: Array<{ id: string; title: string; abstract: string }>) => {
    for (const d of docs) ins.run(d.id, d.title, d.abstract);
  });
  const q = db.prepare(`SELECT id FROM f WHERE f MATCH ? ORDER BY bm25(f, 0, ${weights[0]}, ${weights[1]}) LIMIT ?`);
  return {
    db,
    add,
    search(text: string, limit: number): string[] {
      const unique = [...new Set(words(text).filter((w) => !STOP_WORDS.has(w)))];
      if (!unique.length) return [];
      return (q.all(unique.map((w) => `"${w}"`).join(` ${op} `), limit) as Array<{ id: string }>).map((r) => r.id);
    },
    close: () => db.close(),
  };
}
