import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { SEED_DIGEST } from '../helpers/test-data.js';

const tempDir = useTempDirs();
const PROSE = resolve(import.meta.dirname, '../fixtures/prose');
const TOLERANT = resolve(import.meta.dirname, '../fixtures/digests/tolerant-digest.txt');
// Licence texts and plain-text notes (see NOTICE.md), none of them Markdown: the old reader took each as a digest.
const proseFiles = readdirSync(PROSE).filter((f) => f !== 'NOTICE.md');

async function storedPapers(data: string): Promise<number> {
  return JSON.parse((await runPapers(['stats', '--json'], data)).out).papers;
}

describe('papers ingest refuses licences and prose by their words', () => {
  for (const name of proseFiles) {
    it(`${name}: exit 1, one line naming the file, nothing stored`, async () => {
      const data = tempDir();
      const file = join(PROSE, name);
      const r = await runPapers(['ingest', file], data);
      expect(r.code).toBe(1);
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^papers: \S+: unrecognized format: prose, not a digest \(\d+ of \d+ abstract paragraphs read like a licence or documentation \(".+"\), 0 like a paper's\)$/);
      expect(lines[0]).toContain(file);
      expect(await storedPapers(data)).toBe(0);
    });
  }

  it('a folder of them (as an inbox would hold): one line per file, nothing stored', async () => {
    const data = tempDir();
    const dir = tempDir();
    for (const name of proseFiles) copyFileSync(join(PROSE, name), join(dir, name));
    const r = await runPapers(['ingest', dir], data);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(proseFiles.length);
    for (const name of proseFiles) expect(lines.filter((l) => l.includes(name) && l.includes('prose, not a digest'))).toHaveLength(1);
    expect(await storedPapers(data)).toBe(0);
  });
});

describe('real digests still ingest', () => {
  const tolerant = readFileSync(TOLERANT, 'utf8');
  const seed = readFileSync(SEED_DIGEST, 'utf8');
  const variants: Record<string, [string, number]> = {
    'CRLF, no header, a one-word title': [tolerant.replace(/\n/g, '\r\n'), 5],
    'BOM, no header': [`\uFEFF${tolerant}`, 5],
    'the seed digest with BOM and CRLF': [`\uFEFF${seed.replace(/\n/g, '\r\n')}`, 74],
    'the seed digest without its header lines': [seed.split('\n\n').slice(5).join('\n\n'), 74],
    // A paper about licences uses their words, and a paper's too.
    'a paper about software licences': [
      'Licence Drift in Open Models\n\nWe study the license terms of 2,000 open models and their datasets. Copyright notices are missing in 31% of model cards; we propose a checker that finds them with 94.2% accuracy.\n',
      1,
    ],
  };
  for (const [name, [text, papers]] of Object.entries(variants)) {
    it(name, async () => {
      const data = tempDir();
      const file = join(tempDir(), '2025-01-02.txt');
      writeFileSync(file, text);
      const r = await runPapers(['ingest', file, '--json'], data);
      expect(r.err).not.toMatch(/not a digest|unrecognized/);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).totals).toMatchObject({ failed: 0, papers });
      expect(await storedPapers(data)).toBe(papers);
    });
  }
});
