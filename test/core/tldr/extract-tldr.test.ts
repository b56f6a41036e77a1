import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cardLines } from '../../../commands/replies.js';
import { paperTldr, toCard } from '../../../src/core/cards.js';
import type { Paper } from '../../../src/core/paper.js';
import { parseHfApi } from '../../../src/core/parse/hf-api.js';
import { fieldsFromPaper, mergeFields, mergeStored, sameFields } from '../../../src/core/store/merge.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { extractTldr, TLDR_MAX_CHARS } from '../../../src/core/tldr/extract-tldr.js';
import { splitSentences, trimAtWord } from '../../../src/core/tldr/sentences.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hf-ai-summary/2025-08-29.json');
const tempDir = useTempDirs();

describe('extractive TL;DR', () => {
  it('splits sentences but not at e.g., et al., initials or decimals', () => {
    expect(splitSentences('Models fail, e.g. on long inputs. Smith et al. showed it. We reach 3.5 points. J. Doe agrees!  (Really.)')).toEqual([
      'Models fail, e.g. on long inputs.',
      'Smith et al. showed it.',
      'We reach 3.5 points.',
      'J. Doe agrees!',
      '(Really.)',
    ]);
    expect(splitSentences('  ')).toEqual([]);
  });

  it('picks the sentence that states the contribution, not the background', () => {
    const abstract =
      'Large language models are widely used for many tasks in natural language processing. However, they often hallucinate facts. ' +
      'To address this, we propose RetroCheck, a retrieval-based verifier that checks each generated claim against sources. ' +
      'Experiments on five benchmarks show gains of 12 points.';
    expect(extractTldr('RetroCheck: Verifying Claims with Retrieval', abstract)).toBe(
      'To address this, we propose RetroCheck, a retrieval-based verifier that checks each generated claim against sources.',
    );
    // Without a contribution sentence, the one sharing most title words wins over the first.
    expect(extractTldr('Sparse attention for protein folding', 'Proteins matter in biology. Sparse attention speeds up protein folding models tenfold. Code is out.')).toBe(
      'Sparse attention speeds up protein folding models tenfold.',
    );
    expect(extractTldr('T', '')).toBeUndefined();
  });

  it('trims a long sentence at a word boundary to the limit', () => {
    const long = `We propose ${'a very long method name '.repeat(20)}that works.`;
    const tldr = extractTldr('Method', long)!;
    expect(tldr.length).toBeLessThanOrEqual(TLDR_MAX_CHARS);
    expect(tldr.endsWith('…')).toBe(true);
    expect(long.startsWith(tldr.slice(0, -1))).toBe(true);
    expect(long[tldr.length - 1]).toBe(' ');
    expect(trimAtWord('short', 10)).toBe('short');
  });
});

describe("Hugging Face's ai_summary", () => {
  it('is kept by the parser, stored, merged without loss, and shown first on the card', async () => {
    const parsed = parseHfApi(fs.readFileSync(FIXTURE, 'utf8'), { fileName: '2025-08-29.json' });
    const raw = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Array<{ paper: { id: string; ai_summary?: string } }>;
    expect(parsed.papers.map((p) => p.aiSummary)).toEqual(raw.map((e) => e.paper.ai_summary));

    const store = createSqlitePaperStore(openDatabase(path.join(tempDir(), 'papers.db')));
    await store.ingest({ source: 'hf-api', papers: parsed.papers });
    const [withSummary, , without] = await store.getPapers(parsed.papers.map((p) => p.id));
    expect(withSummary!.aiSummary).toBe(raw[0]!.paper.ai_summary);
    expect(without!.aiSummary).toBeUndefined();
    // Not stored: the card extracts it when it shows the paper.
    expect(without!.tldr).toBeUndefined();

    // The same paper from a source without a summary (an arXiv feed) keeps HF's; re-ingesting changes nothing.
    const fromFeed = { ...parsed.papers[0]!, source: 'arxiv-rss' as const, aiSummary: undefined, abstract: `${parsed.papers[0]!.abstract} More.` };
    expect((await store.ingest({ source: 'arxiv-rss', papers: [fromFeed] })).merged).toBe(1);
    const merged = (await store.getPaper(parsed.papers[0]!.id))!;
    expect(merged.aiSummary).toBe(raw[0]!.paper.ai_summary);
    expect(merged.tldr).toBeUndefined();
    expect((await store.ingest({ source: 'hf-api', papers: parsed.papers })).unchanged).toBe(3);

    const hfCard = toCard(merged);
    expect(hfCard.tldr).toEqual({ text: raw[0]!.paper.ai_summary, source: 'hf' });
    expect(cardLines(hfCard)[1]).toBe(`TL;DR (Hugging Face): ${raw[0]!.paper.ai_summary}`);
    const extractedCard = toCard(without!);
    expect(extractedCard.tldr?.source).toBe('extracted');
    const extracted = extractTldr(without!.title, without!.abstract);
    expect(extracted).toMatch(/\w{3}/);
    expect(cardLines(extractedCard)[1]).toBe(`TL;DR (from the abstract): ${extracted}`);
    expect(paperTldr({ title: 'T', abstract: '' })).toBeUndefined();
    await store.close();
  });
});

describe('a TL;DR stored by an earlier version', () => {
  // Versions before this one extracted the TL;DR at ingest and stored it in papers.tldr.
  const old = { ...fieldsFromPaper(paper('We propose Alpha, a method that works on graphs.')), tldr: 'Stored line.' };

  it('is shown while the text it came from stays, and dropped when the abstract changes', () => {
    expect(paperTldr(old)).toEqual({ text: 'Stored line.', source: 'extracted' });
    const again = mergeFields(old, paper('We propose Alpha, a method that works on graphs.'));
    expect(again.tldr).toBe('Stored line.');
    expect(sameFields(old, again)).toBe(true);
    const longer = mergeFields(old, paper('We propose Alpha, a method that works on graphs. It also works on trees.'));
    expect(longer.tldr).toBeUndefined();
    expect(paperTldr(longer)).toEqual({ text: 'We propose Alpha, a method that works on graphs.', source: 'extracted' });
    expect(mergeStored(old, fieldsFromPaper(paper('Short.'))).tldr).toBe('Stored line.');
    expect(mergeStored(fieldsFromPaper(paper('Short.')), old).tldr).toBeUndefined();
  });

  function paper(abstract: string): Paper {
    return { id: '2401.00001', title: 'Alpha for graphs', abstract, authors: ['A. B.'], links: [], keywords: [], categories: [], flags: [], source: 'arxiv-rss' };
  }
});
