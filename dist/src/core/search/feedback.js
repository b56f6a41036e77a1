import { STOP_WORDS } from "./stop-words.js";
import { stem, tokenize } from "./text.js";
const DEFAULT_FEEDBACK = { docs: 8, terms: 8, originalWeight: 2 };
function feedbackWords(papers, queryStems, dfOf, docCount, n) {
  const weight = /* @__PURE__ */ new Map();
  papers.forEach((p, rank) => {
    const words = tokenize(`${p.title} ${p.title} ${p.abstract}`);
    if (!words.length) return;
    const docWeight = 1 / (1 + rank * 0.2);
    for (const word of words) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d/.test(word)) continue;
      const s = stem(word);
      if (queryStems.has(s)) continue;
      const e = weight.get(s);
      if (e) e.w += docWeight / words.length;
      else weight.set(s, { word, w: docWeight / words.length });
    }
  });
  const candidates = [...weight.entries()].sort((a, b) => b[1].w - a[1].w).slice(0, n * 6);
  return candidates.map(([s, { word, w }]) => {
    const df = dfOf(s);
    const idf = df <= 1 || df > docCount * 0.3 ? 0 : Math.log(docCount / df);
    return { word, score: w * idf };
  }).filter((x) => x.score > 0).sort((a, b) => b.score - a.score).slice(0, n).map((x) => x.word);
}
export {
  DEFAULT_FEEDBACK,
  feedbackWords
};
//# sourceMappingURL=feedback.js.map
