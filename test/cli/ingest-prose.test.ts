import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../src/core/parse/parse-digest.js';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('prose is refused as a digest', () => {
  it('papers ingest README.md: one line naming the file, exit 1, nothing stored', async () => {
    const dir = tempDir();
    const r = await runPapers(['ingest', 'README.md'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^.*README\.md: unrecognized format: Markdown or code, not a digest \(\d+ of \d+ paragraphs are headings, list items, code or tables\)$/m);
    const stats = await runPapers(['stats', '--json'], dir);
    expect(JSON.parse(stats.out)).toMatchObject({ papers: 0 });
  });

  it('Markdown notes with headings and lists are refused; a digest with one stray list line is still read', () => {
    const notes = '# Reading list\n\nSome papers I liked this week, in no order.\n\n## Merging\n\n- Model soups\n- TIES merging\n\n## Other\n\nMore thoughts later. Maybe tomorrow.\n';
    expect(() => parseDigest(Buffer.from(notes))).toThrow(/^unrecognized format: Markdown or code, not a digest \(4 of 6 paragraphs/);
    const digest =
      'Apr 22\n\nModel Soups Revisited\n\nWe average the weights of fine-tuned models. It works well across tasks and scales.\n\n- a stray bullet\n\nTIES Merging\n\nWe resolve sign conflicts when merging models. Results improve on every benchmark we tried.\n';
    expect(parseDigest(Buffer.from(digest), { now: new Date('2026-05-01') }).papers.map((p) => p.abstract)).toEqual([
      'We average the weights of fine-tuned models. It works well across tasks and scales.',
      '',
      'We resolve sign conflicts when merging models. Results improve on every benchmark we tried.',
    ]);
  });

  it('a lone "|" is a broken line, not a table: a short digest with two keeps its pair; table rows still count as Markdown', () => {
    // Found by the random-digest property test: two such lines and one pair were refused as Markdown.
    const digest = '|\n\n|\n\nA\n\nWe large large a. We large large large.\n';
    const papers = parseDigest(Buffer.from(digest), { now: new Date('2026-05-01'), format: 'hf-digest-text' }).papers;
    expect(papers.find((p) => p.title === 'A')?.abstract).toBe('We large large a. We large large large.');
    const table = '| model | score |\n|---|---|\n| A | 1 |\n\nSome notes.\n\n| other | table |\n\nMore notes later.\n';
    expect(() => parseDigest(Buffer.from(table))).toThrow(/^unrecognized format: Markdown or code, not a digest \(2 of 4 paragraphs/);
  });
});
