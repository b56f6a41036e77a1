import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CALLER, runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { runPapers } from '../../helpers/run-cli.js';
import { sink } from '../../adapters/local/sink.js';
import { trendsBot } from './trends-env.js';

describe('/papers trends, the local mode and `papers trends --out`', () => {
  let env: Awaited<ReturnType<typeof trendsBot>>;
  beforeAll(async () => {
    env = await trendsBot();
  }, 60_000);
  afterAll(() => env?.close());

  it('replies in the channel with the picture, the top five topics in the text and a search button each', async () => {
    const reply = await env.bot.chat.handleText('trends --weeks 4', { ...LOCAL_CALLER, platform: 'slack', workspaceId: 'T1' });
    expect(reply.error).toBeUndefined();
    expect(reply.ephemeral).toBe(false);
    expect(reply.image?.name).toBe('papers-trends-2025-08-29.png');
    expect(PNG.sync.read(Buffer.from(reply.image!.data)).width).toBe(reply.image!.width);
    expect(reply.text).toMatch(/^The week in papers, 2025-08-23 to 2025-08-29: \d+ papers/);
    const lines = reply.text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(lines).toHaveLength(5);
    const topics = lines.map((l) => /^\d\. (.+) — /.exec(l)![1]);
    expect(reply.actions).toEqual(topics.map((t) => ({ kind: 'run', label: `Search: ${t}`, command: 'search', args: { topic: t } })));
    // Pressing one runs the search for that topic.
    const search = await env.bot.chat.handleAction(reply.actions![0]!, LOCAL_CALLER);
    expect(search.cards?.length).toBeGreaterThan(0);
  });

  it('refuses --weeks outside 1..26 with the usage line', async () => {
    const reply = await env.bot.chat.handleText('trends --weeks 27', LOCAL_CALLER);
    expect(reply.error).toBe(true);
    expect(reply.text).toContain('/papers trends [--weeks N]');
  });

  it('the local mode writes the picture and prints its path', async () => {
    const exportDir = join(env.dir, 'exports');
    const { out, text } = sink();
    await runLocalMode({ chat: env.bot.chat, input: Readable.from(['/papers trends\n']), output: out, exportDir });
    const path = /^Picture saved to (.+\.png)$/m.exec(text())?.[1];
    expect(path).toBe(join(exportDir, 'papers-trends-2025-08-29.png'));
    expect(PNG.sync.read(readFileSync(path!)).height).toBeGreaterThan(500);
    expect(text()).toContain('Search: ');
  });

  it('`papers trends --out FILE.png` writes the file and prints its path; a week without papers draws nothing', async () => {
    await env.bot.close();
    const file = join(env.dir, 'week.png');
    const ok = await runPapers(['trends', '--out', file, '--weeks', '2'], join(env.dir, 'data'));
    expect(ok.code).toBe(0);
    expect(ok.out).toBe(`${file}\n`);
    expect(ok.err).toContain('over the 2 weeks before');
    expect(PNG.sync.read(readFileSync(file)).width).toBeGreaterThan(900);

    const emptyFile = join(env.dir, 'empty.png');
    const empty = await runPapers(['trends', '--out', emptyFile, '--end', '2026-03-06'], join(env.dir, 'data'));
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('No papers in the week 2026-02-28 to 2026-03-06');
    expect(existsSync(emptyFile)).toBe(false);

    const bad = await runPapers(['trends', '--weeks', '40'], join(env.dir, 'data'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--weeks needs a whole number from 1 to 26');
  });
});
