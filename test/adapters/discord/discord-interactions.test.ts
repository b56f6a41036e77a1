import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomIdCodec } from '../../../src/adapters/discord/custom-ids.js';
import { renderReply } from '../../../src/adapters/discord/render-reply.js';
import type { StoredMessage } from '../../fakes/discord/payloads.js';
import { card, createStubChat } from './stub-chat.js';
import { startHarness, type Harness } from './harness.js';

type Body = { type: number; data?: Record<string, unknown> };

describe('Discord adapter: interactions through the real discord.js client', () => {
  const chat = createStubChat();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(chat);
  });
  afterAll(async () => h?.stop());

  it('logs in with the Bot prefix stripped and only the Guilds + GuildMessageReactions + DirectMessageReactions intents (none privileged)', () => {
    const identify = h.fake.gatewayRecords.find((r) => r.op === 2)!;
    expect(identify.token).toBe(h.fake.token);
    expect(identify.intents).toBe(1 | (1 << 10) | (1 << 13));
    const gw = h.fake.calls.find((c) => c.path === '/gateway/bot')!;
    expect(gw.authorization).toBe(`Bot ${h.fake.token}`);
  });

  it('answers /papers search topic:… with ephemeral embeds, buttons and no mentions', async () => {
    const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'model merging' }]);
    const call = await h.answer(i.token);
    expect(call.path).toBe(`/interactions/${i.id}/${i.token}/callback`);
    const body = call.body as Body;
    expect(body.type).toBe(4);
    const data = body.data as { flags: number; embeds: Array<Record<string, unknown>>; components: Array<{ components: Array<{ custom_id: string }> }>; allowed_mentions: unknown; content: string };
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toContain('Results for');
    expect(data.embeds).toHaveLength(2);
    expect(data.embeds[0].url).toBe('https://arxiv.org/abs/2404.00001');
    expect(String(data.embeds[0].description)).toContain('**model merging**');
    expect((data.embeds[0].footer as { text: string }).text).toContain('2404.00001');
    const ids = data.components.flatMap((r) => r.components.map((c) => c.custom_id));
    expect(ids).toContain('p:bm:2404.00001');
    expect(ids).toContain('p:sh:2404.00002');
    expect(ids.some((id) => id.startsWith('p:run:'))).toBe(true);

    const cmd = chat.calls.find((c) => c.method === 'handleCommand')!;
    expect(cmd.args[0]).toEqual(['search']);
    expect(cmd.args[1]).toEqual({ topic: 'model merging' });
    expect(cmd.args[2]).toMatchObject({ platform: 'discord', workspaceId: h.fake.guild.id, channelId: h.fake.channelId, userId: h.fake.defaultUser.id, isAdmin: false });
  });

  it('passes a subcommand group path and sends export files as attachments', async () => {
    const i = h.fake.slash(['bookmarks', 'export'], [{ name: 'format', type: 3, value: 'bibtex' }]);
    const call = await h.answer(i.token);
    expect(call.files).toEqual([{ name: 'bookmarks.bib', content: '@article{x}' }]);
    expect((call.body as Body).data?.flags).toBe(64);
    expect(chat.calls.some((c) => c.method === 'handleCommand' && JSON.stringify(c.args[0]) === '["bookmarks","export"]')).toBe(true);
  });

  it('/papers-admin digest now reaches the core as digest now, telling it who has Manage Server', async () => {
    const refused = h.fake.slash(['digest', 'now'], [], { command: 'papers-admin', user: { id: '111111111111111111', username: 'bob' } });
    const r1 = await h.answer(refused.token);
    expect(String((r1.body as Body).data?.content)).toContain('Manage Server');
    const admin = h.fake.slash(['digest', 'now'], [], { command: 'papers-admin', user: { id: '222222222222222222', username: 'eve', admin: true } });
    const r2 = await h.answer(admin.token);
    expect((r2.body as Body).data?.flags).toBeUndefined();
    const callers = chat.calls.filter((c) => c.method === 'handleCommand' && JSON.stringify(c.args[0]) === '["digest","now"]').map((c) => c.args[2] as { isAdmin: boolean });
    expect(callers.map((c) => c.isAdmin)).toEqual([false, true]);
  });

  it('ignores a chat-input command that is not one of ours', async () => {
    const before = chat.calls.length;
    const other = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'not for us' }], { command: 'other-bot' });
    // Dispatches are handled in order: once the next one is answered, the first was seen and dropped.
    const next = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'for us' }]);
    await h.answer(next.token);
    expect(h.fake.callsFor(other.token)).toEqual([]);
    expect(chat.calls.slice(before).map((c) => c.args[1])).toEqual([{ topic: 'for us' }]);
  });

  it('Bookmark and More like this buttons call handleAction; Next page updates the ephemeral message', async () => {
    const b = h.fake.button('p:bm:2404.00001', undefined);
    const r1 = await h.answer(b.token);
    expect((r1.body as Body).type).toBe(4);
    expect(String((r1.body as Body).data?.content)).toBe('Bookmarked 2404.00001.');
    expect(chat.bookmarks.has(`${h.fake.defaultUser.id}:2404.00001`)).toBe(true);

    const next = h.fake.button('p:run:{"c":"search","a":{"topic":"x","page":2}}', undefined);
    const r2 = await h.answer(next.token);
    expect((r2.body as Body).type).toBe(7);
    const action = chat.calls.filter((c) => c.method === 'handleAction').at(-1)!.args[0];
    expect(action).toMatchObject({ kind: 'run', command: 'search', args: { topic: 'x', page: 2 } });
  });

  it('Share posts the paper to the channel, records the message, and answers ephemerally', async () => {
    const s = h.fake.button('p:sh:2404.00002', undefined);
    const r = await h.answer(s.token);
    expect(String((r.body as Body).data?.content)).toContain('Shared');
    const post = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${h.fake.channelId}/messages`)!;
    const body = post.body as { embeds: unknown[]; nonce: string; enforce_nonce: boolean; allowed_mentions: unknown };
    expect(body.embeds).toHaveLength(1);
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const rec = chat.calls.find((c) => c.method === 'recordMessage')!;
    expect(rec.args[2]).toBe('2404.00002');
    expect(h.fake.messages.has(rec.args[1] as string)).toBe(true);
  });

  it('numbered buttons rendered before a restart still act on their own card, long ids included', async () => {
    const ch = h.fake.guild.channelIds[1];
    const longId = `title:${'a-paper-without-an-arxiv-id-'.repeat(5)}`;
    const cards = ['2404.00011', '2404.00012', longId, '2404.00014', '2404.00015'].map((id) => card(id));
    // Rendered by another codec: what this process never encoded, as after a restart.
    const r = renderReply({ text: 'Results', cards, ephemeral: true }, createCustomIdCodec());
    const msg = { id: '900000000000000001', channel_id: ch, author: { id: '1', username: 'papers-bot', bot: true }, content: r.content, embeds: r.embeds, components: r.components, attachments: [], flags: 64, timestamp: new Date().toISOString() } as StoredMessage;
    const idOf = (label: string) => r.components.flatMap((row) => row.components).map((c) => c as { label: string; custom_id: string }).find((c) => c.label === label)!.custom_id;
    expect(idOf('Share 3')).toBe('p:sh:#2');

    const bm = h.fake.button(idOf('🔖 4'), msg);
    expect(String(((await h.answer(bm.token)).body as Body).data?.content)).toBe('Bookmarked 2404.00014.');
    const sim = h.fake.button(idOf('More like 3'), msg);
    expect(String(((await h.answer(sim.token)).body as Body).data?.content)).toBe(`Papers like ${longId}`);
    const sh = h.fake.button(idOf('Share 3'), msg);
    expect(String(((await h.answer(sh.token)).body as Body).data?.content)).toContain('Shared');
    expect(chat.calls.filter((c) => c.method === 'shareMessage').at(-1)!.args[0]).toBe(longId);
    expect(chat.calls.filter((c) => c.method === 'recordMessage').at(-1)!.args[2]).toBe(longId);
  });

  it('malformed input never crashes: stale buttons, odd option trees, a throwing core', async () => {
    const stale = h.fake.button('garbage-id', undefined);
    expect(String(((await h.answer(stale.token)).body as Body).data?.content)).toContain('expired');

    const noSub = h.fake.slash([], [], { rawOptions: [{ type: 3, name: 'topic', value: 42 }] });
    const r1 = await h.answer(noSub.token);
    expect(String((r1.body as Body).data?.content)).toContain('Usage');

    const wrongType = h.fake.slash(['search'], [{ name: 'topic', type: 4, value: 7 }]);
    const r2 = await h.answer(wrongType.token);
    expect(String((r2.body as Body).data?.content)).toContain('Usage');

    chat.failNext = new Error('boom');
    const thrown = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'x' }]);
    const r3 = await h.answer(thrown.token);
    expect(String((r3.body as Body).data?.content)).toMatch(/error id [0-9a-f]{8}/);
    expect(h.logger.records.some((r) => r.level === 'error' && r.msg === 'interaction failed')).toBe(true);

    // Still alive afterwards.
    const after = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'still here' }]);
    expect(((await h.answer(after.token)).body as Body).type).toBe(4);
  });
});

describe('Discord adapter: slow core → defer within 3 s, then edit the original', () => {
  it('defers ephemerally and edits @original (URL-encoded on the wire)', async () => {
    const chat = createStubChat({ delayMs: 200 });
    const h = await startHarness(chat, { deferAfterMs: 20 });
    try {
      const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'slow' }]);
      const first = await h.answer(i.token);
      expect(first.body).toMatchObject({ type: 5, data: { flags: 64 } });
      const edit = await h.answer(i.token, (c) => c.method === 'PATCH');
      expect(edit.path).toBe(`/webhooks/${h.fake.appId}/${i.token}/messages/@original`);
      expect((edit.body as { embeds: unknown[] }).embeds).toHaveLength(2);

      // A public answer after an ephemeral deferral: a public follow-up, the placeholder deleted.
      const pub = h.fake.slash(['digest', 'now'], [], { user: { id: '333333333333333333', username: 'root', admin: true } });
      const follow = await h.answer(pub.token, (c) => c.method === 'POST' && c.path.startsWith('/webhooks/'));
      expect((follow.body as { flags?: number }).flags ?? 0).toBe(0);
      await h.answer(pub.token, (c) => c.method === 'DELETE');

      // A failure after the deferral replaces the placeholder with the error id.
      chat.failNext = new Error('late boom');
      const failing = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'fails' }]);
      const fixed = await h.answer(failing.token, (c) => c.method === 'PATCH');
      expect(String((fixed.body as { content: string }).content)).toMatch(/error id [0-9a-f]{8}/);
    } finally {
      await h.stop();
    }
  });

  it('an interaction that reaches the bot already late (a backlog) is deferred before the work starts', async () => {
    const chat = createStubChat();
    const h = await startHarness(chat, { deferAfterMs: 1000 });
    try {
      const fresh = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'fresh' }]);
      expect(((await h.answer(fresh.token)).body as Body).type).toBe(4);
      const late = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'late' }], { createdAgoMs: 1500 });
      expect(((await h.answer(late.token)).body as Body).type).toBe(5);
      const edit = await h.answer(late.token, (c) => c.method === 'PATCH');
      expect((edit.body as { embeds: unknown[] }).embeds).toHaveLength(2);
    } finally {
      await h.stop();
    }
  });
});

describe('Discord adapter: a burst of interactions → each acknowledged before it queues behind the others', () => {
  it('defers the ones that arrive while another is being worked on; a lone one is answered directly', async () => {
    const chat = createStubChat({ delayMs: 150 });
    const h = await startHarness(chat, { deferAfterMs: 2000 });
    try {
      const lone = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'alone' }]);
      expect(((await h.answer(lone.token)).body as Body).type).toBe(4);

      const first = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'first' }]);
      // The first is in the core (its handleCommand was called) before the burst arrives.
      const deadline = Date.now() + 5000;
      while (!chat.calls.some((c) => (c.args[1] as { topic?: string } | undefined)?.topic === 'first') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const burst = ['b1', 'b2', 'b3', 'b4'].map((topic) => h.fake.slash(['search'], [{ name: 'topic', type: 3, value: topic }]));
      for (const b of burst) {
        expect(((await h.answer(b.token)).body as Body).type).toBe(5);
        // Every deferred one still gets its results, as the edit of @original.
        const edit = await h.answer(b.token, (c) => c.method === 'PATCH');
        expect((edit.body as { embeds: unknown[] }).embeds).toHaveLength(2);
      }
      expect([4, 5]).toContain(((await h.answer(first.token)).body as Body).type);
    } finally {
      await h.stop();
    }
  });
});
