import { stem, tokenize } from "./text.js";
const DEFAULT_RERANK = {
  candidates: 200,
  k1: 1.2,
  bTitle: 0.75,
  bAbstract: 0.75,
  titleWeight: 3,
  idf: "plus1",
  coverage: 0,
  passage: 0.5,
  passageWords: 15,
  proximity: 0.1,
  proximityWindow: 8,
  variantPrefix: 7,
  variantWeight: 0.3
};
function rerank(docs, terms, stats, o) {
  const n = Math.max(stats.docs, 1);
  const ratio = (df) => (n - df + 0.5) / (df + 0.5);
  const idf = terms.map((t) => o.idf === "bm25" ? Math.max(1e-6, Math.log(ratio(t.df))) : Math.log(1 + ratio(t.df)));
  const termOf = /* @__PURE__ */ new Map();
  terms.forEach((t, i) => {
    for (const s of t.stems) if (!termOf.has(s)) termOf.set(s, i);
  });
  const k = o.variantPrefix;
  const variantOf = /* @__PURE__ */ new Map();
  if (o.variantWeight > 0 && k > 0) {
    terms.forEach((t, i) => {
      for (const s of t.stems) if (s.length > k && /^[a-z]+$/.test(s) && !variantOf.has(s.slice(0, k))) variantOf.set(s.slice(0, k), i);
    });
  }
  const pairOf = /* @__PURE__ */ new Map();
  terms.forEach((t, i) => {
    for (const s of t.stems) {
      const two = s.split(" ");
      const key = two.map(stem).join(" ");
      if (two.length === 2 && !pairOf.has(key)) pairOf.set(key, i);
    }
  });
  const matches = (text) => {
    const words = tokenize(text);
    const term = new Int32Array(words.length).fill(-1);
    const weight = new Float64Array(words.length);
    words.forEach((w, j) => {
      const s = stem(w);
      if (pairOf.size && j + 1 < words.length) {
        const pair = pairOf.get(`${s} ${stem(words[j + 1])}`);
        if (pair !== void 0) {
          term[j] = pair;
          weight[j] = 1;
          return;
        }
      }
      const i = termOf.get(s);
      if (i !== void 0) {
        term[j] = i;
        weight[j] = 1;
      } else if (variantOf.size && s.length >= k) {
        const v = variantOf.get(s.slice(0, k));
        if (v !== void 0) {
          term[j] = v;
          weight[j] = o.variantWeight;
        }
      }
    });
    return { term, weight };
  };
  const saturated = (i, tf) => idf[i] * tf * (o.k1 + 1) / (o.k1 + tf);
  const scored = docs.map((d, order) => {
    const title = matches(d.title);
    const abstract = matches(d.abstract);
    const tfTitle = new Float64Array(terms.length);
    const tfAbstract = new Float64Array(terms.length);
    title.term.forEach((i, j) => {
      if (i >= 0) tfTitle[i] += title.weight[j];
    });
    abstract.term.forEach((i, j) => {
      if (i >= 0) tfAbstract[i] += abstract.weight[j];
    });
    const normTitle = 1 - o.bTitle + o.bTitle * (title.term.length / (stats.avgTitle || 1));
    const normAbstract = 1 - o.bAbstract + o.bAbstract * (abstract.term.length / (stats.avgAbstract || 1));
    let score = 0;
    let matched = 0;
    terms.forEach((_, i) => {
      const tf = o.titleWeight * tfTitle[i] / normTitle + tfAbstract[i] / normAbstract;
      if (tf > 0) {
        score += saturated(i, tf);
        matched++;
      }
    });
    if (o.coverage && terms.length) score *= 1 + o.coverage * matched / terms.length;
    if (o.passage) score += o.passage * bestPassage(abstract, terms.length, o.passageWords, saturated);
    if (o.proximity) score += o.proximity * proximity(title, abstract, idf, o.proximityWindow);
    return { rowid: d.rowid, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ rowid, score }) => ({ rowid, score }));
}
function bestPassage(m, nTerms, size, saturated) {
  const width = Math.max(1, Math.floor(size));
  const stride = Math.max(1, Math.floor(width / 2));
  const tf = new Float64Array(nTerms);
  let best = 0;
  for (let start = 0; start === 0 || start + width - stride < m.term.length; start += stride) {
    tf.fill(0);
    const end = Math.min(m.term.length, start + width);
    for (let j = start; j < end; j++) if (m.term[j] >= 0) tf[m.term[j]] += m.weight[j];
    let s = 0;
    for (let i = 0; i < nTerms; i++) if (tf[i] > 0) s += saturated(i, tf[i]);
    if (s > best) best = s;
  }
  return best;
}
function proximity(title, abstract, idf, window) {
  const nTerms = idf.length;
  const gap = Math.max(0, Math.floor(window));
  const len = title.term.length + gap + abstract.term.length;
  const term = new Int32Array(len).fill(-1);
  const weight = new Float64Array(len);
  term.set(title.term, 0);
  weight.set(title.weight, 0);
  term.set(abstract.term, title.term.length + gap);
  weight.set(abstract.weight, title.term.length + gap);
  const count = new Float64Array(nTerms * nTerms);
  for (let j = 0; j < len; j++) {
    const x = term[j];
    if (x < 0) continue;
    for (let back = j - 1; back > j - window && back >= 0; back--) {
      const y = term[back];
      if (y < 0 || y === x) continue;
      count[Math.min(x, y) * nTerms + Math.max(x, y)] += weight[j] * weight[back];
    }
  }
  let s = 0;
  for (let x = 0; x < nTerms; x++) {
    for (let y = x + 1; y < nTerms; y++) {
      const c = count[x * nTerms + y];
      if (c > 0) s += Math.min(idf[x], idf[y]) * c * 2 / (1 + c);
    }
  }
  return s;
}
function readVarint(buf, at) {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === void 0) throw new Error("truncated varint");
    v = v * 128 + (b & 127);
    if (!(b & 128)) return [v, at + i + 1];
  }
  const last = buf[at + 8];
  if (last === void 0) throw new Error("truncated varint");
  return [v * 256 + last, at + 9];
}
function readFieldStats(db) {
  try {
    const row = db.prepare("SELECT block FROM fts_data WHERE id = 1").get();
    if (!row?.block) return void 0;
    const buf = row.block;
    let at = 0;
    const values = [];
    for (let i = 0; i < 3 && at < buf.length; i++) {
      const [v, next] = readVarint(buf, at);
      values.push(v);
      at = next;
    }
    const [docs, title, abstract] = values;
    if (!docs || title === void 0 || abstract === void 0) return void 0;
    return { docs, avgTitle: title / docs, avgAbstract: abstract / docs };
  } catch {
    return void 0;
  }
}
export {
  DEFAULT_RERANK,
  readFieldStats,
  rerank
};
//# sourceMappingURL=rerank.js.map
