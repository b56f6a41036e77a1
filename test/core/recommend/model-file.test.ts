import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore, type Core } from '../../../src/core/open-core.js';
import { fitInWorker } from '../../../src/core/recommend/fit-in-worker.js';
import { MODEL_FILE, readModelFile, writeModelFile } from '../../../src/core/recommend/model-file.js';
import { spareRows } from '../../../src/core/recommend/ragged.js';
import { RecommenderModel, type ModelPaper } from '../../../src/core/recommend/model.js';
import { createRecommender, tuningFor } from '../../../src/core/recommend/recommender.js';
import { DEFAULT_TUNING } from '../../../src/core/recommend/tuning.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { topicOf, topicPapers } from './topic-papers.js';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const papers: ModelPaper[] = topicPapers().map((p) => ({ ...p, digestDates: [p.digestDate!] }));
const fit = () => RecommenderModel.fit(papers, tuningFor(papers.length, DEFAULT_TUNING));
const speech = papers.filter((p) => topicOf(p.id) === 'speech').map((p) => p.id);
const ask = { positives: speech.slice(0, 3), pins: ['Author agents 2'], limit: 8 };

/** A store holding the topic papers, as the bot has it. */
async function store() {
  const dir = tempDir();
  core = await openCore({ dataDir: dir });
  const all = topicPapers();
  for (const day of [...new Set(all.map((p) => p.digestDate!))]) {
    await core.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: all.filter((p) => p.digestDate === day) });
  }
  return { dir, store: core.store, file: join(dir, MODEL_FILE) };
}

describe('the recommender model file', () => {
  it('round-trips: the same state, the same recommendations', () => {
    const model = fit();
    const file = join(tempDir(), MODEL_FILE);
    writeModelFile(file, model.toState(), 42);
    const read = readModelFile(file);
    if (!read.ok) throw new Error(read.reason);
    expect(read.seq).toBe(42);
    expect(read.state).toEqual(model.toState());
    expect(RecommenderModel.fromState(read.state).recommend(ask)).toEqual(model.recommend(ask));
  });

  it('reads the arrays papers are folded into with room behind them: the first papers after a restart copy none', () => {
    const model = fit();
    const file = join(tempDir(), MODEL_FILE);
    writeModelFile(file, model.toState(), 1);
    const read = readModelFile(file);
    if (!read.ok) throw new Error(read.reason);
    const rows = read.state.ids.length;
    expect(read.state.embed.buffer.byteLength).toBe(spareRows(rows) * read.state.dims * 4);
    const loaded = RecommenderModel.fromState(read.state);
    const embed = loaded.embed.buffer;
    const terms = loaded.vectors.keys.buffer;
    const late = [{ ...papers[0]!, id: 'new-1' }];
    loaded.add(late);
    model.add(late);
    expect(loaded.embed.buffer === embed && loaded.vectors.keys.buffer === terms).toBe(true);
    expect(loaded.recommend(ask)).toEqual(model.recommend(ask));
  });

  it.each([
    ['a flipped byte', (b: Buffer) => ((b[b.length >> 1] ^= 0xff), b), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length >> 1), /truncated|checksum/],
    // Arrays are read straight from the file and hashed piece by piece: the last array's last byte and bytes past it still count.
    ['a flipped last byte', (b: Buffer) => ((b[b.length - 1] ^= 0xff), b), /checksum/],
    ['bytes appended', (b: Buffer) => Buffer.concat([b, Buffer.from('junk')]), /checksum/],
    ['a flipped header byte', (b: Buffer) => ((b[60] ^= 0xff), b), /checksum/],
    ['an older version', (b: Buffer) => (b.writeUInt32LE(0, 8), b), /version 0/],
    ['not a model file', () => Buffer.from('hello'), /not a recommender model file/],
  ])('%s is ignored with a log line and refitted, never a crash', async (_, spoil, reason) => {
    const s = await store();
    writeModelFile(s.file, fit().toState(), 1);
    writeFileSync(s.file, spoil(readFileSync(s.file)));
    expect(readModelFile(s.file)).toMatchObject({ ok: false, missing: false, reason: expect.stringMatching(reason) });
    const logger = createRecordingLogger();
    const rec = createRecommender({ store: s.store, logger, modelFile: s.file, fitIn: 'inline' });
    const r = await rec.recommend({ positives: speech.slice(0, 3), limit: 5 });
    expect(r.items.map((i) => topicOf(i.id))).toEqual(Array(5).fill('speech'));
    const ignored = logger.records.find((l) => l.msg === 'recommender model file ignored: refitting');
    expect(ignored?.level).toBe('warn');
    expect(String((ignored!.obj as { reason: string }).reason)).toMatch(reason);
    expect(logger.records.some((l) => l.msg === 'recommender model fitted')).toBe(true);
    // The refit replaced the bad file.
    expect(readModelFile(s.file).ok).toBe(true);
  });

  it('a restart loads the model instead of fitting, and folds in papers newer than it', async () => {
    const s = await store();
    const first = createRecordingLogger();
    await createRecommender({ store: s.store, logger: first, modelFile: s.file }).sync();
    expect(first.records.some((l) => l.msg === 'recommender model fitted')).toBe(true);

    const late = topicPapers(3, 1, 9).map((p) => ({ ...p, id: p.id.replace('2401.', '2402.'), arxivId: p.id.replace('2401.', '2402.'), digestDate: '2024-01-05' }));
    await s.store.ingest({ source: 'arxiv-jsonl', digestDate: '2024-01-05', papers: late });
    const logger = createRecordingLogger();
    const again = createRecommender({ store: s.store, logger, modelFile: s.file, whileFitting: 'throw' });
    const r = await again.recommend({ positives: speech.slice(0, 3), since: '2024-01-05', limit: 9 });
    expect(logger.records.map((l) => l.msg)).toContain('recommender model loaded');
    expect(logger.records.map((l) => l.msg)).not.toContain('recommender model fitted');
    expect(r.items.map((i) => i.id).sort()).toEqual(late.map((p) => p.id).sort());
    expect(topicOf(r.items[0]!.id.replace('2402.', '2401.'))).toBe('speech');
  });

  it('a fit in the worker thread gives the same model as one in process', async () => {
    async function* pages(): AsyncGenerator<ModelPaper[], number, undefined> {
      for (let i = 0; i < papers.length; i += 50) yield papers.slice(i, i + 50);
      return 7;
    }
    const file = join(tempDir(), MODEL_FILE);
    const inWorker = await fitInWorker({ tuning: DEFAULT_TUNING, pages: pages(), modelFile: file });
    expect(inWorker.seq).toBe(7);
    expect(inWorker.state).toEqual(fit().toState());
    const read = readModelFile(file);
    expect(read.ok && read.seq).toBe(7);
  });
});
