import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalPublisher } from '../../../src/adapters/local/local-publisher.js';
import { runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { createBot, ensureSampleDigest, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { sink } from './sink.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';

const tempDir = useTempDirs();
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});


/** The terminal and a way to type lines into it; `since()` is what was printed after a mark. */
async function terminalOn(b: Bot, dir: string) {
  const terminal = sink();
  b.digests.setPublisher(createLocalPublisher(terminal.out));
  let mark = 0;
  return {
    async type(...lines: string[]): Promise<string> {
      mark = terminal.text().length;
      await runLocalMode({ chat: b.chat, input: Readable.from([lines.join('\n') + '\n']), output: terminal.out, exportDir: join(dir, 'exports') });
      return terminal.text().slice(mark);
    },
  };
}

const subscriptionRows = (dir: string) => (peekSqlite(dir).prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;

describe('digest commands in the local chat mode, on the real digest engine and SQLite', () => {
  it('subscribe, list, preview, post now (once), unsubscribe', async () => {
    const dir = tempDir();
    bot = await createBot({ dataDir: dir, clock: createFakeClock('2026-04-25T08:00:00Z') });
    expect(await ensureSampleDigest(bot, join(process.cwd(), 'data', 'sample-digest.txt'))).toMatchObject({ ok: true, papers: 74 });
    const t = await terminalOn(bot, dir);

    const sub = await t.type('/papers subscribe --time 09:30 --tz Europe/Berlin --days mon-fri --top 3', '/papers subscriptions');
    // 2026-04-25 is a Saturday: the next weekday slot is Monday's.
    expect(sub).toMatch(/^Subscribed: 09:30 Europe\/Berlin, Mon–Fri, top 3\. Next digest: .*2026-04-27/m);
    expect(sub).toMatch(/^Digest subscriptions \(1\):\n• local \(this channel\): 09:30 Europe\/Berlin, Mon–Fri, top 3 — next: /m);
    expect(subscriptionRows(dir)).toBe(1);

    const preview = await t.type('/papers digest preview');
    expect(preview).toMatch(/^Preview of this channel's next digest \(09:30 Europe\/Berlin, Mon–Fri, top 3\):$/m);
    expect(preview).toMatch(/^📰 Papers of \S+ · Hugging Face Daily Papers · top 3 of 74 new$/m);
    const previewed = [1, 2, 3].map((n) => new RegExp(`^${n}\\. (.+)$`, 'm').exec(preview)?.[1]);
    expect(previewed.every(Boolean)).toBe(true);
    const sample = readFileSync(join(process.cwd(), 'data', 'sample-digest.txt'), 'utf8');
    for (const title of previewed) expect(sample).toContain(title!);
    // A preview posts nothing.
    expect(preview).not.toContain('[#local]');

    const now = await t.type('/papers digest now');
    const posts = now.match(/^\[#local\] .+$/gm) ?? [];
    expect(posts[0]).toMatch(/^\[#local\] 📰 Papers of \S+ · Hugging Face Daily Papers · top 3 of 74 new$/);
    // One message per paper, the same papers, in the order the preview listed them.
    expect(posts.slice(1)).toEqual(previewed.map((title) => `[#local] ${title}`));
    expect(now).toMatch(/^Posted 3 papers to this channel\.$/m);
    expect(now.match(/\(react local-post-\d+ 🔖 to bookmark\)/g)).toHaveLength(3);

    const again = await t.type('/papers digest now', '/papers digest preview');
    expect(again).not.toContain('[#local]');
    expect(again).toContain('Nothing new to post: every recent paper was already posted here.');
    expect(again).toMatch(/^Preview of this channel's next digest .*: nothing new to post\.$/m);

    const off = await t.type('/papers unsubscribe', '/papers subscriptions');
    expect(off).toContain('Unsubscribed: this channel gets no more digests.');
    expect(off).toContain('No channel here has a digest.');
    expect(subscriptionRows(dir)).toBe(0);
  });

  it('a bad time zone is refused with a clear error and the usage line; nothing is stored', async () => {
    const dir = tempDir();
    bot = await createBot({ dataDir: dir, clock: createFakeClock('2026-04-25T08:00:00Z') });
    await ensureSampleDigest(bot, join(process.cwd(), 'data', 'sample-digest.txt'));
    const t = await terminalOn(bot, dir);
    const out = await t.type('/papers subscribe --time 09:00 --tz Mars/X', '/papers subscriptions');
    expect(out).toContain('⚠ unknown time zone "Mars/X": use an IANA name such as Europe/Berlin, America/New_York or UTC');
    expect(out).toMatch(/^\/papers subscribe --time 09:00 --tz Europe\/Berlin \[--days mon-fri\]/m);
    expect(out).not.toMatch(/^Subscribed/m);
    expect(out).toContain('No channel here has a digest.');
    expect(subscriptionRows(dir)).toBe(0);
  });
});
