import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { MAX_PAPERS_PER_INPUT } from '../../../src/core/parse/validate-papers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

// The real `papers ingest` path (openCore: parser, SQLite store, search index) in a child process
// with a 96 MB heap. One million `{}` entries (2.9 MB) took 910 MB and 82 s before; a heap this small
// then died with "JavaScript heap out of memory".
const CHILD = `
import { openCore } from './src/core/open-core.ts';
const [file, dataDir] = process.argv.slice(2);
const core = await openCore({ dataDir });
const r = await core.ingest.ingestFile(file);
await core.close();
console.log(JSON.stringify(r.ok ? { ok: true, papers: r.papers, warnings: r.warnings } : r));
`;

describe('memory bounded per JSON input', () => {
  it('a million {} entries in a small heap: refused with a count, no crash', () => {
    const dir = tempDir();
    const file = join(dir, 'million.json');
    writeFileSync(file, `[${Array(1_000_000).fill('{}').join(',')}]`);
    const script = join(process.cwd(), `bounded-child-${process.pid}.mts`);
    writeFileSync(script, CHILD);
    try {
      const r = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', script, file, join(dir, 'data')], { encoding: 'utf8' });
      expect(r.stderr).not.toMatch(/heap out of memory/);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ ok: false, origin: file, error: `${file}: no valid paper (entry 1: skipped, title: missing)` });
    } finally {
      rmSync(script, { force: true });
    }
  }, 120_000);

  it('keeps the first 50 skipped entries as text and counts the rest, in JSON and JSON lines', () => {
    const good = '{"paper": {"id": "2401.00001", "title": "Kept", "summary": "An abstract."}}';
    const hf = parseDigest(Buffer.from(`[${[good, ...Array(3000).fill('{}')].join(',')}]`));
    expect(hf.papers.map((p) => p.title)).toEqual(['Kept']);
    expect(hf.warnings).toHaveLength(51);
    expect(hf.warnings[0]).toBe('entry 2: skipped, title: missing');
    expect(hf.warnings[50]).toBe('... and 2950 more warnings');

    const lines = ['{"id": "2401.00002", "title": "Kept", "summary": "x"}', ...Array(100).fill('not json'), ...Array(100).fill('{}')].join('\n');
    const jl = parseDigest(Buffer.from(lines), { format: 'arxiv-jsonl' });
    expect(jl.papers).toHaveLength(1);
    expect(jl.warnings).toHaveLength(51);
    expect(jl.warnings[50]).toBe('... and 150 more warnings');
  });

  it('an entry too large to be a paper is skipped without being built; a list of made-up papers past the cap is refused', () => {
    const huge = `{"paper": {"id": "2401.00003", "title": "Huge", "authors": [${Array(150_000).fill('{}').join(',')}]}}`;
    const good = '{"paper": {"id": "2401.00001", "title": "Kept", "summary": "An abstract."}}';
    const r = parseDigest(Buffer.from(`[${good},${huge}]`));
    expect(r.papers.map((p) => p.title)).toEqual(['Kept']);
    expect(r.warnings).toEqual(['entry 2: skipped, too large to be a paper (more than 100000 JSON values)']);

    const many = `[${Array.from({ length: MAX_PAPERS_PER_INPUT + 1 }, (_, i) => `{"title":"t${i}"}`).join(',')}]`;
    expect(() => parseDigest(Buffer.from(many))).toThrow(`more than ${MAX_PAPERS_PER_INPUT} papers in one input (stopped at entry ${MAX_PAPERS_PER_INPUT + 1}); split it into smaller files`);
  });
});

describe('memory bounded per XML input', () => {
  it('a feed of more tags than any real one is refused before it is built', async () => {
    const { MAX_XML_TAGS } = await import('../../../src/core/parse/xml.js');
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${'<item/>'.repeat(MAX_XML_TAGS)}</channel></rss>`;
    expect(() => parseDigest(Buffer.from(feed))).toThrow(`too many XML elements for one feed (${MAX_XML_TAGS + 1} tags, at most ${MAX_XML_TAGS}); split it into smaller files`);
  });
});

describe('memory bounded per text input', () => {
  it('a text of more lines than any digest is refused before it is split', async () => {
    const { MAX_DIGEST_LINES } = await import('../../../src/core/parse/hf-digest-text.js');
    const text = 'Word\n\n'.repeat(MAX_DIGEST_LINES);
    expect(() => parseDigest(Buffer.from(text))).toThrow(`too many lines for a text digest (more than ${MAX_DIGEST_LINES}); split it into smaller files`);
  });
});
