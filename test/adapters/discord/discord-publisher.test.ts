import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentPublishError, RateLimitedError, TransientPublishError } from '../../../src/core/errors.js';
import type { OutgoingMessage } from '../../../src/core/reply.js';
import { card, createStubChat } from './stub-chat.js';
import { startHarness, type Harness } from './harness.js';

/** What the digest engine does with publisher errors, reduced to its retry rules. */
async function postLikeTheEngine(h: Harness, channelId: string, messages: OutgoingMessage[]): Promise<string[]> {
  const ids: string[] = [];
  for (const m of messages) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 20) throw new Error('gave up');
      try {
        ids.push((await h.adapter.publisher.post(channelId, m)).messageId);
        break;
      } catch (err) {
        if (err instanceof RateLimitedError) await new Promise((r) => setTimeout(r, err.retryAfterMs));
        else if (err instanceof TransientPublishError) await new Promise((r) => setTimeout(r, 20));
        else throw err;
      }
    }
  }
  return ids;
}

describe('Discord publisher', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(createStubChat());
  });
  afterAll(async () => h?.stop());

  const created = (channelId: string) => [...h.fake.messages.values()].filter((m) => m.channel_id === channelId && !m.webhook_id);

  it('posts a header and one message per paper, returning the message ids, mentions off', async () => {
    const ch = h.fake.guild.channelIds[1];
    const ids = await postLikeTheEngine(h, ch, [{ text: 'Daily papers for 2024-04-22 @everyone' }, { text: 'p1', card: card('2404.00001') }]);
    expect(ids).toHaveLength(2);
    const posts = h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${ch}/messages`);
    expect(posts.map((p) => (p.body as { allowed_mentions: unknown }).allowed_mentions)).toEqual([{ parse: [] }, { parse: [] }]);
    expect((posts[0].body as { content: string }).content).toContain('Daily papers');
    const embed = (posts[1].body as { embeds: Array<{ footer: { text: string } }> }).embeds[0];
    expect(embed.footer.text).toContain('react 🔖');
    expect(created(ch).map((m) => m.id)).toEqual(ids);
  });

  it('maps a 429 to RateLimitedError with the retry delay, without sending the message', async () => {
    const ch = h.fake.guild.channelIds[0];
    h.fake.fail({ method: 'POST', path: new RegExp(`^/channels/${ch}/messages$`), status: 429, retryAfter: 0.3 });
    const before = created(ch).length;
    const err = await h.adapter.publisher.post(ch, { text: 'limited' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(300);
    expect(created(ch).length).toBe(before);
    await new Promise((r) => setTimeout(r, (err as RateLimitedError).retryAfterMs));
  });

  it('maps 5xx to TransientPublishError and 403/404 to PermanentPublishError', async () => {
    const ch = h.fake.guild.channelIds[0];
    h.fake.fail({ method: 'POST', path: /messages$/, status: 500 });
    await expect(h.adapter.publisher.post(ch, { text: 'x' })).rejects.toBeInstanceOf(TransientPublishError);
    h.fake.fail({ method: 'POST', path: /messages$/, status: 403 });
    await expect(h.adapter.publisher.post(ch, { text: 'x' })).rejects.toBeInstanceOf(PermanentPublishError);
    await expect(h.adapter.publisher.post('999999999999999999', { text: 'x' })).rejects.toBeInstanceOf(PermanentPublishError);
  });

  it('a digest through 429s and 500s (one after Discord created the message): none lost, none duplicated', async () => {
    const ch = h.fake.guild.channelIds[1];
    const before = created(ch).length;
    const route = new RegExp(`^/channels/${ch}/messages$`);
    const digest: OutgoingMessage[] = [{ text: 'Daily papers — 5 new' }, ...[1, 2, 3, 4, 5].map((n) => ({ text: `p${n}`, card: card(`2405.0000${n}`) }))];
    h.fake.fail({ method: 'POST', path: route, status: 500, times: 2 });
    const posting = postLikeTheEngine(h, ch, digest);
    // Script more trouble while it runs: a 429, then a 500 whose message was in fact created.
    await h.fake.waitForCalls((c) => c.path === `/channels/${ch}/messages` && c.status === 200, before + 2);
    h.fake.fail({ method: 'POST', path: route, status: 429, retryAfter: 0.2 });
    h.fake.fail({ method: 'POST', path: route, status: 500, afterCreate: true });
    const ids = await posting;
    const after = created(ch).slice(before);
    expect(after).toHaveLength(digest.length);
    expect(new Set(ids).size).toBe(digest.length);
    expect(after.map((m) => m.id)).toEqual(ids);
    const footers = after.slice(1).map((m) => (m.embeds[0] as { footer: { text: string } }).footer.text.split(' ')[0]);
    expect(footers).toEqual(['2405.00001', '2405.00002', '2405.00003', '2405.00004', '2405.00005']);
    expect(h.fake.calls.filter((c) => c.path === `/channels/${ch}/messages` && c.status === 429).length).toBeGreaterThanOrEqual(1);
  });
});
