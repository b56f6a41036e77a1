import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalPublisher } from '../../../src/adapters/local/local-publisher.js';
import { runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { createBot, ensureSampleDigest, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let bot: Bot | undefined;
afterEach(async () => bot?.close());


describe('local chat mode on the composed bot (createBot, real digest engine)', () => {
  it('subscribes, posts the digest into the terminal at its time, and a 🔖 on a posted paper bookmarks it', async () => {
    const dir = tempDir();
    const clock = createFakeClock('2026-04-25T08:00:00Z');
    bot = await createBot({ dataDir: dir, clock });
    const sample = await ensureSampleDigest(bot, join(process.cwd(), 'data', 'sample-digest.txt'));
    expect(sample).toMatchObject({ ok: true, papers: 74 });
    const terminal = sink();
    bot.digests.setPublisher(createLocalPublisher(terminal.out));
    const session = (lines: string[]) =>
      runLocalMode({ chat: bot!.chat, input: Readable.from([lines.join('\n') + '\n']), output: terminal.out, exportDir: join(dir, 'exports') });

    await session(['/papers subscribe --time 09:00 --tz UTC --top 3', '/papers subscriptions', '/papers digest preview']);
    expect(terminal.text()).toMatch(/^Subscribed: 09:00 UTC/m);
    expect(terminal.text()).not.toContain('[#local]');

    clock.set('2026-04-25T09:00:30Z');
    await bot.digests.tick();
    const posted = terminal.text();
    expect(posted.match(/^\[#local\] /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(posted).toContain('(react local-post-2 🔖 to bookmark)');

    await session(['react local-post-2 🔖', '/papers bookmarks', '/papers bookmarks export markdown']);
    const after = terminal.text().slice(posted.length);
    expect(after).toMatch(/^🔖 Bookmarked ".+"\.$/m);
    expect(after).toMatch(/^Your bookmarks \(1\)/m);
    expect(after).toMatch(/Saved to .*bookmarks-2026-04-25\.md/);
    // The same paper is never posted to the channel twice: a second tick the same day posts nothing.
    await bot.digests.tick();
    expect(terminal.text().slice(posted.length + after.length)).not.toContain('[#local]');
  });
});
