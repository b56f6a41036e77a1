import { createHash } from 'node:crypto';
import type { StoredPaper } from '../paper.js';
import { normalizeTitle } from '../paper-id.js';
import type { SearchDb } from './search-db.js';
import { isVocabularyWord, tokenize } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** The text of a paper the index holds, field by field (FTS5 columns in this order). */
function fields(p: StoredPaper): [string, string, string, string] {
  return [p.title, p.abstract, p.authors.join(', '), p.keywords.join(', ')];
}

function textHash(f: string[]): string {
  return createHash('sha1').update(f.join('\u0000')).digest('base64');
}

/**
 * Writes papers into the index: one transaction per call, the seq high-water mark moved in the same
 * transaction, so a crash leaves the index at a consistent earlier point that the next sync continues.
 */
export function createIndexWriter(db: SearchDb, vocab: Vocabulary) {
  const s = {
    find: db.prepare<[string], { rowid: number; hash: string | null }>(
      'SELECT rowid, text_hash AS hash FROM docs WHERE id = ?',
    ),
    staleTitleDocs: db.prepare<[string, string], { rowid: number }>(
      "SELECT rowid FROM docs WHERE title_key = ? AND id LIKE 'title:%' AND id <> ?",
    ),
    insertDoc: db.prepare(
      'INSERT INTO docs (id, title_key, upvotes, has_code, sources, text_hash) VALUES (@id, @title_key, @upvotes, @has_code, @sources, @text_hash)',
    ),
    updateDoc: db.prepare(
      'UPDATE docs SET title_key=@title_key, upvotes=@upvotes, has_code=@has_code, sources=@sources, text_hash=@text_hash WHERE rowid=@rowid',
    ),
    deleteDoc: db.prepare<[number]>('DELETE FROM docs WHERE rowid = ?'),
    deleteDates: db.prepare<[number]>('DELETE FROM doc_dates WHERE doc = ?'),
    insertDate: db.prepare<[number, string]>('INSERT OR IGNORE INTO doc_dates (doc, date) VALUES (?, ?)'),
    insertFts: db.prepare<[number, string, string, string, string]>(
      'INSERT INTO fts (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteFts: db.prepare<[number]>('DELETE FROM fts WHERE rowid = ?'),
    addWord: db.prepare<[string, number]>(
      'INSERT INTO words (word, df) VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET df = df + excluded.df',
    ),
    setSeq: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'seq'"),
  };

  function removeDoc(rowid: number): void {
    s.deleteFts.run(rowid);
    s.deleteDates.run(rowid);
    s.deleteDoc.run(rowid);
  }

  const write = db.transaction((papers: StoredPaper[], seq: number, newWords: Map<string, number>) => {
    for (const p of papers) {
      const titleKey = normalizeTitle(p.title);
      // The store re-keys a title-only paper to its arXiv id when it learns it: drop the old entry.
      if (!p.id.startsWith('title:')) {
        for (const { rowid } of s.staleTitleDocs.all(titleKey, p.id)) removeDoc(rowid);
      }
      const f = fields(p);
      const hash = textHash(f);
      const row = {
        id: p.id,
        title_key: titleKey,
        upvotes: p.upvotes ?? null,
        has_code: p.links.length > 0 ? 1 : 0,
        sources: `,${p.sources.join(',')},`,
        text_hash: hash,
      };
      const existing = s.find.get(p.id);
      let rowid: number;
      if (existing) {
        rowid = existing.rowid;
        s.updateDoc.run({ ...row, rowid });
        s.deleteDates.run(rowid);
        s.deleteFts.run(rowid);
      } else {
        rowid = Number(s.insertDoc.run(row).lastInsertRowid);
      }
      s.insertFts.run(rowid, ...f);
      for (const d of p.digestDates) s.insertDate.run(rowid, d);
      if (existing?.hash !== hash) {
        // Document counts follow new text only; a re-worded abstract adds its new words once.
        for (const w of new Set(tokenize(f.join(' ')))) {
          if (isVocabularyWord(w)) newWords.set(w, (newWords.get(w) ?? 0) + 1);
        }
      }
    }
    for (const [w, n] of newWords) s.addWord.run(w, n);
    s.setSeq.run(String(seq));
  });

  return {
    /** Indexes these papers (new or changed) and records `seq` as caught up to. */
    write(papers: StoredPaper[], seq: number): void {
      const newWords = new Map<string, number>();
      write(papers, seq, newWords);
      for (const [w, n] of newWords) vocab.add(w, n);
    },
  };
}
