import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { seedPapers } from './seed-papers.js';
import { paper, searchEnv } from './search-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
afterEach(async () => env?.close());

const MERGING = [
  'Parameter Competition Balancing for Model Merging',
  'AdaMerging: Adaptive Model Merging for Multi-Task Learning',
  'Model Breadcrumbs: Scaling Multi-Task Model Merging with Sparse Masks',
];
const titles = (r: { hits: Array<{ paper: { title: string } }> }) => r.hits.map((h) => h.paper.title);

describe('ranking on the seed digest', () => {
  it('puts the model-merging papers first for "model merging"', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const r = await env.search.search({ text: 'model merging' });
    expect(titles(r).slice(0, 4)).toEqual(expect.arrayContaining(MERGING));
    const scores = r.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // "model" is in most papers: on its own it makes no match, so only merging papers are listed.
    for (const h of r.hits) expect(`${h.paper.title} ${h.paper.abstract}`).toMatch(/merg/i);
  });

  it('finds Meta-World first for "meta reinforcement learning benchmark robots"', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const r = await env.search.search({ text: 'meta reinforcement learning benchmark robots' });
    expect(titles(r)[0]).toMatch(/^Meta-World/);
  });

  it('tolerates typos: "mergng" finds the merging papers, "transfomer" the transformer ones', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const m = await env.search.search({ text: 'mergng' });
    expect(titles(m)).toEqual(expect.arrayContaining(MERGING));
    const t = await env.search.search({ text: 'transfomer', limit: 25 });
    expect(t.hits.length).toBeGreaterThan(0);
    // Porter stems "transformer" and "transform" alike, in the index as in the query.
    for (const h of t.hits) expect(`${h.paper.title} ${h.paper.abstract}`).toMatch(/transform/i);
    expect(t.hits[0]!.snippet.some((s) => s.hit && /^transformers?$/i.test(s.text))).toBe(true);
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const r = await env.search.search({ text: 'model merg' });
    expect(titles(r).slice(0, 4)).toEqual(expect.arrayContaining(MERGING));
    expect(titles(await env.search.search({ text: 'breadc' }))[0]).toMatch(/^Model Breadcrumbs/);
    // Followed by a space the word is finished: a short fragment is then no word at all.
    expect((await env.search.search({ text: 'breadc ' })).hits).toEqual([]);
  });

  it('matches quoted phrases as phrases', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const phrase = await env.search.search({ text: '"task arithmetic"', limit: 25 });
    const loose = await env.search.search({ text: 'task arithmetic', limit: 25 });
    expect(phrase.total).toBeGreaterThan(0);
    expect(loose.total).toBeGreaterThan(phrase.total);
    for (const h of phrase.hits) expect(`${h.paper.title} ${h.paper.abstract}`).toMatch(/task\s+arithmetic/i);
  });

  it('ranks papers with all the words above papers with some', async () => {
    env = await searchEnv(tempDir(), [
      paper({ id: 'a', title: 'Graph neural networks at scale', abstract: 'graph graph graph networks networks networks' }),
      paper({ id: 'b', title: 'Quantum annealing for graph problems', abstract: 'graph graph graph graph annealing' }),
      paper({ id: 'c', title: 'Annealing schedules', abstract: 'quantum annealing with graph structure' }),
      paper({ id: 'd', title: 'Quantum chemistry', abstract: 'quantum quantum quantum quantum' }),
    ]);
    const r = await env.search.search({ text: 'quantum graph', limit: 10 });
    const ids = r.hits.map((h) => h.paper.id);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(['b', 'c']));
    expect(new Set(ids.slice(2))).toEqual(new Set(['a', 'd']));
    expect(r.total).toBe(4);
  });

  it('searches authors and keywords too, the title weighing most', async () => {
    env = await searchEnv(tempDir(), [
      paper({ id: 'x', title: 'Sparse attention', authors: ['Ada Lovelace'], keywords: ['efficiency'] }),
      paper({ id: 'y', title: 'Dense retrieval', abstract: 'We discuss sparse attention briefly among other things here.' }),
    ]);
    expect((await env.search.search({ text: 'lovelace' })).hits.map((h) => h.paper.id)).toEqual(['x']);
    expect((await env.search.search({ text: 'efficiency' })).hits.map((h) => h.paper.id)).toEqual(['x']);
    expect((await env.search.search({ text: 'sparse attention' })).hits.map((h) => h.paper.id)).toEqual(['x', 'y']);
  });

  it('finds papers like a given one, itself excluded', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const start = (await env.search.search({ text: 'Parameter Competition Balancing' })).hits[0]!.paper;
    const r = await env.search.similar(start.id);
    expect(r.hits.map((h) => h.paper.id)).not.toContain(start.id);
    expect(titles(r).slice(0, 3).filter((t) => /merg/i.test(t)).length).toBeGreaterThanOrEqual(2);
    const none = await env.search.similar('no-such-paper');
    expect(none.hits).toEqual([]);
    expect(none.notice).toMatch(/no paper/i);
  });
  it('lists the newest papers first when every word is in most papers (bm25 has nothing to rank by)', async () => {
    env = await searchEnv(tempDir());
    for (const n of [1, 2, 3]) {
      await env.store.ingest({ source: 'hf-api', papers: [paper({ id: `2401.0000${n}`, title: `Networks ${n}`, abstract: 'networks '.repeat(4 - n) })] });
    }
    const r = await env.search.search({ text: 'networks', limit: 3 });
    expect(r.hits.map((h) => h.paper.id)).toEqual(['2401.00003', '2401.00002', '2401.00001']);
  });
});

describe('spellings and Greek letters', () => {
  const papers = [
    paper({ id: '2401.00001', title: 'Tumour growth under hypoxia', abstract: 'We follow tumour cells in hypoxic niches.' }),
    paper({ id: '2401.00002', title: 'Tumor microenvironment atlas', abstract: 'A single-cell atlas of the tumor microenvironment.' }),
    paper({ id: '2401.00003', title: 'TGF-β signalling in fibrosis', abstract: 'TGF-β drives fibrosis; IL-1β and NF-κB follow.' }),
    paper({ id: '2401.00004', title: 'Protein folding kinetics', abstract: 'Folding rates of small proteins.' }),
  ];
  const ids = (r: { hits: Array<{ paper: { id: string } }> }) => r.hits.map((h) => h.paper.id).sort();

  it('finds papers in either spelling, whichever is typed, and marks the word in both', async () => {
    env = await searchEnv(tempDir(), papers, '2024-01-02');
    for (const text of ['tumor', 'tumour']) {
      const r = await env.search.search({ text });
      expect(ids(r)).toEqual(['2401.00001', '2401.00002']);
      for (const h of r.hits) expect(h.snippet.some((s) => s.hit && /^tumou?r$/i.test(s.text))).toBe(true);
    }
  });

  it('matches "TGF-beta" to a paper that wrote TGF-β, and the reverse; the snippet marks "TGF-β"', async () => {
    env = await searchEnv(tempDir(), papers, '2024-01-02');
    // Only the spelled-out letter can match: "kappab" and "1beta" are in no paper as typed.
    for (const text of ['kappab', 'NF-κB', '1beta', 'TGF-beta']) {
      const r = await env.search.search({ text });
      expect(ids(r)).toEqual(['2401.00003']);
    }
    const r = await env.search.search({ text: 'tgf beta' });
    expect(r.hits[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(expect.arrayContaining(['TGF', 'β']));
  });
});

describe('hyphenated words', () => {
  it('"non-homologous" also finds a paper that wrote nonhomologous, and marks it', async () => {
    const papers = [
      paper({ id: '2402.00001', title: 'Nonhomologous end joining fidelity', abstract: 'Ligation in nonhomologous repair.' }),
      paper({ id: '2402.00002', title: 'Homologous recombination', abstract: 'Repair of breaks by homologous recombination.' }),
      paper({ id: '2402.00003', title: 'Protein folding kinetics', abstract: 'Folding rates of small proteins.' }),
    ];
    env = await searchEnv(tempDir(), papers, '2024-02-02');
    const r = await env.search.search({ text: 'non-homologous' });
    // First: it has both parts, joined; the paper with only "homologous" comes after.
    expect(r.hits.map((h) => h.paper.id)).toEqual(['2402.00001', '2402.00002']);
    expect(r.hits[0]!.snippet.some((s) => s.hit && /^nonhomologous$/i.test(s.text))).toBe(true);
    // Typed apart, the words stay two words: "non homologous" is not the joined word.
    expect((await env.search.search({ text: 'non homologous' })).hits.map((h) => h.paper.id)).not.toContain('2402.00001');
  });
});

describe('a description\'s joined words', () => {
  const papers = [
    paper({ id: '2403.00001', title: 'IL-6 in the bone marrow', abstract: 'Pro-inflammatory IL-6 signalling in stromal niches.' }),
    paper({ id: '2403.00002', title: 'Protein folding kinetics', abstract: 'Folding rates of small proteins.' }),
  ];

  it('finds "il6" and "proinflammatory" written as IL-6 and pro-inflammatory (descriptions only)', async () => {
    env = await searchEnv(tempDir(), papers, '2024-03-02');
    // More than five typed words: a description. Only the joined words can match the first paper.
    for (const text of ['il6 rises sharply after major abdominal surgery', 'proinflammatory responses rise sharply after major surgery']) {
      const r = await env.search.search({ text });
      expect(r.hits.map((h) => h.paper.id)).toEqual(['2403.00001']);
    }
  });
});
