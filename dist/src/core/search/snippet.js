import { stem, tokenSpans } from "./text.js";
const WINDOW_WORDS = 36;
const LEAD_WORDS = 6;
function makeSnippet(text, hitStems) {
  if (!text) return [];
  const spans = tokenSpans(text);
  if (!spans.length) return [{ text: text.slice(0, 240) }];
  const stems = spans.map((s) => stem(s.word));
  const isHit = stems.map((s) => hitStems.has(s));
  let best = 0;
  let bestKey = -1;
  const counts = /* @__PURE__ */ new Map();
  let hits = 0;
  for (let i = 0; i < spans.length; i++) {
    if (isHit[i]) {
      counts.set(stems[i], (counts.get(stems[i]) ?? 0) + 1);
      hits++;
    }
    const out = i - WINDOW_WORDS;
    if (out >= 0 && isHit[out]) {
      const n = counts.get(stems[out]) - 1;
      if (n) counts.set(stems[out], n);
      else counts.delete(stems[out]);
      hits--;
    }
    const key = counts.size * 1e3 + hits;
    if (key > bestKey) {
      bestKey = key;
      best = Math.max(0, i - WINDOW_WORDS + 1);
    }
  }
  const firstHit = isHit.findIndex((h, i) => h && i >= best);
  let start = firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - LEAD_WORDS)) : 0;
  if (firstHit >= 0 && firstHit - start > LEAD_WORDS) start = firstHit - LEAD_WORDS;
  const end = Math.min(spans.length, start + WINDOW_WORDS);
  const parts = [];
  const push = (t, hit) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && !last.hit && !hit) last.text += t;
    else parts.push(hit ? { text: t, hit: true } : { text: t });
  };
  push(start > 0 ? "\u2026" : "", false);
  let at = start > 0 ? spans[start].start : 0;
  for (let i = start; i < end; i++) {
    const s = spans[i];
    if (!isHit[i]) continue;
    push(text.slice(at, s.start), false);
    push(text.slice(s.start, s.end), true);
    at = s.end;
  }
  const stop = end < spans.length ? spans[end - 1].end : text.length;
  push(text.slice(at, stop), false);
  if (end < spans.length) push("\u2026", false);
  return parts;
}
export {
  makeSnippet
};
//# sourceMappingURL=snippet.js.map
