import { STOP_WORDS } from "./stop-words.js";
import { stem, tokenize } from "./text.js";
const MAX_TERMS = 16;
const TITLE_WEIGHT = 3;
function similarQuery(paper, dfOf, docs) {
  const tf = /* @__PURE__ */ new Map();
  const add = (text, weight) => {
    for (const w of tokenize(text)) {
      if (STOP_WORDS.has(w) || w.length < 3 || /^\d+$/.test(w)) continue;
      const s = stem(w);
      const e = tf.get(s);
      if (e) e.n += weight;
      else tf.set(s, { word: w, n: weight });
    }
  };
  add(paper.title, TITLE_WEIGHT);
  add(paper.abstract, 1);
  add(paper.keywords.join(" "), 2);
  if (!tf.size) return void 0;
  const scored = [];
  for (const [s, { word, n }] of tf) {
    const df = dfOf(word);
    if (df <= 1) continue;
    scored.push({ s, word, w: n * Math.log(1 + Math.max(docs, df) / df) });
  }
  scored.sort((a, b) => b.w - a.w);
  const top = scored.slice(0, MAX_TERMS);
  if (!top.length) return void 0;
  return {
    match: top.map((t) => `"${t.word}"`).join(" OR "),
    hitStems: new Set(top.map((t) => t.s))
  };
}
export {
  similarQuery
};
//# sourceMappingURL=similar-query.js.map
