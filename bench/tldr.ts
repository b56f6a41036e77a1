/**
 * How good is the extractive TL;DR? On every Hugging Face paper that has an `ai_summary`, the
 * abstract sentence closest to that summary (most shared informative words, ties to the earlier
 * sentence) is taken as the right answer; the bench prints how often our chosen sentence is it,
 * against the baseline "first sentence", and the mean word overlap of each with the summary.
 * Run: npm run bench:tldr  (reads ../shared/data/hf-daily; it says what to do when that is missing)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseHfApi } from '../src/core/parse/hf-api.js';
import { contentStems, pickSentence } from '../src/core/tldr/extract-tldr.js';
import { splitSentences } from '../src/core/tldr/sentences.js';
import { sharedData } from './lib/shared-data.js';

const DIR = sharedData('hf-daily');

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

const seen = new Set<string>();
let papers = 0;
let multi = 0;
let oursRight = 0;
let firstRight = 0;
let oursOverlap = 0;
let firstOverlap = 0;
let bestOverlap = 0;
let ms = 0;
for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  let parsed;
  try {
    parsed = parseHfApi(fs.readFileSync(path.join(DIR, name), 'utf8'), { fileName: name });
  } catch {
    continue;
  }
  for (const p of parsed.papers) {
    if (!p.aiSummary || seen.has(p.id)) continue;
    seen.add(p.id);
    papers++;
    const t0 = performance.now();
    const sentences = splitSentences(p.abstract);
    const ours = pickSentence(p.title, sentences);
    ms += performance.now() - t0;
    if (sentences.length < 2) continue;
    multi++;
    const summary = contentStems(p.aiSummary);
    const scores = sentences.map((s) => overlap(contentStems(s), summary));
    const closest = scores.indexOf(Math.max(...scores));
    if (ours === closest) oursRight++;
    if (closest === 0) firstRight++;
    oursOverlap += scores[ours]!;
    firstOverlap += scores[0]!;
    bestOverlap += scores[closest]!;
  }
}
// Speed on a warm second pass (the first pays for JIT compilation and the stem cache).
const all = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).slice(-30).flatMap((name) => {
  try {
    return parseHfApi(fs.readFileSync(path.join(DIR, name), 'utf8'), { fileName: name }).papers;
  } catch {
    return [];
  }
});
for (const p of all) pickSentence(p.title, splitSentences(p.abstract));
const t1 = performance.now();
for (const p of all) pickSentence(p.title, splitSentences(p.abstract));
const warmUs = ((performance.now() - t1) * 1000) / Math.max(1, all.length);
const pct = (n: number) => `${((100 * n) / Math.max(1, multi)).toFixed(1)}%`;
const mean = (n: number) => (n / Math.max(1, multi)).toFixed(2);
console.log(`papers with ai_summary: ${papers} (${multi} with 2+ abstract sentences)`);
console.log(`chosen sentence is the one closest to HF's summary: ours ${pct(oursRight)}  |  first sentence ${pct(firstRight)}`);
console.log(`mean informative words shared with HF's summary: ours ${mean(oursOverlap)}  |  first sentence ${mean(firstOverlap)}  |  closest possible ${mean(bestOverlap)}`);
console.log(`split + pick: ${((1000 * ms) / Math.max(1, papers)).toFixed(0)} µs a paper cold, ${warmUs.toFixed(0)} µs warm (${all.length} papers)`);
