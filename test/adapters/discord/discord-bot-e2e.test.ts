import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import type { Clock } from '../../../src/core/clock.js';
import { SEED_DIGEST } from '../../helpers/test-data.js';
import { startHarness, type Harness } from './harness.js';
import type { StoredMessage } from '../../fakes/discord/payloads.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';

type Body = { type: number; data?: Record<string, unknown> };
const SAMPLE = SEED_DIGEST;

/** Real time, but waits cut to 400 ms so the engine's pacing and backoff keep the test short. */
const quickClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 400))) };

describe('Discord end to end: the real bot (createBot) behind the real discord.js client', () => {
  let bot: Bot;
  let dataDir: string;
  let h: Harness;
  const admin = { id: '444444444444444444', username: 'admin', admin: true };
  const member = { id: '555555555555555555', username: 'member' };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(`${os.tmpdir()}/papers-`);
    bot = await createBot({ dataDir, clock: quickClock });
    const ingested = await bot.ingest.ingestFile(SAMPLE);
    expect(ingested).toMatchObject({ ok: true });
    // The 4th channel takes the Share post and the 5th a subscription, so the digest tests' channel counts stay exact.
    h = await startHarness(bot.chat, { channelsPerGuild: 5 });
    bot.digests.setPublisher(h.adapter.publisher);
  });
  afterAll(async () => {
    await h?.stop();
    await bot?.close();
  });

  const bookmarks = () => peekSqlite(dataDir).prepare(`SELECT user_id, paper_id FROM bookmarks WHERE platform = 'discord'`).all() as Array<{ user_id: string; paper_id: string }>;
  const channelPosts = (channelId: string) => [...h.fake.messages.values()].filter((m) => m.channel_id === channelId && !m.webhook_id);
  const original = (token: string) => h.fake.messages.get(`original:${token}`) as StoredMessage;
  type Component = { type: number; custom_id: string; label?: string };
  const componentsOf = (m: StoredMessage) => (m.components as Array<{ components: Component[] }>).flatMap((r) => r.components);
  /** The custom_id of the button a person sees as `label`, as they would find it. */
  const buttonLabelled = (m: StoredMessage, label: string) => {
    const b = componentsOf(m).find((c) => c.type === 2 && c.label === label);
    expect(b, `a "${label}" button`).toBeTruthy();
    return b!.custom_id;
  };
  const paperOfEmbed = (m: StoredMessage, i: number) => (m.embeds[i] as { footer: { text: string } }).footer.text.split(' · ')[0];

  it('search round trip: embeds for the results, every card reachable, Next page rewrites the reply', async () => {
    const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'agents' }]);
    const body = (await h.answer(i.token)).body as Body;
    expect(body.type).toBe(4);
    const data = body.data as { flags: number; content: string; embeds: Array<{ title: string; footer: { text: string } }>; components: Array<{ components: Array<{ custom_id: string; type: number }> }> };
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/papers match "agents"/);
    expect(data.embeds).toHaveLength(5);
    expect(data.embeds[0].title).toMatch(/^1\. .*Agent/);
    // A full default page keeps buttons: 🔖 / ✅ Mark read / More like / Share rows of 5, then Next page.
    expect(data.components).toHaveLength(5);
    expect(data.components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 1]);
    expect(data.components.flatMap((r) => r.components).every((c) => c.type === 2)).toBe(true);
    const ids = data.components.flatMap((r) => r.components.map((c) => c.custom_id));
    expect(ids.every((id) => id.length <= 100)).toBe(true);
    const next = ids.find((id) => id.startsWith('p:run:'))!;
    expect(next).toBeTruthy();

    const click = h.fake.button(next, original(i.token));
    const page2 = (await h.answer(click.token)).body as Body;
    expect(page2.type).toBe(7);
    expect(String(page2.data?.content)).toMatch(/page 2 of/);
  });

  it('numbered buttons on a result page act on their own card: 🔖 2, More like 1, Share 3', async () => {
    const ch = h.fake.guild.channelIds[3];
    const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'model merging' }], { user: member, channelId: ch });
    await h.answer(i.token);
    const msg = original(i.token);
    expect(msg.embeds.length).toBeGreaterThanOrEqual(3);
    expect(componentsOf(msg).some((c) => c.type === 3)).toBe(false);

    const bm = h.fake.button(buttonLabelled(msg, '🔖 2'), msg, { user: member });
    expect(String(((await h.answer(bm.token)).body as Body).data?.content)).toMatch(/Bookmarked/);
    expect(bookmarks().filter((b) => b.user_id === member.id)).toEqual([{ user_id: member.id, paper_id: paperOfEmbed(msg, 1) }]);

    const sim = h.fake.button(buttonLabelled(msg, 'More like 1'), msg, { user: member });
    const like = (await h.answer(sim.token)).body as Body;
    const likeData = like.data as { content: string; embeds: Array<{ footer: { text: string } }> };
    const firstTitle = (msg.embeds[0] as { title: string }).title.replace(/^1\. /, '');
    expect(likeData.content).toContain(`Papers like "${firstTitle.slice(0, 30)}`);
    expect(likeData.embeds.length).toBeGreaterThan(0);
    expect(likeData.embeds.map((e) => e.footer.text)).not.toContain(paperOfEmbed(msg, 0));

    const sh = h.fake.button(buttonLabelled(msg, 'Share 3'), msg, { user: member });
    expect(String(((await h.answer(sh.token)).body as Body).data?.content)).toMatch(/^Shared/);
    const posts = channelPosts(ch);
    expect(posts).toHaveLength(1);
    expect(paperOfEmbed(posts[0], 0)).toBe(paperOfEmbed(msg, 2));
    const rows = peekSqlite(dataDir).prepare(`SELECT message_id, paper_id FROM messages WHERE platform = 'discord' AND channel_id = ?`).all(ch);
    expect(rows).toEqual([{ message_id: posts[0].id, paper_id: paperOfEmbed(msg, 2) }]);
  });

  it('bookmarks export arrives as an attached file', async () => {
    const i = h.fake.slash(['bookmarks'], [{ name: 'format', type: 3, value: 'bibtex' }], { user: member });
    const call = await h.answer(i.token);
    expect(call.files).toHaveLength(1);
    expect(call.files[0].name).toMatch(/\.bib$/);
    expect(call.files[0].content).toMatch(/@\w+\{/);
  });

  it('digest now: refused without Manage Server; posted by an admin, one message per paper, recorded', async () => {
    const refused = h.fake.slash(['digest', 'now'], [], { user: member, command: 'papers-admin' });
    expect(String(((await h.answer(refused.token)).body as Body).data?.content)).toMatch(/^\/papers-admin digest now is for admins \(Manage Server\)/);
    expect(channelPosts(h.fake.channelId)).toHaveLength(0);

    const run = h.fake.slash(['digest', 'now'], [], { user: admin, command: 'papers-admin' });
    const done = await h.answer(run.token, (c) => c.method === 'PATCH' || (c.method === 'POST' && (c.body as Body).type === 4));
    expect(JSON.stringify(done.body)).toMatch(/Posted 5 papers/);
    const posts = channelPosts(h.fake.channelId);
    expect(posts).toHaveLength(6);
    const rows = peekSqlite(dataDir).prepare(`SELECT message_id FROM messages WHERE platform = 'discord' AND channel_id = ?`).all(h.fake.channelId) as Array<{ message_id: string }>;
    expect(rows.map((r) => r.message_id).sort()).toEqual(posts.slice(1).map((m) => m.id).sort());
  });

  it('🔖 on an uncached and on a cached digest message → bookmark row; removal → gone', async () => {
    const [, first, second] = channelPosts(h.fake.channelId);
    const paperOf = (m: StoredMessage) => (m.embeds[0] as { footer: { text: string } }).footer.text.split(' · ')[0];
    const has = (paperId: string) => bookmarks().some((b) => b.user_id === member.id && b.paper_id === paperId);
    const until = async (check: () => boolean) => {
      for (let n = 0; n < 300 && !check(); n++) await new Promise((r) => setTimeout(r, 10));
      return check();
    };

    h.fake.reaction(true, first.id, { user: member });
    expect(await until(() => has(paperOf(first)))).toBe(true);
    expect(h.fake.calls.some((c) => c.method === 'GET' && c.path.endsWith(`/messages/${first.id}`))).toBe(true);
    h.fake.reaction(false, first.id, { user: member });
    expect(await until(() => !has(paperOf(first)))).toBe(true);

    // A click on the message puts it in discord.js's cache: the reaction then needs no fetch.
    const click = h.fake.button(`p:sim:${paperOf(second)}`.length <= 100 ? `p:sim:${paperOf(second)}` : 'p:sim:#0', second, { user: member });
    await h.answer(click.token);
    expect(h.adapter.client.channels.cache.get(h.fake.channelId)?.isTextBased()).toBe(true);
    h.fake.reaction(true, second.id, { user: member });
    expect(await until(() => has(paperOf(second)))).toBe(true);
    expect(h.fake.calls.some((c) => c.method === 'GET' && c.path.endsWith(`/messages/${second.id}`))).toBe(false);
    // ✅ on it marks that bookmark read; removing the ✅ marks it unread again.
    const readAt = () => peekSqlite(dataDir).prepare('SELECT read_at FROM reading_notes WHERE user_id = ? AND paper_id = ?').pluck().get(member.id, paperOf(second));
    h.fake.reaction(true, second.id, { user: member, emoji: '✅' });
    expect(await until(() => typeof readAt() === 'string')).toBe(true);
    h.fake.reaction(false, second.id, { user: member, emoji: '✅' });
    expect(await until(() => readAt() === null)).toBe(true);
    h.fake.reaction(false, second.id, { user: member });
    expect(await until(() => !has(paperOf(second)))).toBe(true);
  });

  it('a digest through a 429 (retry_after) and 500s on message create: nothing lost, nothing duplicated', async () => {
    const ch = h.fake.guild.channelIds[1];
    const route = new RegExp(`^/channels/${ch}/messages$`);
    h.fake.fail({ method: 'POST', path: route, status: 500 });
    const run = h.fake.slash(['digest', 'now'], [], { user: admin, channelId: ch, command: 'papers-admin' });
    await h.fake.waitForCalls((c) => route.test(c.path) && c.status === 200, 2, 20_000);
    h.fake.fail({ method: 'POST', path: route, status: 429, retryAfter: 0.3 });
    h.fake.fail({ method: 'POST', path: route, status: 500, afterCreate: true });
    const done = await h.answer(run.token, (c) => c.method === 'PATCH' || (c.method === 'POST' && (c.body as Body).type === 4));
    expect(JSON.stringify(done.body)).toMatch(/Posted 5 papers/);
    const posts = channelPosts(ch);
    expect(posts).toHaveLength(6);
    const statuses = h.fake.calls.filter((c) => route.test(c.path)).map((c) => c.status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 500)).toHaveLength(2);
    const rows = peekSqlite(dataDir).prepare(`SELECT message_id FROM messages WHERE platform = 'discord' AND channel_id = ?`).all(ch) as Array<{ message_id: string }>;
    expect(rows.map((r) => r.message_id).sort()).toEqual(posts.slice(1).map((m) => m.id).sort());
  });

  it('the gateway closing mid-digest: the digest completes, the bot resumes and keeps answering', async () => {
    const ch = h.fake.guild.channelIds[2];
    const route = new RegExp(`^/channels/${ch}/messages$`);
    const run = h.fake.slash(['digest', 'now'], [], { user: admin, channelId: ch, command: 'papers-admin' });
    await h.fake.waitForCalls((c) => route.test(c.path) && c.status === 200, 2, 20_000);
    const resumesBefore = h.fake.gatewayRecords.filter((r) => r.op === 6).length;
    h.fake.gateway.closeAll(4000);
    const during = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'agents' }]);
    await h.fake.waitForGateway(6, resumesBefore + 1);
    const done = await h.answer(run.token, (c) => c.method === 'PATCH' || (c.method === 'POST' && (c.body as Body).type === 4));
    expect(JSON.stringify(done.body)).toMatch(/Posted 5 papers/);
    expect(channelPosts(ch)).toHaveLength(6);
    // Asked while the digest job is still in flight: acknowledged (deferred, since another
    // interaction is busy), then answered with results.
    const first = (await h.answer(during.token)).body as Body;
    const answer = first.type === 5 ? (await h.answer(during.token, (c) => c.method === 'PATCH')).body : first.data;
    expect((answer as { embeds?: unknown[] }).embeds?.length).toBeGreaterThan(0);
  });

  it('/papers-admin subscribe: stored for Manage Server, still refused at run time without it; unsubscribe removes it', async () => {
    const ch = h.fake.guild.channelIds[4];
    const stored = () => peekSqlite(dataDir).prepare(`SELECT settings FROM subscriptions WHERE platform = 'discord' AND channel_id = ?`).all(ch) as Array<{ settings: string }>;
    /** The reply's text, whether answered at once or deferred and then edited. */
    const replyText = async (token: string) => {
      const call = await h.answer(token, (c) => c.method === 'PATCH' || (c.method === 'POST' && (c.body as Body).type === 4));
      return String(call.method === 'PATCH' ? (call.body as { content?: string }).content : (call.body as Body).data?.content);
    };
    const options = [
      { name: 'time', type: 3, value: '07:30' },
      { name: 'tz', type: 3, value: 'Europe/Berlin' },
      { name: 'top', type: 4, value: 3 },
    ];
    // A server admin can let anyone see /papers-admin (Integrations); the bot checks again.
    const refused = h.fake.slash(['subscribe'], options, { command: 'papers-admin', user: member, channelId: ch });
    expect(await replyText(refused.token)).toMatch(/^\/papers-admin subscribe is for admins \(Manage Server\)\.\n\/papers-admin subscribe \[--time HH:MM\]/);
    expect(stored()).toEqual([]);

    const ok = h.fake.slash(['subscribe'], options, { command: 'papers-admin', user: admin, channelId: ch });
    expect(await replyText(ok.token)).toMatch(/^Subscribed: /);
    expect(stored().map((r) => JSON.parse(r.settings))).toEqual([expect.objectContaining({ time: '07:30', tz: 'Europe/Berlin', top: 3 })]);

    const off = h.fake.slash(['unsubscribe'], [], { command: 'papers-admin', user: admin, channelId: ch });
    expect(await replyText(off.token)).toMatch(/^Unsubscribed/);
    expect(stored()).toEqual([]);
  });

  it('malformed interaction data gets a usage reply, never a crash', async () => {
    const wrong = h.fake.slash(['search'], [{ name: 'topic', type: 4, value: 42 }]);
    expect(String(((await h.answer(wrong.token)).body as Body).data?.content)).toMatch(/\/papers search/);
    const unknown = h.fake.slash(['nope'], []);
    expect(String(((await h.answer(unknown.token)).body as Body).data?.content)).toMatch(/Unknown command/);
    const empty = h.fake.slash([], [], { rawOptions: [] });
    expect(String(((await h.answer(empty.token)).body as Body).data?.content)).toMatch(/\/papers/);
    const ok = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'agents' }]);
    expect(((await h.answer(ok.token)).body as Body).type).toBe(4);
  });
});
