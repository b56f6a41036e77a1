import { mentions, textWords } from "./topics.js";
const newSelectionCache = () => ({ entries: /* @__PURE__ */ new Map(), papers: /* @__PURE__ */ new Map(), words: /* @__PURE__ */ new Map(), topicScores: /* @__PURE__ */ new Map(), ranked: /* @__PURE__ */ new Map(), posted: /* @__PURE__ */ new Map() });
function memo(map, key, make) {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}
async function candidateEntries(d, s, cursor) {
  if (cursor !== null) {
    const entries = await memo(d.cache.entries, `since:${cursor}`, () => d.papers.digestEntriesSince(cursor));
    return { entries, cursor: entries.length ? entries[entries.length - 1].entryId : cursor };
  }
  const latest = await memo(d.cache.entries, `first:${(s.sources ?? []).join(",")}`, async () => {
    const lists = s.sources ? await Promise.all(s.sources.map((source) => d.papers.listDigests({ source, limit: 1 }))) : [await d.papers.listDigests({ limit: 1 })];
    const best = lists.flat().sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)[0];
    return best ? d.papers.digestEntries(best.id) : [];
  });
  if (!latest.length) {
    const any = await d.papers.listDigests({ limit: 1 });
    if (!any.length) return { entries: [], cursor: null };
  }
  const top = Math.max(0, ...latest.map((e) => e.entryId));
  const later = await memo(d.cache.entries, `since:${top}`, () => d.papers.digestEntriesSince(top));
  return { entries: latest, cursor: later.length ? later[later.length - 1].entryId : top };
}
async function loadPapers(d, ids) {
  const missing = ids.filter((id) => !d.cache.papers.has(id));
  if (missing.length) {
    const batch = d.papers.getPapers(missing).then((ps) => new Map(ps.map((p) => [p.id, p])));
    for (const id of missing) d.cache.papers.set(id, batch.then((m) => m.get(id)));
  }
  const out = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const p = await d.cache.papers.get(id);
    if (p) out.set(id, p);
  }
  return out;
}
function topicScores(d, term, since) {
  return memo(d.cache.topicScores, `${term}\0${since ?? ""}`, async () => {
    const out = /* @__PURE__ */ new Map();
    if (!d.search) return out;
    try {
      const r = await d.search.search({ text: term, since, limit: 25, page: 1 });
      for (const h of r.hits) if (!out.has(h.paper.id)) out.set(h.paper.id, h.score);
    } catch (err) {
      d.logger.warn({ err, topic: term }, "topic search failed; falling back to word matching");
    }
    const max = Math.max(0, ...out.values());
    if (max > 0) for (const [k, v] of out) out.set(k, v / max);
    return out;
  });
}
function wordsOf(d, p) {
  let w = d.cache.words.get(p.id);
  if (!w) {
    w = textWords(`${p.title}
${p.abstract}
${p.keywords.join(" ")}`);
    d.cache.words.set(p.id, w);
  }
  return w;
}
async function rankCandidates(d, s, cursor) {
  const { entries, cursor: next } = await candidateEntries(d, s, cursor);
  const order = [...entries].sort((a, b) => b.date.localeCompare(a.date) || b.digestId - a.digestId || a.position - b.position);
  const firstEntry = /* @__PURE__ */ new Map();
  for (const e of order) if ((!s.sources || s.sources.includes(e.source)) && !firstEntry.has(e.paperId)) firstEntry.set(e.paperId, e);
  const ids = [...firstEntry.keys()];
  const byId = await loadPapers(d, ids);
  let pool = ids.map((id) => byId.get(id)).filter((p) => p !== void 0);
  if (s.minUpvotes !== void 0) pool = pool.filter((p) => p.upvotes !== void 0 && p.upvotes >= s.minUpvotes);
  if (s.topics.exclude.length) pool = pool.filter((p) => !s.topics.exclude.some((t) => mentions(wordsOf(d, p), t)));
  const relevance = /* @__PURE__ */ new Map();
  if (s.topics.include.length && pool.length) {
    const since = pool.map((p) => firstEntry.get(p.id).date).sort()[0];
    const scores = await Promise.all(s.topics.include.map((t) => topicScores(d, t, since)));
    for (const p of pool) {
      let r = 0;
      s.topics.include.forEach((t, i) => {
        r += scores[i].get(p.id) ?? (mentions(wordsOf(d, p), t) ? 0.05 : 0);
      });
      relevance.set(p.id, r);
    }
    pool = pool.filter((p) => relevance.get(p.id) > 0);
  }
  const rank = new Map(ids.map((id, i) => [id, i]));
  pool.sort((a, b) => {
    const ua = a.upvotes ?? -1;
    const ub = b.upvotes ?? -1;
    if (ua !== ub) return ub - ua;
    const ra = relevance.get(a.id) ?? 0;
    const rb = relevance.get(b.id) ?? 0;
    if (ra !== rb) return rb - ra;
    return rank.get(a.id) - rank.get(b.id);
  });
  return { ids, ranked: pool, firstEntry, cursor: next };
}
async function selectDigest(d, s, cursor, alreadyPosted) {
  const key = JSON.stringify([cursor, s.sources ?? null, s.topics, s.minUpvotes ?? null]);
  const r = await memo(d.cache.ranked, key, () => rankCandidates(d, s, cursor));
  const posted = r.ids.length ? await alreadyPosted(r.ids, key) : /* @__PURE__ */ new Set();
  const chosen = r.ranked.filter((p) => !posted.has(p.id)).slice(0, s.top);
  const chosenEntries = chosen.map((p) => r.firstEntry.get(p.id));
  return {
    papers: chosen,
    entryCursor: r.cursor,
    digestDate: chosenEntries.map((e) => e.date).sort().pop(),
    sources: [...new Set(chosenEntries.map((e) => e.source))],
    considered: r.ids.filter((id) => !posted.has(id)).length
  };
}
export {
  memo,
  newSelectionCache,
  selectDigest
};
//# sourceMappingURL=select.js.map
