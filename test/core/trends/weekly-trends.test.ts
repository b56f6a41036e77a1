import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestEngine } from '../../../src/core/digest/engine.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { createRecordingPublisher } from '../../../src/core/publisher.js';
import type { Caller } from '../../../src/core/reply.js';
import { trendsBot } from './trends-env.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';
import { join } from 'node:path';

const admin = (channelId: string): Caller => ({ platform: 'slack', workspaceId: 'T1', channelId, userId: 'U1', isAdmin: true });
// Friday 2025-08-29 16:00 in Berlin (CEST, UTC+2) is 14:00 UTC.
const SLOT = '2025-08-29T14:00:00.000Z';

let env: Awaited<ReturnType<typeof trendsBot>>;
beforeEach(async () => {
  env = await trendsBot('2025-08-29T10:00:00Z');
}, 60_000);
afterEach(() => env.close());

async function subscribe(channelId: string, extra = '') {
  const r = await env.bot.chat.handleText(`subscribe --time 09:00 --tz Europe/Berlin --weekly-trends fri 16:00 ${extra}`, admin(channelId));
  expect(r.error, r.text).toBeUndefined();
  return r;
}

const trendsPosts = (pub: ReturnType<typeof createRecordingPublisher>) => pub.sent.filter((s) => s.message.image || /^(The week in papers|No papers in the week)/.test(s.message.text));

describe('the weekly trends post (--weekly-trends fri 16:00) through the digest engine', () => {
  it('is set by subscribe, shown by subscriptions and digest preview', async () => {
    const r = await subscribe('C1');
    expect(r.text).toContain('weekly trends picture Fri 16:00');
    const preview = await env.bot.chat.handleText('digest preview', admin('C1'));
    expect(preview.text).toMatch(/\nWeekly trends picture: Fri 16:00 Europe\/Berlin, next Fri 2025-08-29 16:00/);
    const off = await env.bot.chat.handleText('subscribe --time 09:00 --tz Europe/Berlin --weekly-trends off', admin('C1'));
    expect(off.text).not.toContain('weekly trends');
    expect((await env.bot.chat.handleText('digest preview', admin('C1'))).text).not.toContain('Weekly trends');
  });

  it('refuses a day or time it cannot read, with the reason', async () => {
    const bad = await env.bot.chat.handleText('subscribe --weekly-trends funday 16:00', admin('C1'));
    expect(bad.error).toBe(true);
    expect(bad.text).toContain('"funday" is not a weekday');
    const late = await env.bot.chat.handleText('subscribe --weekly-trends "fri 25:00"', admin('C1'));
    expect(late.text).toContain('"25:00" is not a time');
  });

  it('posts the picture at the channel-zone slot exactly once, with the topics and their searches', async () => {
    await subscribe('C1');
    const pub = createRecordingPublisher('slack');
    env.bot.digests.setPublisher(pub);
    env.clock.set('2025-08-29T13:59:00Z');
    await env.bot.digests.tick();
    expect(trendsPosts(pub)).toHaveLength(0);
    env.clock.set('2025-08-29T14:00:20Z');
    await env.bot.digests.tick();
    // Overlapping and later ticks in the same week add nothing.
    await Promise.all([env.bot.digests.tick(), env.bot.digests.tick()]);
    // The daily digest keeps its own schedule beside the weekly runs: Saturday 09:00 in Berlin.
    env.clock.set('2025-08-30T07:00:20Z');
    await env.bot.digests.tick();
    expect(pub.sent.filter((s) => s.message.text.startsWith('📰'))).toHaveLength(1);
    env.clock.set('2025-08-30T10:00:00Z');
    await env.bot.digests.tick();
    const posts = trendsPosts(pub);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.channelId).toBe('C1');
    expect(post!.message.text).toMatch(/^The week in papers, 2025-08-23 to 2025-08-29/);
    expect(post!.message.text).toMatch(/\nSearch them: \/papers search .+ · \/papers search /);
    expect(PNG.sync.read(Buffer.from(post!.message.image!.data)).width).toBeGreaterThan(900);
    const runs = peekSqlite(join(env.dir, 'data')).prepare(`SELECT slot, status, header_message_id FROM digest_runs WHERE slot LIKE 'trends:%'`).all();
    expect(runs).toEqual([{ slot: `trends:${SLOT}`, status: 'done', header_message_id: post!.messageId }]);
  });

  it('catches up after a restart when the slot was missed by less than the lateness limit, and skips it when later', async () => {
    await subscribe('C1');
    await subscribe('C2');
    // "Down" over the slot: a new engine over the same database starts 3 h after it.
    env.clock.set('2025-08-29T17:00:00Z');
    const logger = createRecordingLogger();
    const restarted = createDigestEngine({ store: env.bot.storage.digests, papers: env.bot.store, clock: env.clock, logger, trends: env.bot.trends, maxLatenessMs: 6 * 3600_000 });
    const pub = createRecordingPublisher('slack');
    restarted.setPublisher(pub);
    await restarted.catchUp();
    expect(trendsPosts(pub).map((p) => p.channelId).sort()).toEqual(['C1', 'C2']);

    // Next week, down from before the slot until 7 h after it: recorded as skipped and logged, not posted.
    env.clock.set('2025-09-05T21:00:00Z');
    const later = createDigestEngine({ store: env.bot.storage.digests, papers: env.bot.store, clock: env.clock, logger, trends: env.bot.trends, maxLatenessMs: 6 * 3600_000 });
    const pub2 = createRecordingPublisher('slack');
    later.setPublisher(pub2);
    await later.catchUp();
    expect(trendsPosts(pub2)).toHaveLength(0);
    const skipped = peekSqlite(join(env.dir, 'data')).prepare(`SELECT channel_id, status FROM digest_runs WHERE slot = 'trends:2025-09-05T14:00:00.000Z' ORDER BY channel_id`).all();
    expect(skipped).toEqual([
      { channel_id: 'C1', status: 'skipped' },
      { channel_id: 'C2', status: 'skipped' },
    ]);
    expect(logger.records.some((r) => String(r.msg).includes('weekly trends slot missed'))).toBe(true);
  });

  it('a week with no papers posts one short line and no chart', async () => {
    env.clock.set('2026-03-06T10:00:00Z');
    await subscribe('C1');
    const pub = createRecordingPublisher('slack');
    env.bot.digests.setPublisher(pub);
    env.clock.set('2026-03-06T15:00:30Z'); // 16:00 in Berlin (CET, UTC+1)
    await env.bot.digests.tick();
    const posts = trendsPosts(pub);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.message).toEqual({ text: 'No papers in the week 2026-02-28 to 2026-03-06, so no trends picture this time.' });
  });
});
