import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { recommendCommand } from '../../src/cli/recommend-command.js';
import { silentLogger } from '../../src/core/logger.js';
import { createRecommender } from '../../src/core/recommend/recommender.js';
import { openDatabase } from '../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../src/core/store/ports.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { topicOf, topicPapers } from '../core/recommend/topic-papers.js';

const tempDir = useTempDirs();
let store: PaperStore | undefined;
afterEach(async () => store?.close());

async function env() {
  store = createSqlitePaperStore(openDatabase(join(tempDir(), 'papers.db')));
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  return { store, recommender: createRecommender({ store, logger: silentLogger }) };
}

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

describe('papers recommend', () => {
  it('prints the search JSON schema with `because`, never a given paper', async () => {
    const deps = await env();
    const s = streams();
    const code = await recommendCommand(['2401.20000', 'arxiv.org/abs/2401.20001v2', '--json', '--limit', '4'], s.io, deps);
    expect(s.err()).toBe('');
    expect(code).toBe(0);
    const j = JSON.parse(s.out());
    expect(j).toMatchObject({ query: 'recommend:2401.20000,2401.20001', page: 1, limit: 4, total: 118 });
    expect(j.results).toHaveLength(4);
    for (const [i, r] of j.results.entries()) {
      expect(r).toMatchObject({ rank: i + 1, url: `https://arxiv.org/abs/${r.id}` });
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'title', 'score', 'authors', 'links', 'digestDates', 'snippet', 'snippetText', 'because']));
      expect(topicOf(r.id)).toBe('speech');
      expect(['2401.20000', '2401.20001']).not.toContain(r.id);
      expect(r.because.length).toBeGreaterThan(0);
      expect(r.snippetText).toContain(`**`);
    }
  });

  it('keeps to --since/--until, pages, and takes --not', async () => {
    const deps = await env();
    const s = streams();
    expect(await recommendCommand(['2401.30000', '--since', '2024-01-02', '--until', '2024-01-02', '--page', '2', '--limit', '3', '--json'], s.io, deps)).toBe(0);
    const j = JSON.parse(s.out());
    expect(j.results.map((r: { rank: number }) => r.rank)).toEqual([4, 5, 6]);
    for (const r of j.results) expect(r.digestDates).toEqual(['2024-01-02']);
    const t = streams();
    expect(await recommendCommand(['2401.30000', '2401.10000', '--not', '2401.30001', '2401.30002', '2401.30003', '--limit', '10'], t.io, deps)).toBe(0);
    expect(t.out()).toMatch(/^1\. /m);
    expect(t.out()).toMatch(/because: /);
    expect(t.out()).not.toMatch(/2401\.3000[0-3]/);
  });

  it('names unknown ids in one line and skips them; all unknown is exit 2', async () => {
    const deps = await env();
    const s = streams();
    expect(await recommendCommand(['2401.10001', '9999.99999', 'nope', '--json'], s.io, deps)).toBe(0);
    expect(s.err()).toBe('papers: unknown paper ids skipped: 9999.99999, nope\n');
    expect(JSON.parse(s.out()).results.length).toBe(5);
    const t = streams();
    expect(await recommendCommand(['9999.99999'], t.io, deps)).toBe(2);
    expect(t.err()).toMatch(/none of the papers .* is in the store/);
    expect(t.out()).toBe('');
  });

  it('refuses --since after --until and a missing id', async () => {
    const deps = await env();
    const s = streams();
    expect(await recommendCommand(['2401.10001', '--since', '2024-02-01', '--until', '2024-01-01'], s.io, deps)).toBe(2);
    expect(s.err()).toMatch(/--since 2024-02-01 is after --until 2024-01-01/);
    const t = streams();
    expect(await recommendCommand(['--limit', '3'], t.io, deps)).toBe(2);
    expect(t.err()).toMatch(/give at least one paper id/);
  });
});
