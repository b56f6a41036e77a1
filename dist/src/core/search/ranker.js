const DEFAULT_WEIGHTS = { title: 3, abstract: 1, authors: 1, keywords: 2 };
const MAX_RANKED = 5e3;
function createRanker(db, weights = DEFAULT_WEIGHTS, table = "fts", maxRanked = MAX_RANKED) {
  const cache = /* @__PURE__ */ new Map();
  const w = [weights.title, weights.abstract, weights.authors, weights.keywords].join(", ");
  function filterSql(f) {
    const parts = [];
    const params = {};
    if (f.since || f.until) {
      parts.push(`${table}.rowid IN (SELECT doc FROM doc_dates WHERE date >= @since AND date <= @until)`);
      params.since = f.since ?? "0000-00-00";
      params.until = f.until ?? "9999-99-99";
    }
    const docConds = [];
    if (f.hasCode) docConds.push("has_code = 1");
    if (f.minUpvotes !== void 0) {
      docConds.push("upvotes >= @minUpvotes");
      params.minUpvotes = f.minUpvotes;
    }
    if (f.source) {
      docConds.push("instr(sources, ',' || @source || ',') > 0");
      params.source = f.source;
    }
    if (docConds.length) parts.push(`${table}.rowid IN (SELECT rowid FROM docs WHERE ${docConds.join(" AND ")})`);
    if (f.excludeRowid !== void 0) {
      parts.push(`${table}.rowid <> @exclude`);
      params.exclude = f.excludeRowid;
    }
    return { sql: parts.map((p) => ` AND ${p}`).join(""), params };
  }
  function stmt(sql) {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  }
  return {
    /**
     * The best `limit` matches after skipping `offset`, best first (ties: newest index row first).
     * `matched` (the count, when known) above `maxRanked` limits ranking to the newest matches.
     */
    rank(match, f, limit, offset = 0, matched = 0, first) {
      const { sql, params } = filterSql(f);
      const p = { ...params, match, limit, offset };
      let cut = "";
      if (matched > maxRanked) {
        const row = stmt(
          `SELECT ${table}.rowid AS rowid FROM ${table} WHERE ${table} MATCH @match${sql} ORDER BY ${table}.rowid DESC LIMIT 1 OFFSET ${maxRanked - 1}`
        ).get(p);
        if (row) {
          p.minRowid = row.rowid;
          cut = first ? ` AND (${table}.rowid >= @minRowid OR a)` : ` AND ${table}.rowid >= @minRowid`;
        }
      }
      if (first) p.first = first;
      const firstCol = first ? `, ${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @first) AS a` : "";
      const rows = stmt(
        `SELECT ${table}.rowid AS rowid, bm25(${table}, ${w}) AS s${firstCol} FROM ${table} WHERE ${table} MATCH @match${sql}${cut}
         ORDER BY ${first ? "a DESC, " : ""}s, ${table}.rowid DESC LIMIT @limit OFFSET @offset`
      ).all(p);
      return rows.map((r) => ({ rowid: r.rowid, score: -r.s }));
    },
    /**
     * The papers matching `rows`, ranked by bm25 over `score` alone, for a small set whose common
     * words would cost more than they tell: FTS5 reads every ranked word's whole posting list for its
     * idf, and "model" or "language" (tens of thousands of postings) weigh next to nothing in bm25.
     * Every paper of `rows` must match `score` (its rare words, say) or it is left out. The `+` keeps
     * SQLite from handing each row of `rows` to FTS5 as a lookup of its own: each would set up bm25
     * again, reading the posting lists once per row.
     */
    rankAmong(score, rows, f, limit, offset = 0) {
      const { sql, params } = filterSql(f);
      const out = stmt(
        `SELECT ${table}.rowid AS rowid, bm25(${table}, ${w}) AS s FROM ${table} WHERE ${table} MATCH @score
           AND +${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @rows)${sql}
         ORDER BY s, ${table}.rowid DESC LIMIT @limit OFFSET @offset`
      ).all({ ...params, score, rows, limit, offset });
      return out.map((r) => ({ rowid: r.rowid, score: -r.s }));
    },
    /**
     * Newest first, unscored: for queries whose every word is in over half the papers, where bm25
     * has no signal to give (FTS5 clamps such a word's idf to ~0) and only costs a read of each
     * word's whole posting list.
     */
    newest(match, f, limit, offset = 0) {
      const { sql, params } = filterSql(f);
      const rows = stmt(
        `SELECT ${table}.rowid AS rowid FROM ${table} WHERE ${table} MATCH @match${sql} ORDER BY ${table}.rowid DESC LIMIT @limit OFFSET @offset`
      ).all({ ...params, match, limit, offset });
      return rows.map((r) => ({ rowid: r.rowid, score: 0 }));
    },
    count(match, f) {
      const { sql, params } = filterSql(f);
      const row = stmt(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH @match${sql}`).get({ ...params, match });
      return row.n;
    }
  };
}
export {
  DEFAULT_WEIGHTS,
  MAX_RANKED,
  createRanker
};
//# sourceMappingURL=ranker.js.map
