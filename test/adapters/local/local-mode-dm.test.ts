import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalPublisher } from '../../../src/adapters/local/local-publisher.js';
import { LOCAL_CALLER, runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { createBot, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { topicOf, topicPapers } from '../../core/recommend/topic-papers.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function start(opts: { fitted?: boolean } = {}) {
  const dir = tempDir();
  const clock = createFakeClock('2024-01-04T06:00:00Z');
  bot = await createBot({ dataDir: dir, clock });
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await bot.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  // A running bot has fitted its model by then (the bot answers "still learning" until it has).
  if (opts.fitted !== false) await bot.recommender.sync();
  const terminal = sink();
  bot.digests.setPublisher(createLocalPublisher(terminal.out));
  const b = bot;
  return {
    clock,
    terminal,
    async type(...lines: string[]): Promise<string> {
      const mark = terminal.text().length;
      await runLocalMode({ chat: b.chat, input: Readable.from([lines.join('\n') + '\n']), output: terminal.out, exportDir: join(dir, 'exports') });
      return terminal.text().slice(mark);
    },
  };
}

/**
 * A reader with 3 bookmarks subscribed to a personal digest of 3, posted at 08:00 Berlin: the first
 * card after the header, its paper and the message id to react to.
 */
async function firstPersonalCard() {
  const t = await start();
  await t.type('/papers for-me subscribe --time 08:00 --tz Europe/Berlin --top 3');
  for (const id of ['2401.10000', '2401.10001', '2401.10002']) await bot!.bookmarks.add(LOCAL_CALLER, id);
  t.clock.set('2024-01-04T07:00:00Z');
  const mark = t.terminal.text().length;
  await bot!.digests.tick();
  const dm = t.terminal.text().slice(mark);
  const card = dm.slice(dm.indexOf('id 2401.'));
  const paperId = /id (2401\.\d+)/.exec(card)![1]!;
  const messageId = /\(react (local-post-\d+) 🔖 to bookmark\)/.exec(card)![1]!;
  return { t, card, paperId, messageId };
}

describe('the personal digest by direct message in the local mode', () => {
  it('for-me subscribe prints the day’s picks under [#dm-<user>] at the chosen time; unsubscribe stops them', async () => {
    const t = await start();
    const sub = await t.type('/papers for-me subscribe --time 08:00 --tz Europe/Berlin --days mon-fri --top 3');
    expect(sub).toMatch(/^Subscribed: your recommendations by direct message, 08:00 Europe\/Berlin, Mon–Fri, top 3\. Next: .*2024-01-04.*It starts once you have 3 bookmarks: bookmark 3 more papers\./m);
    for (const id of ['2401.10000', '2401.10001', '2401.10002']) await bot!.bookmarks.add(LOCAL_CALLER, id);

    t.clock.set('2024-01-04T07:00:00Z');
    const mark = t.terminal.text().length;
    await bot!.digests.tick();
    const dm = t.terminal.text().slice(mark);
    expect(dm).toMatch(/^\[#dm-local-user\] 📬 Your papers for today: 3 picked from your 3 bookmarks/m);
    const posted = [...dm.matchAll(/id (2401\.\d+)/g)].map((m) => m[1]!);
    expect(posted).toHaveLength(3);
    expect(posted.map(topicOf)).toEqual(['graphs', 'graphs', 'graphs']);
    // Never on the channel itself.
    expect(dm).not.toMatch(/^\[#local\]/m);
    // The channel listing keeps a reader's personal digest to themselves.
    expect(await t.type('/papers subscriptions')).toContain('No channel here has a digest.');

    expect(await t.type('/papers for-me unsubscribe')).toContain('Unsubscribed: no more recommendations by direct message.');
    t.clock.set('2024-01-05T07:00:00Z');
    const mark2 = t.terminal.text().length;
    await bot!.digests.tick();
    expect(t.terminal.text().slice(mark2)).toBe('');
  });

  it('while the recommender has no model yet, the due digest waits (the minute is not lost for others) and goes out at a tick after the fit', async () => {
    const t = await start({ fitted: false });
    await t.type('/papers for-me subscribe --time 08:00 --tz Europe/Berlin --top 3');
    for (const id of ['2401.10000', '2401.10001', '2401.10002']) await bot!.bookmarks.add(LOCAL_CALLER, id);
    t.clock.set('2024-01-04T07:00:00Z');
    const mark = t.terminal.text().length;
    const first = await bot!.digests.tick();
    expect(first.planned).toBe(0);
    expect(t.terminal.text().slice(mark)).toBe('');
    // The refused plan started the first fit; once it is done the next tick sends the day's picks, once.
    await bot!.recommender.idle();
    t.clock.set('2024-01-04T07:01:00Z');
    await bot!.digests.tick();
    t.clock.set('2024-01-04T07:02:00Z');
    await bot!.digests.tick();
    const dm = t.terminal.text().slice(mark);
    expect(dm.match(/^\[#dm-local-user\] 📬 Your papers for today/gm)).toHaveLength(1);
    expect([...dm.matchAll(/id (2401\.\d+)/g)].map((m) => topicOf(m[1]!))).toEqual(['graphs', 'graphs', 'graphs']);
  });

  it('react local-post-N 🔖 on a card of the personal digest bookmarks it; unreact takes it back; a post no digest recorded is named', async () => {
    const { t, paperId, messageId } = await firstPersonalCard();
    expect(await bot!.bookmarks.has(LOCAL_CALLER, paperId)).toBe(false);

    expect(await t.type(`react ${messageId} 🔖`)).toMatch(/^🔖 Bookmarked ".+"\./m);
    expect(await bot!.bookmarks.has(LOCAL_CALLER, paperId)).toBe(true);
    expect(await t.type(`unreact ${messageId} 🔖`)).toMatch(/^Removed ".+" from your bookmarks\./m);
    expect(await bot!.bookmarks.has(LOCAL_CALLER, paperId)).toBe(false);
    expect(await t.type('react local-post-99 🔖')).toContain('Message local-post-99 shows no paper.');
  });

  it('react local-post-N 👎 on a card of the personal digest is Not interested for its reader, bookmarking nothing; unreact undoes; 👎 elsewhere is refused', async () => {
    const { t, card, paperId, messageId } = await firstPersonalCard();
    // The post says so, as the platforms show a Not interested button on it.
    expect(card).toContain(`(react ${messageId} 👎 if not interested; unreact undoes)`);
    const bookmarked = (await bot!.bookmarks.list(LOCAL_CALLER, { limit: 10 })).paperIds.sort();

    const said = await t.type(`react ${messageId} 👎`);
    expect(said).toMatch(/^Not interested in ".+": \/papers for-me will not show it again/m);
    expect(said).toContain(`→ Undo: unreact ${messageId} 👎`);
    expect(await bot!.storage.feedback.dismissed(LOCAL_CALLER, 10)).toEqual([paperId]);
    // Looking the post's paper up bookmarked nothing.
    expect((await bot!.bookmarks.list(LOCAL_CALLER, { limit: 10 })).paperIds.sort()).toEqual(bookmarked);

    expect(await t.type(`unreact ${messageId} 👎`)).toMatch(/^Undone: ".+" counts as before in \/papers for-me\./m);
    expect(await bot!.storage.feedback.dismissed(LOCAL_CALLER, 10)).toEqual([]);

    // A post no digest recorded, and a search card (not a recommendation): refused, nothing stored.
    expect(await t.type('react local-post-99 👎')).toContain('👎 (not interested) is for recommendations: a /papers for-me pick, or a post of your personal digest. Message local-post-99 is neither.');
    expect(await t.type('/papers search graph', 'react 1 👎')).toContain('Card 1 is neither.');
    expect(await bot!.storage.feedback.dismissed(LOCAL_CALLER, 10)).toEqual([]);
    expect((await bot!.bookmarks.list(LOCAL_CALLER, { limit: 10 })).paperIds.sort()).toEqual(bookmarked);
  });

  it('bad input: weekdays without subscribe, subscribe flags without subscribe, a bad zone; nothing stored', async () => {
    const t = await start();
    const out = await t.type('/papers for-me --days mon-fri', '/papers for-me --time 08:00', '/papers for-me subscribe --tz Mars/Base');
    expect(out).toContain("--days must be a whole number of days from 1 to 365, not 'mon-fri' (weekdays such as mon-fri go with for-me subscribe).");
    expect(out).toContain('--time, --tz and --top go with for-me subscribe.');
    expect(out).toMatch(/unknown time zone "Mars\/Base".*\n\/papers for-me subscribe --time 08:00 --tz Europe\/Berlin \[--days mon-fri\] \[--top 5\]/);
    expect(await bot!.storage.digests.list()).toEqual([]);
  });
});
