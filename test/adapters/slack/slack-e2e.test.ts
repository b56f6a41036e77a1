import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { reactionEvent } from '../../fakes/slack/payloads.js';
import { blocksText, startHarness, type Harness } from './harness.js';

/** The real bot (SQLite, search, commands, digest engine) behind the real Bolt app, against the fake Slack. */

const SEED = path.resolve('../shared/data/digests/000_ef33da10a12a54aa.txt');
const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0DIGEST';

let dir: string;
let bot: Bot;
let h: Harness | undefined;
let clock: ReturnType<typeof createFakeClock>;

beforeEach(async () => {
  dir = fs.mkdtempSync(`${os.tmpdir()}/papers-`);
  clock = createFakeClock('2025-04-23T08:00:00Z');
  bot = await createBot({ dataDir: dir, clock });
  const outcome = await bot.ingest.ingestFile(SEED);
  expect(outcome.ok).toBe(true);
});

afterEach(async () => {
  await h?.stop();
  h = undefined;
  await bot.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Harness> {
  h = await startHarness(bot.chat, { adminUsers: [ADMIN] }, undefined, (p) => bot.digests.setPublisher(p));
  return h;
}

function rows(sql: string, ...params: unknown[]): unknown[] {
  return bot.db.prepare(sql).all(...params);
}

/** Subscribes CHANNEL and runs `/papers digest now` as the admin; returns the digest's chat.postMessage calls. */
async function digestNow(hh: Harness) {
  const sub = await hh.command('subscribe --time 09:00 --tz UTC --top 3', { userId: ADMIN, channelId: CHANNEL });
  expect(sub.reply.body.text).not.toMatch(/admins|error/i);
  const now = await hh.command('digest now', { userId: ADMIN, channelId: CHANNEL });
  expect(now.reply.body.text).toBeTruthy();
  return hh.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
}

describe('slack adapter end to end with createBot', () => {
  it('search round trip: real results rendered as cards with paper ids in the buttons', async () => {
    const hh = await start();
    const { status, reply } = await hh.command('search model merging');
    expect(status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    const blocks = blocksText(reply);
    expect(blocks).toContain('papers_bookmark_0');
    expect(blocks).toMatch(/<https?:\/\/[^|]+\|[^>]+>/);
    expect(String(reply.body.text).length).toBeGreaterThan(0);
  });

  it('unknown subcommands get the usage, non-admins are refused admin commands', async () => {
    const hh = await start();
    const unknown = await hh.command('frobnicate');
    expect(unknown.reply.body.response_type).toBe('ephemeral');
    expect(String(unknown.reply.body.text)).toMatch(/\/papers/);
    const refused = await hh.command('digest now', { userId: 'U0NOBODY', channelId: CHANNEL });
    expect(String(refused.reply.body.text)).toMatch(/admin/i);
    expect(hh.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('posts a digest to the channel, and a 🔖 on a posted paper adds then removes a bookmark row', async () => {
    const hh = await start();
    const posts = await digestNow(hh);
    expect(posts.length).toBeGreaterThanOrEqual(2); // header + papers
    for (const p of posts) {
      expect(p.body.unfurl_links).toBe('false');
      expect(String(p.body.text).length).toBeGreaterThan(0);
    }
    const recorded = rows('SELECT paper_id, message_id FROM posts WHERE platform = ? AND channel_id = ?', 'slack', CHANNEL) as Array<{ paper_id: string; message_id: string }>;
    expect(recorded.length).toBe(posts.length - 1);
    const target = recorded[0];

    expect(await hh.event(reactionEvent(true, 'bookmark', target.message_id, { userId: 'U0BOB', channelId: CHANNEL }))).toBe(200);
    await waitUntil(() => rows('SELECT 1 FROM bookmarks WHERE user_id = ?', 'U0BOB').length === 1);
    expect(rows('SELECT paper_id, platform, workspace_id FROM bookmarks WHERE user_id = ?', 'U0BOB')).toEqual([{ paper_id: target.paper_id, platform: 'slack', workspace_id: 'T0FAKE' }]);

    // a 🔖 on a message that shows no paper (the header is the first ts the fake hands out) is ignored
    expect(await hh.event(reactionEvent(true, 'bookmark', '1700000000.000001', { userId: 'U0CAROL', channelId: CHANNEL }))).toBe(200);
    expect(await hh.event(reactionEvent(true, 'thumbsup', target.message_id, { userId: 'U0CAROL', channelId: CHANNEL }))).toBe(200);

    expect(await hh.event(reactionEvent(false, 'bookmark', target.message_id, { userId: 'U0BOB', channelId: CHANNEL }))).toBe(200);
    await waitUntil(() => rows('SELECT 1 FROM bookmarks WHERE user_id = ?', 'U0BOB').length === 0);
    expect(rows('SELECT 1 FROM bookmarks WHERE user_id = ?', 'U0CAROL')).toEqual([]);
  });

  it('a 429 with Retry-After and 500s during a digest are retried: every paper posted exactly once', async () => {
    const hh = await start();
    // header ok; first paper: 429 (Retry-After 4), then 500, then ok; second paper: ok; third: 503, then ok
    hh.fake.script(
      'chat.postMessage',
      {},
      { status: 429, headers: { 'retry-after': '4' }, body: { ok: false, error: 'ratelimited' } },
      { status: 500, body: { ok: false } },
      {},
      {},
      { status: 503 },
    );
    const all = await digestNow(hh);
    const ok = all.filter((c) => c.status === 200 && c.body.blocks);
    const failed = all.filter((c) => c.status !== 200);
    expect(failed.map((c) => c.status)).toEqual([429, 500, 503]);
    const recorded = rows('SELECT paper_id FROM posts WHERE channel_id = ?', CHANNEL) as Array<{ paper_id: string }>;
    expect(recorded.length).toBe(3);
    expect(new Set(recorded.map((r) => r.paper_id)).size).toBe(recorded.length);
    // one successful post per planned paper plus the header, none twice
    const texts = ok.map((c) => String(c.body.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(ok.length).toBe(recorded.length + 1);
    expect(clock.slept).toContain(4000);
  });
});

describe('slack digest into a channel the bot was removed from', () => {
  it('pauses the channel after one attempt and says why', async () => {
    const hh = await start();
    hh.fake.channelErrors.set(CHANNEL, 'not_in_channel');
    const posts = await digestNow(hh);
    expect(posts).toHaveLength(1);
    const reply = hh.fake.callsTo('response_url').at(-1)!;
    expect(String(reply.body.text)).toMatch(/paused.*not_in_channel/);
    expect(rows('SELECT paused_reason FROM subscriptions WHERE channel_id = ?', CHANNEL)).toEqual([{ paused_reason: expect.stringContaining('not_in_channel') }]);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
