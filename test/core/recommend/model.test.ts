import { describe, expect, it } from 'vitest';
import { RecommenderModel, type ModelPaper } from '../../../src/core/recommend/model.js';
import { tuningFor } from '../../../src/core/recommend/recommender.js';
import { DEFAULT_TUNING } from '../../../src/core/recommend/tuning.js';
import { topicOf, topicPapers } from './topic-papers.js';

const papers: ModelPaper[] = topicPapers().map((p) => ({ ...p, digestDates: [p.digestDate!] }));
const fit = () => RecommenderModel.fit(papers, tuningFor(papers.length, DEFAULT_TUNING));
const ids = (t: string) => papers.filter((p) => topicOf(p.id) === t).map((p) => p.id);

describe('RecommenderModel', () => {
  it('ranks papers of the liked topic first and never returns a liked paper', () => {
    const liked = ids('speech').slice(0, 3);
    const r = fit().recommend({ positives: liked, limit: 10 });
    expect(r.items).toHaveLength(10);
    expect(r.items.map((i) => topicOf(i.id))).toEqual(Array(10).fill('speech'));
    expect(r.items.some((i) => liked.includes(i.id))).toBe(false);
    expect(r.total).toBe(papers.length - 3);
  });

  it('explains each pick with words of the liked topic', () => {
    const r = fit().recommend({ positives: ids('graphs').slice(0, 4), limit: 3 });
    for (const item of r.items) {
      expect(item.because.length).toBeGreaterThan(0);
      const words = item.because.join(' ').split(' ');
      expect(words.some((w) => 'graph neural network node edge message passing molecule molecular property prediction spectral convolution adjacency readout'.includes(w))).toBe(true);
    }
  });

  it('a "not interested" paper pushes its topic down', () => {
    const model = fit();
    // Liking one paper of each of two topics: the top is mixed; disliking agents leaves graphs.
    const positives = [ids('graphs')[0]!, ids('agents')[0]!];
    const mixed = model.recommend({ positives, limit: 10 }).items.map((i) => topicOf(i.id));
    expect(mixed).toContain('agents');
    const negatives = ids('agents').slice(1, 6);
    const steered = model.recommend({ positives, negatives, limit: 10 }).items.map((i) => topicOf(i.id));
    expect(steered.filter((t) => t === 'agents').length).toBeLessThan(mixed.filter((t) => t === 'agents').length);
  });

  it('keeps to the date range, excludes what it is told, and pages', () => {
    const model = fit();
    const liked = ids('agents').slice(0, 3);
    const exclude = ids('agents').slice(3, 8);
    const r = model.recommend({ positives: liked, since: '2024-01-02', until: '2024-01-03', exclude, limit: 5 });
    const byId = new Map(papers.map((p) => [p.id, p]));
    for (const i of r.items) {
      expect(['2024-01-02', '2024-01-03']).toContain(byId.get(i.id)!.digestDates[0]);
      expect(exclude).not.toContain(i.id);
    }
    const page2 = model.recommend({ positives: liked, since: '2024-01-02', until: '2024-01-03', exclude, limit: 5, offset: 5 });
    expect(page2.items).toHaveLength(5);
    expect(page2.items.some((i) => r.items.some((j) => j.id === i.id))).toBe(false);
  });

  it('names unknown ids and lifts pinned authors and keywords', () => {
    const model = fit();
    const r = model.recommend({ positives: [ids('speech')[0]!, 'nope'], pins: ['Author agents 2'], limit: 5 });
    expect(r.unknown).toEqual(['nope']);
    expect(r.items[0]!.pins).toEqual(['Author agents 2']);
    expect(topicOf(r.items[0]!.id)).toBe('agents');
    const kw = model.recommend({ positives: [ids('speech')[0]!], pins: ['message passing'], limit: 1 });
    expect(kw.items[0]!.pins).toEqual(['message passing']);
  });

  it('folds in papers that arrive after the fit', () => {
    const model = RecommenderModel.fit(papers.slice(0, 100), tuningFor(100, DEFAULT_TUNING));
    const late = papers.slice(100);
    model.add(late);
    expect(model.size).toBe(papers.length);
    const r = model.recommend({ positives: ids('agents').slice(0, 3), limit: 10 });
    expect(r.items.map((i) => topicOf(i.id))).toEqual(Array(10).fill('agents'));
    expect(r.items.some((i) => late.some((p) => p.id === i.id))).toBe(true);
  });

  it('keeps the archive mean as papers are folded in and replaced, equal to one summed afresh', () => {
    const model = RecommenderModel.fit(papers.slice(0, 80), tuningFor(80, DEFAULT_TUNING));
    expect(model.mean).toEqual(model.meanFromScratch());
    // Appended rows add to the running sum in row order: the same float64 sums as summing afresh.
    model.add(papers.slice(80, 100));
    expect(model.mean).toEqual(model.meanFromScratch());
    // A replaced row (re-ingested with other text) is taken out of the sum and put back: equal within rounding.
    const before = Float64Array.from(model.mean);
    model.add(papers.slice(0, 20).map((p, i) => ({ ...p, title: papers[100 + i]!.title, abstract: papers[100 + i]!.abstract })));
    expect(model.size).toBe(100);
    const scratch = model.meanFromScratch();
    expect(Math.max(...model.mean.map((x, c) => Math.abs(x - scratch[c]!)))).toBeLessThan(1e-9);
    expect(Math.max(...model.mean.map((x, c) => Math.abs(x - before[c]!)))).toBeGreaterThan(1e-4);
  });
});

describe('RecommenderModel after a load', () => {
  it('takes new papers (folding in after a load): per-row arrays have room beyond the loaded rows', () => {
    // 16 rows: exactly the smallest capacity, so any per-row array sized to the rows is full.
    const some = papers.filter((p) => topicOf(p.id) !== 'graphs').slice(0, 16);
    const loaded = RecommenderModel.fromState(RecommenderModel.fit(some, tuningFor(some.length, DEFAULT_TUNING)).toState());
    const late = papers.filter((p) => !some.includes(p));
    loaded.add(late.slice(0, 1));
    loaded.add(late.slice(1));
    expect(loaded.size).toBe(papers.length);
    const r = loaded.recommend({ positives: ids('agents').slice(0, 3), limit: 5 });
    expect(r.items).toHaveLength(5);
  });
});
