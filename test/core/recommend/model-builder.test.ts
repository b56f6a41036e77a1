import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../../../src/core/recommend/model-builder.js';
import { RecommenderModel, type ModelPaper } from '../../../src/core/recommend/model.js';
import { spareRows } from '../../../src/core/recommend/ragged.js';
import { paperTokens } from '../../../src/core/recommend/terms.js';
import { TfidfVocabulary } from '../../../src/core/recommend/tfidf.js';
import { DEFAULT_TUNING, tuningFor } from '../../../src/core/recommend/tuning.js';
import { topicPapers } from './topic-papers.js';

const papers: ModelPaper[] = topicPapers().map((p, i) => ({ ...p, authors: i % 7 === 0 ? [...p.authors, 'Ana Núñez', ''] : p.authors, digestDates: [p.digestDate!] }));
// An id given twice (a paper re-ingested): its first authors, its last text and dates.
const again: ModelPaper = { ...papers[5]!, title: 'Speech audio waveform vocoder', authors: ['Someone Else'], digestDates: ['2024-02-01', '2024-02-02'] };
const input = [...papers, again];
const tuning = tuningFor(input.length, DEFAULT_TUNING);

describe('the fit (ModelBuilder) writes the model state directly', () => {
  it('gives the rows folding every paper in one by one gives, over the same vocabulary and concept space', () => {
    const b = new ModelBuilder(tuning);
    b.add(input.slice(0, 50));
    b.add(input.slice(50));
    const state = b.finishState();
    // The reference: an empty model over the fit's vocabulary and components, each paper put() in turn.
    const vocab = TfidfVocabulary.fromState(state.vocab);
    const ref = RecommenderModel.fromParts(state.tuning, vocab, { components: state.components, singular: state.singular, k: state.dims }, input.length);
    for (const p of input) ref.put(p.id, p.authors, p.digestDates, vocab.vectorize(paperTokens(p)));
    expect(state).toEqual(ref.toState());
    expect(state.ids).toHaveLength(papers.length);
    // Views with room for a quarter more rows behind them (spareRows), terms and weights alike.
    const room = spareRows(papers.length);
    expect(state.embed.length).toBe(papers.length * state.dims);
    expect(state.embed.buffer.byteLength).toBe(room * state.dims * 4);
    expect(state.terms.buffer.byteLength).toBe(room * tuning.keepTerms * 4);
    expect(state.weights.buffer.byteLength).toBe(state.terms.buffer.byteLength);
  });

  it('leaves room the papers folded in until the refit fill, without copying the arrays', () => {
    const b = new ModelBuilder(tuning);
    b.add(papers.slice(0, 100));
    const model = RecommenderModel.fromState(b.finishState());
    const [embed, terms, weights] = [model.embed.buffer, model.vectors.keys.buffer, model.vectors.values.buffer];
    model.add(papers.slice(100));
    expect(model.size).toBe(papers.length);
    expect([model.embed.buffer, model.vectors.keys.buffer, model.vectors.values.buffer]).toEqual([embed, terms, weights]);
    expect(model.embed.buffer === embed && model.vectors.keys.buffer === terms && model.vectors.values.buffer === weights).toBe(true);
  });

  it('reports its stages in order', () => {
    const stages: string[] = [];
    const b = new ModelBuilder(tuning, (s) => stages.push(s));
    b.add(papers);
    b.finish();
    expect(stages).toEqual(['papers counted', 'vocabulary chosen', 'sample matrix built', 'concept space fitted', 'papers placed']);
  });
});
