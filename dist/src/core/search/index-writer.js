import { createHash } from "node:crypto";
import { normalizeTitle } from "../paper-id.js";
import { isVocabularyWord, spellOutGreek, tokenize } from "./text.js";
function fields(p) {
  return [spellOutGreek(p.title), spellOutGreek(p.abstract), p.authors.join(", "), p.keywords.join(", ")];
}
function textHash(f) {
  return createHash("sha1").update(f.join("\0")).digest("base64");
}
function createIndexWriter(db, vocab, recentDocs) {
  const s = {
    find: db.prepare(
      "SELECT rowid, text_hash AS hash FROM docs WHERE id = ?"
    ),
    staleTitleDocs: db.prepare(
      "SELECT rowid FROM docs WHERE title_key = ? AND id LIKE 'title:%' AND id <> ?"
    ),
    insertDoc: db.prepare(
      "INSERT INTO docs (id, title_key, upvotes, has_code, sources, text_hash) VALUES (@id, @title_key, @upvotes, @has_code, @sources, @text_hash)"
    ),
    deleteDoc: db.prepare("DELETE FROM docs WHERE rowid = ?"),
    deleteDates: db.prepare("DELETE FROM doc_dates WHERE doc = ?"),
    insertDate: db.prepare("INSERT OR IGNORE INTO doc_dates (doc, date) VALUES (?, ?)"),
    insertFts: db.prepare(
      "INSERT INTO fts (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)"
    ),
    deleteFts: db.prepare("DELETE FROM fts WHERE rowid = ?"),
    insertRecent: db.prepare(
      "INSERT INTO fts_recent (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)"
    ),
    deleteRecent: db.prepare("DELETE FROM fts_recent WHERE rowid = ?"),
    recentRowids: db.prepare("SELECT rowid FROM docs WHERE rowid > ? AND rowid <= ?"),
    maxRowid: db.prepare("SELECT max(rowid) AS n FROM docs"),
    getFloor: db.prepare("SELECT value FROM meta WHERE key = 'recent_floor'"),
    setFloor: db.prepare("INSERT INTO meta (key, value) VALUES ('recent_floor', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
    addWord: db.prepare(
      "INSERT INTO words (word, df) VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET df = df + excluded.df"
    ),
    setSeq: db.prepare("UPDATE meta SET value = ? WHERE key = 'seq'")
  };
  let floor = Number(s.getFloor.get()?.value ?? 0);
  let expectedRows = 0;
  function removeDoc(rowid) {
    s.deleteFts.run(rowid);
    if (rowid > floor) s.deleteRecent.run(rowid);
    s.deleteDates.run(rowid);
    s.deleteDoc.run(rowid);
  }
  const write = db.transaction((papers, seq, newWords) => {
    floor = Number(s.getFloor.get()?.value ?? floor);
    const floorAtStart = floor;
    for (const p of papers) {
      const titleKey = normalizeTitle(p.title);
      if (!p.id.startsWith("title:")) {
        for (const { rowid: rowid2 } of s.staleTitleDocs.all(titleKey, p.id)) removeDoc(rowid2);
      }
      const f = fields(p);
      const hash = textHash(f);
      const row = {
        id: p.id,
        title_key: titleKey,
        upvotes: p.upvotes ?? null,
        has_code: p.links.length > 0 ? 1 : 0,
        sources: `,${p.sources.join(",")},`,
        text_hash: hash
      };
      const existing = s.find.get(p.id);
      if (existing) removeDoc(existing.rowid);
      const rowid = Number(s.insertDoc.run(row).lastInsertRowid);
      if (rowid <= expectedRows - recentDocs && rowid > floor) floor = rowid;
      s.insertFts.run(rowid, ...f);
      if (rowid > floor) s.insertRecent.run(rowid, ...f);
      for (const d of p.digestDates) s.insertDate.run(rowid, d);
      if (existing?.hash !== hash) {
        for (const w of new Set(tokenize(f.join(" ")))) {
          if (isVocabularyWord(w)) newWords.set(w, (newWords.get(w) ?? 0) + 1);
        }
      }
    }
    for (const [w, n] of newWords) s.addWord.run(w, n);
    const top = s.maxRowid.get()?.n ?? 0;
    const target = Math.max(floor, top - recentDocs);
    if (target > floor) {
      for (const { rowid } of s.recentRowids.all(floor, target)) s.deleteRecent.run(rowid);
      floor = target;
    }
    if (floor !== floorAtStart) s.setFloor.run(String(floor));
    s.setSeq.run(String(seq));
  });
  return {
    /** A build from empty is about to index this many papers (see expectedRows). */
    expect(rows) {
      expectedRows = rows;
    },
    /** Index rows at or below this are only in the whole index, not in fts_recent. */
    get recentFloor() {
      return floor;
    },
    /** Indexes these papers (new or changed) and records `seq` as caught up to. */
    write(papers, seq) {
      const newWords = /* @__PURE__ */ new Map();
      const floorBefore = floor;
      try {
        write.immediate(papers, seq, newWords);
      } catch (err) {
        floor = floorBefore;
        throw err;
      }
      for (const [w, n] of newWords) vocab.add(w, n);
    }
  };
}
export {
  createIndexWriter
};
//# sourceMappingURL=index-writer.js.map
