import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { searchCommand, similarCommand } from '../../src/cli/search-command.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { seedPapers } from '../core/search/seed-papers.js';
import { searchEnv } from '../core/search/search-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
afterEach(async () => env?.close());

function streams() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin, stdout, stderr }, stdin, stdout: () => out, stderr: () => err };
}

describe('papers search', () => {
  it('prints numbered results with id, date and marked snippet', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const s = streams();
    expect(await searchCommand(['model', 'merging', '--limit', '3'], s.io, env)).toBe(0);
    expect(s.stdout()).toMatch(/^1\. .*Merging/m);
    expect(s.stdout()).toMatch(/^3\. /m);
    expect(s.stdout()).toMatch(/2023-04-22/);
    expect(s.stdout()).toMatch(/\*\*merging\*\*/i);
    expect(s.stdout()).toMatch(/Next: papers search model merging --limit 3 --page 2|Next: .* --page 2/);
  });

  it('prints the documented JSON', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const s = streams();
    expect(await searchCommand(['mergng', '--json', '--since', '2023-01-01'], s.io, env)).toBe(0);
    const j = JSON.parse(s.stdout());
    expect(j).toMatchObject({ query: 'mergng', page: 1, limit: 5 });
    expect(j.results[0]).toMatchObject({ rank: 1, digestDates: ['2023-04-22'] });
    expect(typeof j.results[0].id).toBe('string');
    expect(j.results[0].snippet.some((p: { hit?: boolean }) => p.hit)).toBe(true);
    expect(j.results[0].snippetText).toMatch(/\*\*/);
  });

  it('answers stdin queries one JSON line each, as each line arrives', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const s = streams();
    const done = searchCommand(['-', '--json', '--limit', '2'], s.io, env);
    s.stdin.write('model merging\n');
    await expect.poll(() => s.stdout().split('\n').filter(Boolean).length).toBe(1);
    expect(JSON.parse(s.stdout().trim()).results).toHaveLength(2);
    s.stdin.write('\nthe of\n');
    s.stdin.end('transfomer');
    expect(await done).toBe(0);
    const lines = s.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['model merging', '', 'the of', 'transfomer']);
    expect(lines[1].notice).toBeTruthy();
    expect(lines[2].notice).toBeTruthy();
    expect(lines[3].results.length).toBeGreaterThan(0);
  });

  it('rejects bad flags with usage and exit code 2', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    for (const argv of [['x', '--limit', '99'], ['x', '--since', 'yesterday'], ['x', '--source', 'twitter'], ['x', '--bogus'], []]) {
      const s = streams();
      expect(await searchCommand(argv, s.io, env)).toBe(2);
      expect(s.stderr()).toMatch(/usage|say what/);
    }
  });
});

describe('papers similar', () => {
  it('lists papers like the given one, and says so for an unknown id', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const id = (await env.search.search({ text: 'AdaMerging' })).hits[0]!.paper.id;
    const s = streams();
    expect(await similarCommand([id, '--json'], s.io, env)).toBe(0);
    const j = JSON.parse(s.stdout());
    expect(j.results.length).toBeGreaterThan(0);
    expect(j.results.map((r: { id: string }) => r.id)).not.toContain(id);
    const u = streams();
    expect(await similarCommand(['nope'], u.io, env)).toBe(1);
    expect(u.stdout()).toMatch(/No paper/);
  });
});
