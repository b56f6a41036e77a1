import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { compactKey, nameKey } from '../../../src/core/search/known-items.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper, searchEnv } from './search-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
afterEach(async () => env?.close());

/**
 * Papers named as the archive names them, oldest first, each followed by newer papers that use the
 * same words more (in titles and abstracts): bm25 alone puts those first.
 */
const NAMED: Paper[] = [
  paper({
    id: '2501.12948',
    title: 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning',
    abstract: 'We introduce our first-generation reasoning models trained with large-scale reinforcement learning.',
    upvotes: 300,
    digestDate: '2025-01-22',
  }),
  paper({
    id: '2501.03262',
    title: 'REINFORCE++: A Simple and Efficient Approach for Aligning Large Language Models',
    abstract: 'An enhanced variant of the classical algorithm for aligning language models with human feedback.',
    digestDate: '2025-01-08',
  }),
  paper({
    id: '2407.01284',
    title: 'We-Math: Does Your Large Multimodal Model Achieve Human-like Mathematical Reasoning?',
    abstract: 'A benchmark of visual math problems decomposed into knowledge concepts.',
    digestDate: '2024-07-02',
  }),
  paper({
    id: '2410.07064',
    title: 'Data Selection via Optimal Control for Language Models',
    abstract: 'We formulate data selection as an optimal control problem solved with Pontryagin principles.',
    digestDate: '2024-10-10',
  }),
  paper({ id: '2301.00001', title: 'REINFORCE: Policy Gradients Revisited', abstract: 'The classical estimator, revisited.', digestDate: '2023-01-02' }),
];

const CROWD: Paper[] = [
  paper({
    id: '2502.14669',
    title: 'AlphaMaze: Enhancing Large Language Models Spatial Intelligence via GRPO',
    abstract: 'Building on DeepSeek-R1, DeepSeek-R1 distilled models and DeepSeek-R1 style reasoning, we train maze solvers.',
    upvotes: 900,
    digestDate: '2025-02-20',
  }),
  paper({ id: '2502.00001', title: 'DeepSeek R1 reproduced', abstract: 'We reproduce DeepSeek R1 and its R1 reasoning.', digestDate: '2025-02-21' }),
  paper({ id: '2506.08007', title: 'Reinforcement Pre-Training', abstract: 'Reinforce reinforcement learning as pre-training for large language models.', digestDate: '2025-06-11' }),
  paper({ id: '2506.00002', title: 'Math reasoning at scale', abstract: 'Math math math benchmarks of multimodal math reasoning.', digestDate: '2025-06-12' }),
  ...Array.from({ length: 12 }, (_, i) =>
    paper({
      id: `2507.${String(i).padStart(5, '0')}`,
      title: `Data selection for language models ${i}`,
      abstract: 'Which data to train language models on, and how to select it.',
      digestDate: '2025-07-01',
    }),
  ),
];

const first = async (text: string, extra: Record<string, unknown> = {}) => (await env.search.search({ text, limit: 5, ...extra })).hits[0]?.paper.id;

describe('known items: the paper a reader names comes first', () => {
  it('keys ignore case, spaces, hyphens and dots, and keep ++ and #', () => {
    expect(compactKey('DeepSeek-R1')).toBe(compactKey('deepseek r1'));
    expect(compactKey('Qwen2.5-VL')).toBe(compactKey('qwen2.5 vl'));
    expect(compactKey('REINFORCE++')).not.toBe(compactKey('REINFORCE'));
    expect(nameKey('We-Math: Does Your Large Multimodal Model Achieve Human-like Mathematical Reasoning?')).toBe('wemath');
    expect(nameKey('A title without a name')).toBeUndefined();
  });

  it('a name typed any way ranks its paper first, ahead of papers that use it more', async () => {
    env = await searchEnv(tempDir(), [...NAMED, ...CROWD]);
    for (const q of ['DeepSeek-R1', 'deepseek-r1', 'DeepSeek R1', 'deepseek r1', 'deepseekr1', 'DEEPSEEK-R1', '"DeepSeek-R1"']) {
      expect(await first(q), q).toBe('2501.12948');
    }
  });

  it('symbols in a name count: REINFORCE++ is not REINFORCE', async () => {
    env = await searchEnv(tempDir(), [...NAMED, ...CROWD]);
    expect(await first('REINFORCE++')).toBe('2501.03262');
    expect(await first('reinforce ++')).toBe('2501.03262');
    expect(await first('REINFORCE')).toBe('2301.00001');
  });

  it('stop words in a name count when the whole name matches', async () => {
    env = await searchEnv(tempDir(), [...NAMED, ...CROWD]);
    for (const q of ['We-Math', 'we math', 'wemath']) expect(await first(q), q).toBe('2407.01284');
  });

  it('a name with a word of its title, a pasted title, and the start of a title', async () => {
    env = await searchEnv(tempDir(), [...NAMED, ...CROWD]);
    expect(await first('DeepSeek-R1 incentivizing')).toBe('2501.12948');
    expect(await first('deepseek-r1 reinforcement learning')).toBe('2501.12948');
    expect(await first('Data Selection via Optimal Control for Language Models')).toBe('2410.07064');
    expect(await first('data selection via optimal control for language models')).toBe('2410.07064');
    expect(await first('data selection via optimal control')).toBe('2410.07064');
    expect(await first('DataSelection via optimal')).toBe('2410.07064');
    // A word the named paper's title lacks: a topic, not a name; the ranking decides.
    const r = await env.search.search({ text: 'deepseek r1 reproduced', limit: 5 });
    expect(r.hits[0]?.paper.id).toBe('2502.00001');
  });

  it('obeys the filters, counts the named paper once and pages past it', async () => {
    env = await searchEnv(tempDir(), [...NAMED, ...CROWD]);
    expect(await first('DeepSeek-R1', { since: '2025-02-01' })).not.toBe('2501.12948');
    expect(await first('DeepSeek-R1', { minUpvotes: 100 })).toBe('2501.12948');
    const all = await env.search.search({ text: 'DeepSeek-R1', limit: 25 });
    const ids = all.hits.map((h) => h.paper.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.total).toBe(ids.length);
    const scores = all.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const p1 = await env.search.search({ text: 'DeepSeek-R1', limit: 1, page: 1 });
    const p2 = await env.search.search({ text: 'DeepSeek-R1', limit: 1, page: 2 });
    expect(p1.hits[0]?.paper.id).toBe('2501.12948');
    expect(p2.hits[0]?.paper.id).toBe(ids[1]);
    expect(p2.total).toBe(all.total);
  });

  it('a name of stop words only still finds its paper', async () => {
    env = await searchEnv(tempDir(), [paper({ id: 'x1', title: 'What If: counterfactual questions', abstract: 'Counterfactuals.' }), ...CROWD]);
    expect(await first('what if')).toBe('x1');
    expect((await env.search.search({ text: 'what' })).notice).toBeTruthy();
  });

  it('an old paper whose title has every word of a pasted description is ranked past the ranking cut', async () => {
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    // Unrelated papers first, so that no query word is in half the papers (such words are dropped).
    const filler = Array.from({ length: 30 }, (_, i) => paper({ id: `2001.${String(i).padStart(5, '0')}`, title: `Koala census ${i}`, abstract: 'Koalas counted.' }));
    await store.ingest({ source: 'hf-api', papers: [...filler, ...NAMED, ...CROWD] });
    // Rank only the newest 5 matches: the 12 newer data-selection papers fill that alone.
    const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, maxRanked: 5 });
    try {
      // The title's words reordered: neither the title, its start nor its name.
      const r = await search.search({ text: 'optimal control for data selection in language models', limit: 10 });
      expect(r.hits.map((h) => h.paper.id)).toContain('2410.07064');
    } finally {
      await search.close();
      await store.close();
    }
  });
});
