import { join } from "node:path";
import { createIndexWriter } from "./index-writer.js";
import { parseQuery } from "./parse-query.js";
import { COMMON_SHARE, evaluateLevels, LONG_QUERY_WORDS, matchLevels } from "./evaluate.js";
import { feedbackWords } from "./feedback.js";
import { groupMatch, phraseMatch, planQuery } from "./query-plan.js";
import { createRanker, DEFAULT_WEIGHTS } from "./ranker.js";
import { readFieldStats, rerank, DEFAULT_RERANK } from "./rerank.js";
import { isVocabularyWord, stem, tokenize } from "./text.js";
import { createSearchDb, isCorruption, openSearchDb, readSeq, readVocabulary } from "./search-db.js";
import { similarQuery } from "./similar-query.js";
import { makeSnippet } from "./snippet.js";
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 25;
const MIN_ALL_WORDS_HITS = 20;
const SYNC_BATCH = 2e3;
const DEFAULT_PROXIMITY = 0;
const RECENT_DOCS = 2e4;
const CHAT_RANKED = 2500;
const BROAD_POSTINGS = 4e4;
const NOTHING = "Nothing matched. Try fewer or other words, or a broader filter.";
async function createPaperSearch(opts) {
  const { store } = opts;
  const log = opts.logger.child({ component: "search" });
  const file = join(opts.dataDir, opts.fileName ?? "search.db");
  const minAll = opts.minAllWordsHits ?? MIN_ALL_WORDS_HITS;
  let db;
  let vocab;
  let writer;
  let ranker;
  let chatRanker;
  let recentRanker;
  let seq = 0;
  const recentDocs = Math.max(0, opts.recentDocs ?? RECENT_DOCS);
  const broadPostings = opts.broadPostings ?? BROAD_POSTINGS;
  const rarePostings = Math.floor(broadPostings / 8);
  function attach(d) {
    db = d;
    vocab = readVocabulary(db);
    writer = createIndexWriter(db, vocab, recentDocs);
    const weights = opts.weights ?? DEFAULT_WEIGHTS;
    const chatRanked = opts.chatRanked ?? CHAT_RANKED;
    ranker = createRanker(db, weights);
    chatRanker = createRanker(db, weights, "fts", chatRanked);
    recentRanker = createRanker(db, weights, "fts_recent", chatRanked);
    seq = readSeq(db);
  }
  function startFresh(reason) {
    log.info({ file, reason }, "building the search index from the store");
    try {
      if (db?.open) db.close();
    } catch {
    }
    attach(createSearchDb(file));
  }
  async function catchUp() {
    if (readSeq(db) > seq) attach(db);
    const storeSeq = await store.maxSeq();
    if (storeSeq < seq) startFresh(`store seq ${storeSeq} is behind the index's ${seq}`);
    const started = Date.now();
    let added = 0;
    if (seq === 0) writer.expect((await store.stats()).papers);
    for (; ; ) {
      const papers = await store.papersSince(seq, SYNC_BATCH);
      if (!papers.length) break;
      const top = papers[papers.length - 1].seq;
      writer.write(papers, top);
      seq = top;
      added += papers.length;
    }
    if (added) log.debug({ added, ms: Date.now() - started, seq }, "search index caught up");
  }
  let syncing;
  function sync() {
    syncing ??= (async () => {
      try {
        await catchUp();
      } catch (err) {
        if (!isCorruption(err)) throw err;
        startFresh(`damaged: ${err.message}`);
        await catchUp();
      } finally {
        syncing = void 0;
      }
    })();
    return syncing;
  }
  async function fresh() {
    if (syncing) await syncing;
    if (await store.maxSeq() !== seq) await sync();
  }
  async function guarded(read) {
    try {
      return read();
    } catch (err) {
      if (!isCorruption(err)) throw err;
      startFresh(`damaged: ${err.message}`);
      await catchUp();
      return read();
    }
  }
  async function toPapers(ranked) {
    return (await toHits(ranked, /* @__PURE__ */ new Set(), false)).map((h) => h.paper);
  }
  async function toHits(ranked, hitStems, snippets = true) {
    if (!ranked.length) return [];
    const ids = db.prepare(`SELECT rowid, id FROM docs WHERE rowid IN (${ranked.map(() => "?").join(",")})`).all(...ranked.map((r) => r.rowid));
    const idOf = new Map(ids.map((r) => [r.rowid, r.id]));
    const papers = await store.getPapers(ranked.map((r) => idOf.get(r.rowid)).filter((x) => !!x));
    const byId = new Map(papers.map((p) => [p.id, p]));
    const hits = [];
    for (const r of ranked) {
      const paper = byId.get(idOf.get(r.rowid) ?? "");
      if (!paper) continue;
      hits.push({ paper, score: Math.round(r.score * 1e3) / 1e3, snippet: snippets ? makeSnippet(paper.abstract || paper.title, hitStems) : [] });
    }
    return hits;
  }
  let counted = { seq: -1, n: 0 };
  function docCount() {
    if (counted.seq !== seq) counted = { seq, n: db.prepare("SELECT count(*) AS n FROM docs").get().n };
    return counted.n;
  }
  const dfOfStem = (s) => db.prepare("SELECT doc FROM fts_vocab WHERE term = ?").get(s)?.doc ?? 0;
  const dfOfGroup = (group) => group.reduce((n, w) => n + vocab.df(w), 0);
  let fieldStats = { seq: -1 };
  async function rescored(groups, match, f, o, limit, offset) {
    const { candidates, total } = await guarded(() => {
      const n = ranker.count(match, f);
      return { candidates: ranker.rank(match, f, Math.max(o.candidates, offset + limit), 0, n), total: n };
    });
    if (!candidates.length) return { ranked: [], total };
    const ids = db.prepare(`SELECT rowid, id FROM docs WHERE rowid IN (${candidates.map(() => "?").join(",")})`).all(...candidates.map((r) => r.rowid));
    const papers = new Map((await store.getPapers(ids.map((r) => r.id))).map((p) => [p.id, p]));
    const docs = ids.flatMap((r) => {
      const p = papers.get(r.id);
      return p ? [{ rowid: r.rowid, title: p.title, abstract: p.abstract }] : [];
    });
    const order = new Map(candidates.map((c, i) => [c.rowid, i]));
    docs.sort((a, b) => order.get(a.rowid) - order.get(b.rowid));
    if (fieldStats.seq !== seq) fieldStats = { seq, stats: readFieldStats(db) };
    const stats = fieldStats.stats ?? {
      docs: docCount(),
      avgTitle: docs.reduce((n, d) => n + tokenize(d.title).length, 0) / docs.length,
      avgAbstract: docs.reduce((n, d) => n + tokenize(d.abstract).length, 0) / docs.length
    };
    const terms = groups.map((g) => {
      const stems = new Set(g.map(stem));
      return { stems, df: Math.max(0, ...[...stems].map(dfOfStem)) };
    });
    return { ranked: rerank(docs, terms, stats, o).slice(offset, offset + limit), total };
  }
  function groupPostings(plan) {
    const cap = Math.max(broadPostings, COMMON_SHARE * docCount());
    return plan.groups.map((g) => g.reduce((n, w) => n + vocab.postings(w, cap), 0));
  }
  function broadTopic(plan, postings, levels, f, limit, offset) {
    const [all, loosest] = levels;
    const inShard = recentRanker.count(all, f);
    if (inShard >= minAll) return { ranked: recentRanker.rank(all, f, limit, offset, inShard), total: inShard };
    if (!loosest) return void 0;
    const allTotal = chatRanker.count(all, f);
    if (allTotal >= minAll) return { allTotal };
    const phrases = plan.phrases.map(phraseMatch);
    const under = (cap) => plan.groups.filter((g, i) => g.every(isVocabularyWord) && postings[i] <= cap);
    const rareGroups = under(rarePostings);
    const rare = rareGroups.length ? [...phrases, `(${rareGroups.map(groupMatch).join(" OR ")})`].join(" AND ") : void 0;
    const informative = under(COMMON_SHARE * docCount());
    const score = informative.length && informative.length < plan.groups.length ? `(${informative.map(groupMatch).join(" OR ")})` : void 0;
    const tiers = [{ ranker: chatRanker, match: all, score }];
    if (rare) tiers.push({ ranker: chatRanker, match: `(${rare}) NOT (${all})` });
    tiers.push({ ranker: recentRanker, match: rare ? `((${loosest}) NOT (${all})) NOT (${rare})` : `(${loosest}) NOT (${all})` });
    const ranked = [];
    let total = 0;
    for (const t of tiers) {
      const n = t === tiers[0] ? allTotal : t.ranker.count(t.match, f);
      const skip = Math.max(0, offset - total);
      const want = limit - ranked.length;
      if (n > skip && want > 0) {
        ranked.push(...t.score ? t.ranker.rankAmong(t.score, t.match, f, want, skip) : t.ranker.rank(t.match, f, want, skip, n));
      }
      total += n;
    }
    return { ranked, total };
  }
  function paging(limit, page) {
    const l = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : DEFAULT_LIMIT)));
    const p = Math.max(1, Math.floor(Number.isFinite(page) ? page : 1));
    return { limit: l, page: p, offset: (p - 1) * l };
  }
  async function search(q) {
    const { limit, page, offset } = paging(q.limit, q.page);
    const empty = (notice) => ({ hits: [], total: 0, page, limit, notice });
    const parsed = parseQuery(typeof q.text === "string" ? q.text : "");
    if (parsed.notice) return empty(parsed.notice);
    await fresh();
    const longWords = opts.longQueryWords ?? LONG_QUERY_WORDS;
    const long = parsed.typedWords > longWords;
    if (long) {
      const kept = parsed.words.filter((w) => !/^\d+$/.test(w) && !opts.longQueryStopWords?.has(w));
      if (kept.length) parsed.words = kept;
    }
    const plan = planQuery(parsed, vocab, (opts.expansion ?? true) && !(long && opts.longQueryTypos === false), long && (opts.splitPrefixed ?? true));
    if (plan.unknownWords.length === plan.groups.length && !plan.phrases.length) return empty(NOTHING);
    const filters = { since: q.since, until: q.until, hasCode: q.hasCode, minUpvotes: q.minUpvotes, source: q.source };
    const levels = matchLevels(plan, docCount(), dfOfGroup, minAll > 0, opts.proximity ?? DEFAULT_PROXIMITY, long);
    const n = docCount();
    const unweighted = !plan.phrases.length && plan.groups.every((g) => g.every((w) => vocab.df(w) > n / 2));
    const fb = opts.feedback === void 0 ? false : opts.feedback;
    const rr = opts.rerank === void 0 ? DEFAULT_RERANK : opts.rerank;
    if (rr && long && !fb && !unweighted) {
      const r = await rescored(plan.groups, levels[levels.length - 1], filters, rr, limit, offset);
      const hits2 = await toHits(r.ranked, plan.hitStems);
      if (!hits2.length) return { hits: hits2, total: r.total, page, limit, notice: r.total ? `No results on page ${page}; there are ${r.total} in all.` : NOTHING };
      return { hits: hits2, total: r.total, page, limit };
    }
    let knownAllTotal;
    const postings = !long && !unweighted && docCount() > recentDocs ? groupPostings(plan) : void 0;
    if (postings && postings.reduce((a, b) => a + b, 0) > broadPostings) {
      const broad = await guarded(() => broadTopic(plan, postings, levels, filters, limit, offset));
      if (broad && "allTotal" in broad) knownAllTotal = broad.allTotal;
      else if (broad) {
        const hits2 = await toHits(broad.ranked, plan.hitStems);
        const base = { hits: hits2, total: broad.total, page, limit, newestOnly: recentDocs };
        return hits2.length ? base : { ...base, notice: `No results on page ${page}; there are ${broad.total} in all.` };
      }
    }
    let { ranked, total } = await guarded(
      () => evaluateLevels(long ? ranker : chatRanker, levels, filters, limit, offset, minAll, unweighted, knownAllTotal)
    );
    if (fb && long && total > 0) {
      const firstPass = await toPapers(ranker.rank(levels[levels.length - 1], filters, fb.docs, 0, total));
      const extra = feedbackWords(firstPass, plan.hitStems, dfOfStem, docCount(), fb.terms);
      if (extra.length) {
        const own = plan.groups.map(groupMatch);
        const match = [...Array.from({ length: fb.originalWeight }, () => own).flat(), ...extra.map((w) => groupMatch([w]))].join(" OR ");
        const phrases = plan.phrases.map(phraseMatch);
        const full = phrases.length ? `${phrases.join(" AND ")} AND (${match})` : match;
        ({ ranked, total } = await guarded(() => evaluateLevels(ranker, [full], filters, limit, offset, minAll)));
      }
    }
    const hits = await toHits(ranked, plan.hitStems);
    if (!hits.length) return { hits, total, page, limit, notice: total ? `No results on page ${page}; there are ${total} in all.` : NOTHING };
    return { hits, total, page, limit };
  }
  async function similar(paperId, o = {}) {
    const { limit, page, offset } = paging(o.limit, o.page);
    const paper = await store.getPaper(String(paperId ?? ""));
    if (!paper) return { hits: [], total: 0, page, limit, notice: `No paper with id "${String(paperId).slice(0, 80)}".` };
    await fresh();
    const row = db.prepare("SELECT rowid FROM docs WHERE id = ?").get(paper.id);
    const sq = similarQuery(paper, (w) => vocab.df(w), docCount());
    if (!sq) return { hits: [], total: 0, page, limit, notice: "That paper has too little text to find similar ones." };
    const f = { excludeRowid: row?.rowid };
    const { ranked, total } = await guarded(() => {
      const n = ranker.count(sq.match, f);
      return { ranked: ranker.rank(sq.match, f, limit, offset, n), total: n };
    });
    const hits = await toHits(ranked, sq.hitStems);
    return hits.length ? { hits, total, page, limit } : { hits, total, page, limit, notice: "No similar papers found." };
  }
  const opened = openSearchDb(file);
  if ("db" in opened) {
    attach(opened.db);
    log.debug({ file, seq }, "search index loaded");
  } else {
    startFresh(opened.problem);
  }
  await sync();
  return {
    search,
    similar,
    sync,
    async close() {
      if (syncing) await syncing.catch(() => void 0);
      if (db.open) db.close();
    }
  };
}
export {
  createPaperSearch
};
//# sourceMappingURL=create-paper-search.js.map
