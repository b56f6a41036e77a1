/**
 * How good and how fast `papers recommend` / `/papers for-me` are.
 *
 *   npm run bench:recommend             quality (both halves) + speed and memory at 100k papers
 *   npm run bench:recommend -- --tune   the tuning grid on the tuning half only
 *   npm run bench:recommend -- --quality | --speed [--size N]    one part only (speed at N papers)
 *   … -- --data DIR (or env SHARED_DATA)   the shared data elsewhere (default ../shared/data)
 *
 * Quality: simulated readers who like 8 papers of one or two arXiv categories (categories hidden
 * from both models) get the papers of the later third of ../shared/data/arxiv-daily ranked;
 * precision@10 counts how many of the top ten are of their categories. Ours against
 * arxiv-sanity-lite's recipe (bench/lib/sanity-anchor.ts), in the same run, on the same readers.
 * Knobs are tuned on one half of the categories; the other half is the figure to quote.
 *
 * Speed: the fit in its worker thread (CPU, wall, the event loop's worst stall meanwhile against an
 * idle anchor, peak RSS), the RSS a restarted process adds by loading the model file (a child
 * process), a reader with 50 bookmarks over 100,000 papers (p50/p95, warm), the plan of 1,000
 * personal digests due at once (each: 20–50 bookmarks, the last 7 days). Figures only, no
 * assertions: the machine is shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fitInWorker, loadInWorker } from '../src/core/recommend/fit-in-worker.js';
import { MODEL_FILE } from '../src/core/recommend/model-file.js';
import { RecommenderModel, type ModelPaper } from '../src/core/recommend/model.js';
import { DEFAULT_TUNING, type RecommenderTuning } from '../src/core/recommend/tuning.js';
import { corpus, realPapers, rng } from './lib/corpus.js';
import { loadArxivDaily, makeReaders, precisionAt10, type EvalPaper, type Reader } from './lib/reader-eval.js';
import { sanityFeatures, svmScores } from './lib/sanity-anchor.js';
import { sharedData } from './lib/shared-data.js';

const args = new Set(process.argv.slice(2));
const all = !args.has('--tune') && !args.has('--quality') && !args.has('--speed');

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const mb = () => process.memoryUsage().rss / 1e6;
/** RSS (the whole process: worker threads included), this thread's JS heap and array buffers, in MB. */
const mem = (u: NodeJS.MemoryUsage = process.memoryUsage()) => ({ rss: u.rss / 1e6, heap: u.heapUsed / 1e6, ab: u.arrayBuffers / 1e6 });
type Mem = ReturnType<typeof mem>;
const showMem = (m: Mem, base?: Mem) =>
  base
    ? `RSS +${(m.rss - base.rss).toFixed(0)} MB, heap +${(m.heap - base.heap).toFixed(0)} MB, arrayBuffers +${(m.ab - base.ab).toFixed(0)} MB`
    : `RSS ${m.rss.toFixed(0)} MB, heap ${m.heap.toFixed(0)} MB, arrayBuffers ${m.ab.toFixed(0)} MB`;
/** CPU time of this process in ms: on a shared, busy machine wall time mostly measures the neighbours. */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function ours(setup: ReturnType<typeof makeReaders>, tuning: RecommenderTuning, model?: RecommenderModel) {
  const m = model ?? RecommenderModel.fit(setup.papers.map((p) => ({ ...p, digestDates: [p.day] })), tuning);
  return (r: Reader) => m.recommend({ positives: r.liked, since: setup.splitDay, limit: 10 }).items.map((i) => i.id);
}

function anchor(setup: ReturnType<typeof makeReaders>) {
  const x = sanityFeatures(setup.papers);
  const rowOf = new Map(setup.papers.map((p, i) => [p.id, i]));
  const later = setup.papers.map((p, i) => [p, i] as const).filter(([p]) => p.day >= setup.splitDay);
  return (r: Reader) => {
    const s = svmScores(x, r.liked.map((id) => rowOf.get(id)!), { maxIter: 300, tol: 1e-4 });
    return later
      .map(([p, i]) => [p.id, s[i]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id]) => id);
  };
}

function score(rank: (r: Reader) => string[], readers: Reader[], byId: Map<string, EvalPaper>) {
  return mean(readers.map((r) => precisionAt10(rank(r), r, byId)));
}

function quality(tuneOnly: boolean) {
  const papers = loadArxivDaily(sharedData('arxiv-daily'));
  const setup = makeReaders(papers);
  const byId = new Map(papers.map((p) => [p.id, p]));
  console.log(`arxiv-daily: ${papers.length} papers; readers like papers before ${setup.splitDay}, rank the ${papers.filter((p) => p.day >= setup.splitDay).length} from then on`);
  console.log(`tuning half: ${setup.halves[0].join(' ')} (${setup.readers[0].length} readers)`);
  console.log(`report half: ${setup.halves[1].join(' ')} (${setup.readers[1].length} readers)`);
  if (tuneOnly) {
    // Fitting knobs need a new model; scoring knobs are tried on each fitted one.
    const fits: Array<Partial<RecommenderTuning>> = [{}];
    for (const sigmaPower of [0, 1]) fits.push({ sigmaPower });
    for (const dims of [64, 200]) fits.push({ dims });
    for (const minDf of [2, 5]) for (const maxFeatures of [20_000, 60_000]) fits.push({ tfidf: { ...DEFAULT_TUNING.tfidf, minDf, maxFeatures } });
    const scoring: Array<Partial<RecommenderTuning>> = [];
    for (const conceptWeight of [0.5, 0.7, 0.85, 1]) for (const center of [0, 1]) for (const feedback of [0, 0.5, 1]) scoring.push({ conceptWeight, center, feedback });
    // The feedback round's width: 20 first-pass papers beat 10 on the tuning half (0.552–0.557 against 0.532).
    for (const feedback of [1, 1.5, 2]) for (const feedbackDepth of [10, 20, 30]) scoring.push({ feedback, feedbackDepth });
    for (const fit of fits) {
      const model = RecommenderModel.fit(setup.papers.map((p) => ({ ...p, digestDates: [p.day] })), { ...DEFAULT_TUNING, ...fit });
      const rows = scoring.map((sc) => {
        model.tuning = { ...DEFAULT_TUNING, ...fit, ...sc };
        return [JSON.stringify(sc), score(ours(setup, model.tuning, model), setup.readers[0], byId)] as const;
      });
      rows.sort((x, y) => y[1] - x[1]);
      console.log(`fit ${JSON.stringify(fit)}: best ${rows.slice(0, 4).map(([n, v]) => `${n} ${v.toFixed(3)}`).join(' | ')}; worst ${rows.at(-1)![1].toFixed(3)}`);
    }
    return;
  }
  const rankA = anchor(setup);
  const rankO = ours(setup, DEFAULT_TUNING);
  const rankWords = ours(setup, { ...DEFAULT_TUNING, conceptWeight: 0, center: 0, feedback: 0, keepTerms: 100_000 });
  console.log('precision@10          tuning half   report half');
  for (const [name, rank] of [['anchor (sanity SVM)', rankA], ['ours (tf-idf + LSA)', rankO], ['tf-idf centroid only', rankWords]] as const) {
    const [t, r] = setup.readers.map((rs) => score(rank, rs, byId));
    console.log(`  ${name.padEnd(22)} ${t!.toFixed(3).padStart(9)}   ${r!.toFixed(3).padStart(11)}`);
  }
  const [oT, oR] = setup.readers.map((rs) => score(rankO, rs, byId));
  const [aT, aR] = setup.readers.map((rs) => score(rankA, rs, byId));
  console.log(`ours / anchor: tuning half ${((oT! / aT!) * 100).toFixed(0)}%, report half ${((oR! / aR!) * 100).toFixed(0)}%`);
}

/**
 * Peak RSS and the event loop's worst stall while `work` runs (sampled on this thread, which the fit
 * leaves free); `at` names where the work was at the peak (the fit's last stage reported).
 */
async function watch<T>(
  work: () => Promise<T>,
  at: () => string = () => '',
  onSample: (rssMb: number) => void = () => {},
): Promise<{ value: T; peakMb: number; peakAt: string; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let peak = mb();
  let peakAt = at();
  const sample = () => {
    const now = mb();
    onSample(now);
    if (now > peak) [peak, peakAt] = [now, at()];
  };
  const timer = setInterval(sample, 50);
  delay.enable();
  try {
    const value = await work();
    sample();
    return { value, peakMb: peak, peakAt, stallMs: delay.max / 1e6 };
  } finally {
    delay.disable();
    clearInterval(timer);
  }
}

/** `--restart-child FILE`: a fresh process loading the model file, as a restarted bot does; prints its RSS in JSON. */
async function restartChild(file: string) {
  global.gc?.();
  const before = mem();
  let peak = before.rss;
  const timer = setInterval(() => (peak = Math.max(peak, mb())), 50);
  const t = performance.now();
  const read = await loadInWorker(file);
  if (!read.ok) throw new Error(read.reason);
  const model = RecommenderModel.fromState(read.state);
  const loadMs = performance.now() - t;
  clearInterval(timer);
  global.gc?.();
  const after = mem();
  console.log(JSON.stringify({ before, after, peak: Math.max(peak, after.rss), loadMs, papers: model.size }));
}

async function speed() {
  const real = realPapers(sharedData());
  const sizeAt = process.argv.indexOf('--size');
  const size = sizeAt > 0 ? Number(process.argv[sizeAt + 1]) : 100_000;
  const papers: ModelPaper[] = corpus(real, size).map((p, i) => ({
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    // 100 papers a day over 1,000 days, so "the last 7 days" holds ~700 papers as in a busy archive.
    digestDates: [new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 100) * 86_400_000).toISOString().slice(0, 10)],
  }));
  global.gc?.();
  const loaded = mb();
  const beforeFit = mem();
  console.log(`before the fit (${size.toLocaleString('en-US')} papers' text in memory, the baseline): ${showMem(beforeFit)}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  // The anchor for the stall: the same monitor over an idle event loop.
  const idle = await watch(() => new Promise((r) => setTimeout(r, 2000)));
  const file = join(mkdtempSync(join(tmpdir(), 'recommend-bench-')), MODEL_FILE);
  async function* pages(): AsyncGenerator<ModelPaper[], number, undefined> {
    for (let i = 0; i < papers.length; i += 5000) yield papers.slice(i, i + 5000);
    return papers.length;
  }
  const fitCpu = cpuMs();
  let t = performance.now();
  const stages: string[] = [];
  let lastStage = performance.now();
  let stage = 'pages sent';
  // The highest RSS sampled since the last stage was reported: the stages' own reports miss the transients between them.
  let stagePeak = 0;
  const fit = await watch(
    () =>
      fitInWorker({
        tuning: DEFAULT_TUNING,
        pages: pages(),
        modelFile: file,
        onProgress: (p) => {
          const m = mem(p.memory);
          stage = p.stage;
          stagePeak = Math.max(stagePeak, m.rss);
          stages.push(
            `  ${stage.padEnd(22)} ${((performance.now() - lastStage) / 1000).toFixed(0).padStart(4)} s   RSS +${(m.rss - beforeFit.rss).toFixed(0)} MB ` +
              `(peak since the previous +${(stagePeak - beforeFit.rss).toFixed(0)}), worker heap ${m.heap.toFixed(0)} MB, arrayBuffers +${(m.ab - beforeFit.ab).toFixed(0)} MB`,
          );
          lastStage = performance.now();
          stagePeak = 0;
        },
      }),
    () => stage,
    (rss) => (stagePeak = Math.max(stagePeak, rss)),
  );
  const fitS = (performance.now() - t) / 1000;
  const fitCpuS = (cpuMs() - fitCpu) / 1000;
  const model = RecommenderModel.fromState(fit.value.state);
  // The model owns the state's arrays now; the bench must not keep the state (as the bot does not), or a grown array's old copy stays.
  (fit as { value?: unknown }).value = undefined;
  global.gc?.();
  const fitted = mb();
  const afterFit = mem();
  console.log(
    `${size.toLocaleString('en-US')} papers, fitted in a worker thread: ${fitS.toFixed(1)} s wall, ${fitCpuS.toFixed(1)} s CPU (all threads); ` +
      `event loop's worst stall during the fit ${fit.stallMs.toFixed(0)} ms (idle anchor ${idle.stallMs.toFixed(0)} ms)`,
  );
  // Papers-loaded RSS is the baseline: what the bot holds anyway (the store, the search index) is not the recommender's.
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--restart-child', file], { encoding: 'utf8' });
  const restart = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { before: Mem; after: Mem; peak: number; loadMs: number };
  console.log(`the fit's stages in the worker (time since the previous stage; RSS and arrayBuffers are the process's, over the baseline; the peak sampled every 50 ms):\n${stages.join('\n')}`);
  console.log(`memory added by the recommender (RSS sampled every 50 ms, worker threads included):`);
  console.log(`  peak during the fit      RSS +${(fit.peakMb - loaded).toFixed(0)} MB (the last stage reported then: ${fit.peakAt})`);
  console.log(`  after the fit            ${showMem(afterFit, beforeFit)} (${fitted.toFixed(0)} MB RSS in all)`);
  console.log(
    `  after a restart          ${showMem(restart.after, restart.before)}; peak while loading RSS +${(restart.peak - restart.before.rss).toFixed(0)} MB ` +
      `(a fresh process loading the ${(statSync(file).size / 1e6) | 0} MB model file in ${(restart.loadMs / 1000).toFixed(1)} s)`,
  );
  const rand = rng(5);
  const ids = papers.map((p) => p.id);
  const some = (n: number) => Array.from({ length: n }, () => ids[Math.floor(rand() * ids.length)]!);
  for (let i = 0; i < 10; i++) model.recommend({ positives: some(50), limit: 10 });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 200; i++) {
    const positives = some(50);
    t = performance.now();
    const c = cpuMs();
    model.recommend({ positives, negatives: some(5), limit: 10 });
    cpu.push(cpuMs() - c);
    times.push(performance.now() - t);
  }
  console.log(`one reader, 50 bookmarks, all ${size.toLocaleString('en-US')} papers ranked: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms wall; CPU p50 ${pct(cpu, 0.5).toFixed(1)} ms, p95 ${pct(cpu, 0.95).toFixed(1)} ms (200 requests)`);
  const last = papers[papers.length - 1]!.digestDates[0]!;
  const since = new Date(Date.parse(last) - 6 * 86_400_000).toISOString().slice(0, 10);
  const subscribers = Array.from({ length: 1000 }, () => ({ positives: some(20 + Math.floor(rand() * 31)), exclude: some(10), pins: rand() < 0.2 ? ['language model'] : [] }));
  t = performance.now();
  const planCpu = cpuMs();
  for (const s of subscribers) model.recommend({ ...s, since, until: last, limit: 5 });
  console.log(`1,000 personal digests planned (last 7 days, 20–50 bookmarks each): ${((performance.now() - t) / 1000).toFixed(2)} s wall, ${((cpuMs() - planCpu) / 1000).toFixed(2)} s CPU`);
  // The fit leaves room for a quarter more papers (spareRows): folding in fills it, never copies the arrays.
  const fresh = corpus(real, 1000, 3, size).map((p) => ({ ...p, digestDates: [last] }));
  global.gc?.();
  const grownBefore = [model.embed.buffer, model.vectors.keys.buffer];
  console.log(`before folding in (after the requests above): ${showMem(mem(), beforeFit)}`);
  for (const [from, to] of [
    [0, 100],
    [100, 1000],
  ] as const) {
    t = performance.now();
    model.add(fresh.slice(from, to));
    const foldMs = performance.now() - t;
    global.gc?.();
    console.log(`${to.toLocaleString('en-US')} new papers folded in after the fit (these ${to - from}: ${foldMs.toFixed(0)} ms); then ${showMem(mem(), beforeFit)}`);
  }
  console.log(`arrays regrown by the fold-ins: ${[model.embed.buffer, model.vectors.keys.buffer].filter((b, i) => b !== grownBefore[i]).length} of 2 (embed, terms)`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  rmSync(dirname(file), { recursive: true, force: true });
}

const child = process.argv.indexOf('--restart-child');
if (child < 0 && (all || args.has('--quality') || args.has('--tune'))) quality(args.has('--tune'));
if (child > 0) await restartChild(process.argv[child + 1]!);
else if (all || args.has('--speed')) await speed();
