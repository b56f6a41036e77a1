import { searchCommand as searchDeclaration } from '../../commands/search.js';
import { validateArgs } from '../../commands/validate.js';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { searchCommand, similarCommand } from '../../src/cli/search-command.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { seedPapers } from '../core/search/seed-papers.js';
import { searchEnv } from '../core/search/search-env.js';
import { silentLogger } from '../../src/core/logger.js';
import { createPaperSearch } from '../../src/core/search/create-paper-search.js';

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

  it('groups the thousands of a large count and a deep page, as the chat heading does', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const real = await env.search.search({ text: 'merging', limit: 1 });
    expect(real.hits).toHaveLength(1);
    // The seed archive is small: the same hit, answered as page 250 of a 42,118-paper topic.
    const deep = { store: env.store, search: { ...env.search, search: async () => ({ ...real, total: 42118, page: 250, limit: 5 }) } };
    const s = streams();
    expect(await searchCommand(['merging', '--limit', '5', '--page', '250'], s.io, deep), s.stderr()).toBe(0);
    expect(s.stdout()).toMatch(/\nShowing 1,246–1,246 of 42,118\. Next: papers search merging --limit 5 --page 251\n$/);
  });

  it('a search that ranked only the newest matches says so and names --all, which ranks them all; Next keeps the flags', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    // A small cut makes the 74 seed papers an archive: at most 6 matches ranked ("reasoning" has 25).
    const cut = await createPaperSearch({ dataDir: tempDir(), store: env.store, logger: silentLogger, minAllWordsHits: 3, chatRanked: 6, maxRanked: 6, termHeads: false, exactShare: 0 });
    const uncut = await createPaperSearch({ dataDir: tempDir(), store: env.store, logger: silentLogger, minAllWordsHits: 3, chatRanked: 1e12, termHeads: false });
    try {
      const deps = { store: env.store, search: cut };
      const json = streams();
      expect(await searchCommand(['reasoning', '--limit', '2', '--json'], json.io, deps)).toBe(0);
      expect(JSON.parse(json.stdout())).toMatchObject({ newestRanked: 6, total: 25 });
      const text = streams();
      expect(await searchCommand(['reasoning', '--limit', '2', '--since', '2023-01-01'], text.io, deps)).toBe(0);
      expect(text.stdout()).toMatch(/Showing 1–2 of 25; the newest 6 ranked \(--all ranks every match\)\. Next: papers search reasoning --limit 2 --since 2023-01-01 --page 2\n$/);

      const all = streams();
      expect(await searchCommand(['reasoning', '--limit', '5', '--page', '2', '--all', '--json'], all.io, deps)).toBe(0);
      const j = JSON.parse(all.stdout());
      expect(j.newestOnly).toBeUndefined();
      expect(j.newestRanked).toBeUndefined();
      const want = await uncut.search({ text: 'reasoning', limit: 5, page: 2 });
      expect(j.total).toBe(want.total);
      expect(j.results.map((r: { id: string }) => r.id)).toEqual(want.hits.map((h) => h.paper.id));
      const allText = streams();
      expect(await searchCommand(['reasoning', '--all', '--limit', '2'], allText.io, deps)).toBe(0);
      expect(allText.stdout()).toMatch(/Showing 1–2 of 25\. Next: papers search reasoning --all --limit 2 --page 2\n$/);

      // papers similar: the same cut named, the same flag.
      const id = seedPapers()[0]!.id;
      const sim = streams();
      expect(await similarCommand([id, '--json'], sim.io, deps)).toBe(0);
      expect(JSON.parse(sim.stdout())).toMatchObject({ newestRanked: 6 });
      const simText = streams();
      expect(await similarCommand([id, '--limit', '2'], simText.io, deps)).toBe(0);
      expect(simText.stdout()).toMatch(new RegExp(`; the newest 6 ranked \\(--all ranks every match\\)\\. Next: papers similar ${id} --limit 2 --page 2\\n$`));
      const simAll = streams();
      expect(await similarCommand([id, '--all', '--limit', '4', '--page', '2', '--json'], simAll.io, deps)).toBe(0);
      const sj = JSON.parse(simAll.stdout());
      expect(sj.newestRanked).toBeUndefined();
      const simWant = await uncut.similar(id, { limit: 4, page: 2 });
      expect(sj.results.map((r: { id: string }) => r.id)).toEqual(simWant.hits.map((h) => h.paper.id));
      expect(sj.total).toBe(simWant.total);
    } finally {
      await cut.close();
      await uncut.close();
    }
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

describe('papers search flags: node:util parseArgs, then the chat command\'s zod schema', () => {
  it('says exactly what the chat command says about a bad value', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const cases: Array<[string[], Record<string, unknown>]> = [
      [['x', '--limit', '99'], { topic: 'x', limit: 99 }],
      [['x', '--page', '0'], { topic: 'x', page: 0 }],
      [['x', '--min-upvotes', 'many'], { topic: 'x', minUpvotes: 'many' }],
      [['x', '--source', 'twitter'], { topic: 'x', source: 'twitter' }],
      [[], { topic: '' }],
    ];
    for (const [argv, raw] of cases) {
      let chat = '';
      try {
        validateArgs(searchDeclaration, raw, 'text');
      } catch (err) {
        chat = (err as Error).message.replace(/\.$/, '');
      }
      expect(chat, argv.join(' ')).not.toBe('');
      const s = streams();
      expect(await searchCommand(argv, s.io, env)).toBe(2);
      expect(s.stderr().split('\n')[0]).toBe(`papers: ${chat}`);
    }
  });
});

describe('papers search dates', () => {
  it('refuses a day that does not exist, naming the flag and the date', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    for (const [flag, date] of [['--since', '2025-02-30'], ['--until', '2023-04-31'], ['--since', '2023-02-29']] as const) {
      const s = streams();
      expect(await searchCommand(['merging', flag, date], s.io, env)).toBe(2);
      // The chat command's own schema and wording (commands/search.ts).
      expect(s.stderr()).toMatch(new RegExp(`^papers: ${flag} is not a real calendar date \\(got '${date}'\\)\\nusage:`));
      expect(s.stdout()).toBe('');
    }
    const leap = streams();
    expect(await searchCommand(['merging', '--until', '2024-02-29', '--json'], leap.io, env)).toBe(0);
    expect(JSON.parse(leap.stdout()).results.length).toBeGreaterThan(0);
  });

  it('--since after --until is a usage error, not "Nothing matched"; the same day is a one-day range', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const s = streams();
    expect(await searchCommand(['merging', '--since', '2023-05-01', '--until', '2023-04-01'], s.io, env)).toBe(2);
    expect(s.stderr()).toMatch(/^papers: --since 2023-05-01 is after --until 2023-04-01\nusage:/);
    expect(s.stdout()).toBe('');
    // with stdin queries the flags are checked before a line is read
    const lines = streams();
    lines.stdin.end('merging\n');
    expect(await searchCommand(['-', '--json', '--since=2023-05-01', '--until=2023-04-01'], lines.io, env)).toBe(2);
    expect(lines.stdout()).toBe('');
    const day = streams();
    expect(await searchCommand(['merging', '--since', '2023-04-22', '--until', '2023-04-22', '--json'], day.io, env)).toBe(0);
    expect(JSON.parse(day.stdout()).results.length).toBeGreaterThan(0);
  });

  it('with stdin queries, a line whose search fails gets "error" and the next lines are still answered', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const failing = {
      store: env.store,
      search: { ...env.search, search: async (q: { text: string }) => (q.text === 'boom' ? Promise.reject(new Error('database is locked')) : env.search.search(q)) },
    };
    const s = streams();
    s.stdin.end('merging\nboom\nmerging\n');
    expect(await searchCommand(['-', '--json', '--limit', '1'], s.io, failing)).toBe(0);
    const out = s.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(out[1]).toEqual({ query: 'boom', error: 'database is locked', results: [] });
    expect(out[0].results).toHaveLength(1);
    expect(out[2].results).toHaveLength(1);
    expect(out[0].error).toBeUndefined();
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
