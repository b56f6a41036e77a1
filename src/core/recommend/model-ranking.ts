import { pinStems } from './terms.js';
import type { RecommenderModel } from './model.js';
import { authorKey, dayNumber } from './model-fold-in.js';
import { TopK } from './model-top-k.js';
import type { RecommendOutcome, RecommendRequest } from './model-types.js';

/**
 * Ranking one reader's candidates (RecommenderModel.recommend): the profile is built per request
 * from the reader's papers, so recommending costs one pass over the candidates, never a training run.
 */
export function rank(m: RecommenderModel, req: RecommendRequest): RecommendOutcome {
  const t = m.tuning;
  const k = m.dims;
  const unknown: string[] = [];
  const rowsOf = (ids: string[] = []) =>
    ids.flatMap((id) => {
      const r = m.rowOf.get(id);
      if (r === undefined) unknown.push(id);
      return r === undefined ? [] : [r];
    });
  const pos = rowsOf(req.positives);
  const neg = rowsOf(req.negatives);

  // The profile, in both spaces: mean of the liked papers minus a share of the disliked ones.
  const concept = new Float64Array(k);
  const words = new Float32Array(m.vocab.size);
  const addTo = (rows: number[], w: number) => {
    for (const r of rows) {
      for (let c = 0; c < k; c++) concept[c]! += (w / rows.length) * m.embed[r * k + c]!;
      const idx = m.vectors.rowKeys(r);
      const val = m.vectors.rowValues(r);
      for (let j = 0; j < idx.length; j++) words[idx[j]!]! += (w / rows.length) * val[j]!;
    }
  };
  addTo(pos, 1);
  addTo(neg, -t.negativeWeight);
  if (pos.length) for (let c = 0; c < k; c++) concept[c]! -= t.center * m.mean[c]!;

  const excluded = new Set<number>([...pos, ...neg]);
  for (const id of req.exclude ?? []) {
    const r = m.rowOf.get(id);
    if (r !== undefined) excluded.add(r);
  }
  const lo = req.since ? dayNumber(req.since) : -Infinity;
  const hi = req.until ? dayNumber(req.until) : Infinity;
  const inRange = (r: number) => {
    if (lo === -Infinity && hi === Infinity) return true;
    for (const d of m.dates.rowKeys(r)) if (d >= lo && d <= hi) return true;
    return false;
  };
  const pinMatchers = (req.pins ?? []).map((pin) => ({ pin, match: pinMatcher(m, pin) }));

  const want = (req.offset ?? 0) + req.limit;
  const candidates: number[] = [];
  if (req.only) {
    for (const id of new Set(req.only)) {
      const r = m.rowOf.get(id);
      if (r !== undefined && !excluded.has(r) && inRange(r)) candidates.push(r);
    }
  } else if (hi - lo <= 366) {
    const seen = new Set<number>();
    for (let d = lo; d <= hi; d++) for (const r of m.byDay.get(d) ?? []) if (!excluded.has(r) && !seen.has(r)) seen.add(r);
    candidates.push(...[...seen].sort((a, b) => a - b));
  } else for (let r = 0; r < m.size; r++) if (!excluded.has(r) && inRange(r)) candidates.push(r);
  const pinned = new Float32Array(m.size);
  if (pinMatchers.length) for (const r of candidates) for (const p of pinMatchers) if (p.match(r)) pinned[r]! += t.pinBoost;
  let top = scoreAll(m, candidates, concept, words, pinned, Math.max(want, t.feedbackDepth));
  if (t.feedback > 0 && pos.length && candidates.length > t.feedbackDepth) {
    // Pseudo-relevance feedback: the best candidates of the first pass widen the profile toward
    // the neighbourhood the reader's few papers sit in (eight bookmarks are a thin sample of a topic).
    const best = top.sorted().slice(0, t.feedbackDepth);
    const n = Math.hypot(...concept) || 1;
    for (const { row: r } of best) for (let c = 0; c < k; c++) concept[c]! += ((t.feedback * n) / best.length) * m.embed[r * k + c]!;
    top = scoreAll(m, candidates, concept, words, pinned, want);
  }
  const total = candidates.length;
  const items = top
    .sorted()
    .slice(req.offset ?? 0, want)
    .map(({ row: r, score }) => ({
      id: m.ids[r]!,
      score: Math.round(score * 1e4) / 1e4,
      because: because(m, r, words),
      pins: pinMatchers.filter((p) => p.match(r)).map((p) => p.pin),
    }));
  return { items, total, unknown };
}

function scoreAll(m: RecommenderModel, candidates: number[], concept: Float64Array, words: Float32Array, pinned: Float32Array, size: number): TopK {
  const t = m.tuning;
  const k = m.dims;
  const cw = t.conceptWeight / (Math.hypot(...concept) || 1);
  let ww = 0;
  if (t.conceptWeight < 1) {
    let wn = 0;
    for (let f = 0; f < words.length; f++) wn += words[f]! ** 2;
    ww = (1 - t.conceptWeight) / (Math.sqrt(wn) || 1);
  }
  const top = new TopK(size);
  for (const r of candidates) {
    let s = 0;
    const o = r * k;
    for (let c = 0; c < k; c++) s += concept[c]! * m.embed[o + c]!;
    let w = 0;
    if (ww !== 0) {
      const idx = m.vectors.rowKeys(r);
      const val = m.vectors.rowValues(r);
      for (let j = 0; j < idx.length; j++) w += val[j]! * words[idx[j]!]!;
    }
    top.offer(r, cw * s + ww * w + pinned[r]!);
  }
  return top;
}

/** A pin matches an author by full name, else a paper holding every feature the phrase makes. */
function pinMatcher(m: RecommenderModel, pin: string): (r: number) => boolean {
  const authors = new Set(m.byAuthor.get(authorKey(pin)) ?? []);
  const needed = m.vocab.featureIds(pinStems(pin));
  return (r) => {
    if (authors.has(r)) return true;
    if (!needed.length) return false;
    const idx = m.vectors.rowKeys(r);
    return needed.every((f) => binaryHas(idx, f));
  };
}

/** The paper's terms weighing most in its overlap with the profile; a phrase hides its own words. */
function because(m: RecommenderModel, r: number, profile: Float32Array): string[] {
  const idx = m.vectors.rowKeys(r);
  const val = m.vectors.rowValues(r);
  const shared: Array<[string, number]> = [];
  for (let j = 0; j < idx.length; j++) {
    const w = val[j]! * profile[idx[j]!]!;
    if (w > 0) shared.push([m.vocab.labels[idx[j]!]!, w]);
  }
  shared.sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  for (const [label] of shared) {
    if (out.length === 3) break;
    const parts = label.split(' ');
    if (out.some((o) => o.split(' ').some((w) => parts.includes(w)))) continue;
    out.push(label);
  }
  return out;
}

function binaryHas(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return true;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
