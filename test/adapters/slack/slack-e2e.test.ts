import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import type { Caller } from '../../../src/core/reply.js';
import { reactionEvent } from '../../fakes/slack/payloads.js';
import { blocksText, buttons, cardPaperIds, startHarness, startSeededBot, waitUntil, type Harness, type SeededBot } from './harness.js';

/** The real bot (SQLite, search, commands, digest engine) behind the real Bolt app, against the fake Slack. */

const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0DIGEST';

let seeded: SeededBot;
let bot: Bot;
let h: Harness | undefined;
let clock: SeededBot['clock'];

beforeEach(async () => {
  seeded = await startSeededBot();
  ({ bot, clock } = seeded);
});

afterEach(async () => {
  await h?.stop();
  h = undefined;
  await seeded.close();
});

async function start(): Promise<Harness> {
  h = await startHarness(bot.chat, { adminUsers: [ADMIN] }, undefined, (p) => bot.digests.setPublisher(p));
  return h;
}

function rows(sql: string, ...params: unknown[]): unknown[] {
  return seeded.rows(sql, ...params);
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

describe('slack buttons end to end with createBot', () => {
  const ALICE: Caller = { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C0GENERAL', userId: 'U0ALICE', isAdmin: false };
  const bookmarksOf = (userId: string) => rows('SELECT platform, workspace_id, paper_id FROM bookmarks WHERE user_id = ? ORDER BY paper_id', userId);
  const titleOf = (paperId: string) => (rows('SELECT title FROM papers WHERE id = ?', paperId) as Array<{ title: string }>)[0].title;

  it('Share to channel posts the paper as its own message, maps it, and a 🔖 on it bookmarks that paper', async () => {
    const hh = await start();
    const { reply } = await hh.command('search model merging');
    // the second card, so a mix-up with the first (or with index 0) shows
    const share = buttons(reply.body.blocks).filter((b) => b.text.text === 'Share to channel')[1];
    const paperId = share.value;
    expect(cardPaperIds(reply.body.blocks)[1]).toBe(paperId);

    await hh.click({ actionId: share.action_id, value: share.value }, undefined, false);
    const posted = await hh.fake.waitFor((c) => c.method === 'chat.postMessage');
    expect(posted.status).toBe(200);
    expect(posted.token).toBe('xoxb-test');
    expect(posted.body).toMatchObject({ channel: 'C0GENERAL', unfurl_links: 'false', unfurl_media: 'false' });
    expect(String(posted.body.text)).toContain(titleOf(paperId));
    // a channel message is not ephemeral and gets no Share button of its own
    expect(posted.body.response_type).toBeUndefined();
    expect(buttons(posted.body.blocks).map((b) => [b.text.text, b.value])).toEqual([
      ['🔖 Bookmark', paperId],
      ['✅ Mark read', paperId],
      ['More like this', paperId],
    ]);
    expect(hh.fake.callsTo('chat.postMessage')).toHaveLength(1);

    const ts = (posted.response as { ts: string }).ts;
    await waitUntil(() => rows('SELECT 1 FROM messages WHERE message_id = ?', ts).length > 0);
    expect(rows('SELECT platform, channel_id, paper_id FROM messages WHERE message_id = ?', ts)).toEqual([{ platform: 'slack', channel_id: 'C0GENERAL', paper_id: paperId }]);
    // sharing is not bookmarking
    expect(bookmarksOf('U0ALICE')).toEqual([]);

    expect(await hh.event(reactionEvent(true, 'bookmark', ts, { userId: 'U0BOB' }))).toBe(200);
    await waitUntil(() => bookmarksOf('U0BOB').length > 0);
    expect(bookmarksOf('U0BOB')).toEqual([{ platform: 'slack', workspace_id: 'T0FAKE', paper_id: paperId }]);
  });

  it('Bookmark stores the row and confirms ephemerally through response_url, without touching the message it was on', async () => {
    const hh = await start();
    const { reply } = await hh.command('search model merging');
    const bookmark = buttons(reply.body.blocks).filter((b) => b.action_id.startsWith('papers_bookmark_'))[1];
    const paperId = bookmark.value;

    const first = await hh.click({ actionId: bookmark.action_id, value: bookmark.value });
    expect(first.status).toBe(200);
    expect(first.reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(first.reply?.body.text)).toContain(`Bookmarked "${titleOf(paperId)}"`);
    expect(bookmarksOf('U0ALICE')).toEqual([{ platform: 'slack', workspace_id: 'T0FAKE', paper_id: paperId }]);

    const again = await hh.click({ actionId: bookmark.action_id, value: bookmark.value });
    expect(String(again.reply?.body.text)).toContain('already in your bookmarks');
    expect(bookmarksOf('U0ALICE')).toHaveLength(1);

    // a click on a channel message (Slack sends `message`) must not replace that shared message
    const onChannel = await hh.click({ actionId: bookmark.action_id, value: bookmark.value, messageTs: '1700000000.000777' }, { userId: 'U0CAROL' });
    expect(onChannel.reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(bookmarksOf('U0CAROL')).toEqual([{ platform: 'slack', workspace_id: 'T0FAKE', paper_id: paperId }]);
    expect(hh.fake.callsTo('chat.postMessage')).toHaveLength(0);

    const listed = await hh.command('bookmarks');
    expect(cardPaperIds(listed.reply.body.blocks)).toEqual([paperId]);
  });

  it('Next page replaces the list with the next page of results until the last, never repeating a paper', async () => {
    const hh = await start();
    const query = 'search reasoning --limit 5';
    let { reply } = await hh.command(query);
    const total = Number(/^([\d,]+) papers? match/.exec(String(reply.body.text))?.[1]?.replace(/,/g, ''));
    const pages = Math.ceil(total / 5);
    expect(pages).toBeGreaterThanOrEqual(3); // so Next from page 2 is exercised too

    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const ids = cardPaperIds(reply.body.blocks);
      const direct = await bot.chat.handleText(`${query} --page ${page}`, ALICE);
      expect(ids).toEqual(direct.cards?.map((c) => c.paperId));
      expect(String(reply.body.text)).toContain(`page ${page} of ${pages}`);
      seen.push(...ids);
      const next = buttons(reply.body.blocks).find((b) => b.text.text === 'Next page');
      if (page === pages) {
        expect(next).toBeUndefined();
        break;
      }
      expect(next).toBeDefined();
      const click = await hh.click({ actionId: next!.action_id, value: next!.value });
      expect(click.reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
      reply = click.reply!;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
