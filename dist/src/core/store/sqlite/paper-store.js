import { normalizeTitle, parseArxivId } from "../../paper-id.js";
import { fieldsFromPaper, mergeFields, sameFields } from "../merge.js";
function rowToFields(r) {
  return {
    arxivId: r.arxiv_id ?? void 0,
    title: r.title,
    abstract: r.abstract,
    authors: JSON.parse(r.authors),
    links: JSON.parse(r.links),
    keywords: JSON.parse(r.keywords),
    categories: JSON.parse(r.categories),
    upvotes: r.upvotes ?? void 0,
    publishedAt: r.published_at ?? void 0,
    digestDates: JSON.parse(r.digest_dates),
    sources: JSON.parse(r.sources),
    flags: JSON.parse(r.flags)
  };
}
function rowToPaper(r) {
  return { id: r.id, ...rowToFields(r), seq: r.seq };
}
function fieldParams(f) {
  return {
    arxiv_id: f.arxivId ?? null,
    title: f.title,
    abstract: f.abstract,
    authors: JSON.stringify(f.authors),
    links: JSON.stringify(f.links),
    keywords: JSON.stringify(f.keywords),
    categories: JSON.stringify(f.categories),
    upvotes: f.upvotes ?? null,
    published_at: f.publishedAt ?? null,
    digest_dates: JSON.stringify(f.digestDates),
    sources: JSON.stringify(f.sources),
    flags: JSON.stringify(f.flags),
    title_key: normalizeTitle(f.title)
  };
}
const PAPER_REFERENCES = [
  ["digest_papers", "paper_id"],
  ["bookmarks", "paper_id"],
  ["messages", "paper_id"],
  ["posts", "paper_id"]
];
function createSqlitePaperStore(db) {
  const q = {
    get: db.prepare("SELECT * FROM papers WHERE id = ?"),
    byTitleKey: db.prepare("SELECT * FROM papers WHERE title_key = ? ORDER BY seq LIMIT 1"),
    maxSeq: db.prepare("SELECT MAX(seq) AS s FROM papers"),
    insert: db.prepare(
      `INSERT INTO papers (id, arxiv_id, title, abstract, authors, links, keywords, categories, upvotes, published_at,
         digest_dates, sources, flags, title_key, seq, created_at, updated_at)
       VALUES (@id, @arxiv_id, @title, @abstract, @authors, @links, @keywords, @categories, @upvotes, @published_at,
         @digest_dates, @sources, @flags, @title_key, @seq, @now, @now)`
    ),
    update: db.prepare(
      `UPDATE papers SET arxiv_id=@arxiv_id, title=@title, abstract=@abstract, authors=@authors, links=@links,
         keywords=@keywords, categories=@categories, upvotes=@upvotes, published_at=@published_at,
         digest_dates=@digest_dates, sources=@sources, flags=@flags, title_key=@title_key, seq=@seq, updated_at=@now
       WHERE id=@id`
    ),
    del: db.prepare("DELETE FROM papers WHERE id = ?"),
    digestGet: db.prepare("SELECT id FROM digests WHERE source = ? AND date = ?"),
    digestInsert: db.prepare(
      "INSERT INTO digests (source, date, origin, ingested_at) VALUES (?, ?, ?, ?)"
    ),
    entryMaxPos: db.prepare("SELECT MAX(position) AS p FROM digest_papers WHERE digest_id = ?"),
    entryInsert: db.prepare(
      "INSERT OR IGNORE INTO digest_papers (digest_id, paper_id, position) VALUES (?, ?, ?)"
    )
  };
  let seq = q.maxSeq.get()?.s ?? 0;
  function findExisting(id, title, arxivId) {
    const direct = q.get.get(id);
    if (direct) return direct;
    const byTitle = q.byTitleKey.get(normalizeTitle(title));
    if (byTitle && (!arxivId || byTitle.id.startsWith("title:"))) return byTitle;
    return void 0;
  }
  function rekey(fromId, toId, fields, now) {
    q.insert.run({ id: toId, ...fieldParams(fields), seq: ++seq, now });
    for (const [table, col] of PAPER_REFERENCES) {
      db.prepare(`UPDATE OR IGNORE ${table} SET ${col} = ? WHERE ${col} = ?`).run(toId, fromId);
      db.prepare(`DELETE FROM ${table} WHERE ${col} = ?`).run(fromId);
    }
    q.del.run(fromId);
  }
  const ingestTx = db.transaction((batch) => {
    seq = Math.max(seq, q.maxSeq.get()?.s ?? 0);
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const counts = { new: 0, merged: 0, unchanged: 0, changedIds: [] };
    let digestId;
    let position = 0;
    if (batch.digestDate) {
      const d = q.digestGet.get(batch.source, batch.digestDate);
      digestId = d ? d.id : Number(q.digestInsert.run(batch.source, batch.digestDate, batch.origin ?? null, now).lastInsertRowid);
      position = (q.entryMaxPos.get(digestId)?.p ?? -1) + 1;
    }
    const seenInBatch = /* @__PURE__ */ new Set();
    for (const p of batch.papers) {
      const paper = batch.digestDate && !p.digestDate ? { ...p, digestDate: batch.digestDate } : p;
      const existing = findExisting(paper.id, paper.title, paper.arxivId);
      let finalId = paper.id;
      if (!existing) {
        q.insert.run({ id: paper.id, ...fieldParams(fieldsFromPaper(paper)), seq: ++seq, now });
        counts.new++;
        counts.changedIds.push(paper.id);
      } else {
        const have = rowToFields(existing);
        const merged = mergeFields(have, paper);
        if (existing.id !== paper.id && existing.id.startsWith("title:") && paper.arxivId) {
          rekey(existing.id, paper.id, merged, now);
          counts.merged++;
          counts.changedIds.push(paper.id);
        } else {
          finalId = existing.id;
          if (sameFields(have, merged)) {
            if (!seenInBatch.has(finalId)) counts.unchanged++;
          } else {
            q.update.run({ id: existing.id, ...fieldParams(merged), seq: ++seq, now });
            if (!seenInBatch.has(finalId)) counts.merged++;
            counts.changedIds.push(existing.id);
          }
        }
      }
      seenInBatch.add(finalId);
      if (digestId !== void 0) {
        if (q.entryInsert.run(digestId, finalId, position).changes) position++;
      }
    }
    counts.changedIds = [...new Set(counts.changedIds)];
    return counts;
  });
  const resolveId = (id) => parseArxivId(id) ?? id.trim();
  return {
    async ingest(batch) {
      const before = seq;
      try {
        return ingestTx.immediate(batch);
      } catch (err) {
        seq = before;
        throw err;
      }
    },
    async getPaper(id) {
      const r = q.get.get(resolveId(id));
      return r ? rowToPaper(r) : void 0;
    },
    async getPapers(ids) {
      const out = [];
      for (const id of ids) {
        const r = q.get.get(resolveId(id));
        if (r) out.push(rowToPaper(r));
      }
      return out;
    },
    async papersSince(after, limit) {
      return db.prepare("SELECT * FROM papers WHERE seq > ? ORDER BY seq LIMIT ?").all(after, limit).map(rowToPaper);
    },
    async maxSeq() {
      return q.maxSeq.get()?.s ?? 0;
    },
    async stats() {
      const papers = db.prepare("SELECT COUNT(*) AS n FROM papers").get().n;
      const digests = db.prepare("SELECT COUNT(*) AS n FROM digests").get().n;
      return { papers, digests };
    },
    async listDigests(opts = {}) {
      const rows = db.prepare(
        `SELECT d.id, d.source, d.date, d.ingested_at AS ingestedAt,
             (SELECT COUNT(*) FROM digest_papers e WHERE e.digest_id = d.id) AS paperCount
           FROM digests d ${opts.source ? "WHERE d.source = @source" : ""}
           ORDER BY d.date DESC, d.id DESC LIMIT @limit`
      ).all({ source: opts.source, limit: opts.limit ?? 50 });
      return rows;
    },
    async digestEntriesSince(afterEntryId, opts = {}) {
      return db.prepare(
        `SELECT e.entry_id AS entryId, e.digest_id AS digestId, d.source, d.date, e.position, e.paper_id AS paperId
           FROM digest_papers e JOIN digests d ON d.id = e.digest_id
           WHERE e.entry_id > ? ORDER BY e.entry_id LIMIT ?`
      ).all(afterEntryId, opts.limit ?? 1e6);
    },
    async digestEntries(digestId) {
      return db.prepare(
        `SELECT e.entry_id AS entryId, e.digest_id AS digestId, d.source, d.date, e.position, e.paper_id AS paperId
           FROM digest_papers e JOIN digests d ON d.id = e.digest_id
           WHERE e.digest_id = ? ORDER BY e.position`
      ).all(digestId);
    },
    async findByTitle(words, limit) {
      const parts = normalizeTitle(words).split(" ").filter(Boolean);
      if (!parts.length) return [];
      const where = parts.map((_, i) => `(' ' || title_key || ' ') LIKE @w${i}`).join(" AND ");
      const params = { limit };
      parts.forEach((w, i) => params[`w${i}`] = `%${w.replace(/[%_]/g, "")}%`);
      return db.prepare(`SELECT * FROM papers WHERE ${where} ORDER BY length(title) LIMIT @limit`).all(params).map(rowToPaper);
    },
    async topPapers({ sinceDate, limit, offset = 0 }) {
      const rows = db.prepare(
        `SELECT * FROM papers p WHERE upvotes IS NOT NULL
             ${sinceDate ? `AND EXISTS (SELECT 1 FROM json_each(p.digest_dates) j WHERE j.value >= @since)` : ""}
           ORDER BY upvotes DESC, seq DESC LIMIT @limit OFFSET @offset`
      ).all({ since: sinceDate, limit, offset });
      return rows.map(rowToPaper);
    },
    async close() {
      if (db.open) db.close();
    }
  };
}
export {
  createSqlitePaperStore
};
//# sourceMappingURL=paper-store.js.map
