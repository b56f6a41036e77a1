import { describe, expect, it } from 'vitest';
import { dmChannelId } from '../../../src/core/direct-messages.js';
import { topicOf } from '../../core/recommend/topic-papers.js';
import { snowflake } from '../../fakes/discord/payloads.js';
import { DM_SLOT, useDmBot } from '../dm-bot.js';
import { startHarness } from './harness.js';

const start = useDmBot(async (b) => {
  const h = await startHarness(b.chat);
  b.digests.setPublisher(h.adapter.publisher);
  return h;
});

type Body = { type: number; data?: { content?: string; flags?: number } };
const subscribeOptions = [
  { name: 'action', type: 3, value: 'subscribe' },
  { name: 'time', type: 3, value: '08:00' },
  { name: 'tz', type: 3, value: 'Europe/Berlin' },
  { name: 'days', type: 3, value: 'mon-fri' },
  { name: 'top', type: 4, value: 3 },
];

describe('Discord: the personal digest by direct message, real engine behind real discord.js', () => {
  it('opens the DM (POST /users/@me/channels) and posts there once; a member who blocks DMs (50007) is paused and told once', async () => {
    const env = await start();
    const { bot: b, h } = env;
    const ada = h.fake.defaultUser;
    const bob = { id: snowflake(), username: 'bob' };
    const guild = h.fake.guild.id;

    const sub = (await h.answer(h.fake.slash(['for-me'], subscribeOptions).token)).body as Body;
    expect(sub.data?.content).toMatch(/^Subscribed: your recommendations by direct message, 08:00 Europe\/Berlin, Mon–Fri, top 3\./);
    await h.answer(h.fake.slash(['for-me'], subscribeOptions, { user: bob }).token);
    for (const id of ['2401.30000', '2401.30001', '2401.30002']) await b.bookmarks.add({ platform: 'discord', workspaceId: guild, userId: ada.id }, id);
    for (const id of ['2401.10000', '2401.10001', '2401.10002']) await b.bookmarks.add({ platform: 'discord', workspaceId: guild, userId: bob.id }, id);
    h.fake.blockDms(bob.id);

    env.clock.set(DM_SLOT);
    const report = await b.digests.tick();
    expect(report).toMatchObject({ planned: 2, paused: 1 });
    const opened = h.fake.calls.filter((c) => c.method === 'POST' && c.path === '/users/@me/channels');
    expect(opened.map((c) => (c.body as { recipient_id: string }).recipient_id).sort()).toEqual([ada.id, bob.id].sort());
    const adaDm = h.fake.dmChannels.get(ada.id)!;
    const inDm = [...h.fake.messages.values()].filter((m) => m.channel_id === adaDm);
    expect(inDm).toHaveLength(4);
    expect(inDm[0]!.content).toMatch(/^📬 Your papers for today: 3 picked from your 3 bookmarks/);
    // Nothing went to the guild's channels.
    expect(h.fake.calls.filter((c) => c.method === 'POST' && h!.fake.guild.channelIds.some((id) => c.path === `/channels/${id}/messages`))).toEqual([]);
    const paperIds = inDm.slice(1).map((m) => /arxiv\.org\/abs\/(2401\.\d+)/.exec(JSON.stringify(m.embeds))?.[1]);
    expect(paperIds.map((id) => topicOf(id!))).toEqual(['agents', 'agents', 'agents']);

    // Once: a catch-up, as after a restart, and a later tick that day post nothing more.
    await b.digests.catchUp();
    env.clock.set('2024-01-04T08:00:00Z');
    await b.digests.tick();
    expect([...h.fake.messages.values()].filter((m) => m.channel_id === adaDm)).toHaveLength(4);

    const paused = await b.storage.digests.get('discord', dmChannelId(guild, bob.id));
    expect(paused?.pausedReason).toBe('permanent failure: Discord: this user does not accept direct messages from the bot (code 50007)');
    const first = (await h.answer(h.fake.slash(['bookmarks'], [], { user: bob }).token)).body as Body;
    expect(first.data?.content).toMatch(/^⚠️ Your personal digest by direct message is paused: I could not send you a direct message \(permanent failure: Discord: this user does not accept direct messages from the bot \(code 50007\)\)/);
    const again = (await h.answer(h.fake.slash(['bookmarks'], [], { user: bob }).token)).body as Body;
    expect(again.data?.content).not.toContain('personal digest');
  });
});
