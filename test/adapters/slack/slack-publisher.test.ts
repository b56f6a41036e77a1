import { afterEach, describe, expect, it } from 'vitest';
import { PermanentPublishError, RateLimitedError, TransientPublishError } from '../../../src/core/errors.js';
import { blocksText, createStubChat, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const card = { paperId: '2504.00001', title: 'A <b> paper', url: 'https://arxiv.org/abs/2504.00001', authors: 'A. B.', digestDates: ['2025-04-22'], snippet: [{ text: 'abstract' }], links: [] };

describe('slack publisher', () => {
  it('posts blocks + fallback text with unfurl_links false and returns the ts', async () => {
    h = await startHarness(createStubChat());
    const { publisher } = h.adapter;
    expect(publisher.platform).toBe('slack');
    expect(publisher.minIntervalMs).toBeGreaterThanOrEqual(1000);
    const header = await publisher.post('C0DIGEST', { text: 'Daily papers — 2025-04-22: 1 paper <!here>' });
    const paper = await publisher.post('C0DIGEST', { text: 'A <b> paper', card });
    const calls = h.fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.body.ts ?? c.body.channel)).toEqual(['C0DIGEST', 'C0DIGEST']);
    expect(header.messageId).not.toBe(paper.messageId);
    expect(calls[1].body).toMatchObject({ unfurl_links: 'false', text: 'A &lt;b&gt; paper' });
    expect(calls[0].body.text).not.toContain('<!here>');
    expect(blocksText(calls[1])).toContain('<https://arxiv.org/abs/2504.00001|A &lt;b&gt; paper>');
    expect(Array.isArray(calls[1].body.blocks)).toBe(true);
  });

  it('maps 429 to RateLimitedError with Retry-After, without retrying inside the client', async () => {
    h = await startHarness(createStubChat());
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const err = await h.adapter.publisher.post('C0DIGEST', { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(7000);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('maps 5xx to TransientPublishError (one attempt) and channel errors to PermanentPublishError', async () => {
    h = await startHarness(createStubChat());
    h.fake.script('chat.postMessage', { status: 503, body: { ok: false } }, { status: 500 });
    await expect(h.adapter.publisher.post('C0DIGEST', { text: 'x' })).rejects.toBeInstanceOf(TransientPublishError);
    await expect(h.adapter.publisher.post('C0DIGEST', { text: 'x' })).rejects.toBeInstanceOf(TransientPublishError);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived']) {
      h.fake.channelErrors.set(`C_${code}`, code);
      const e = await h.adapter.publisher.post(`C_${code}`, { text: 'x' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PermanentPublishError);
      expect((e as Error).message).toContain(code);
    }
    expect((await h.adapter.publisher.post('C0DIGEST', { text: 'fine' })).messageId).toMatch(/^\d+\.\d+$/);
  });
});
