import { afterEach, describe, expect, it } from 'vitest';
import { TransientPublishError } from '../../../src/core/errors.js';
import type { Delivery } from '../../../src/core/publisher.js';
import { createStubChat, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const since = () => new Date(Date.now() - 60_000).toISOString();
const delivery = (item: string, mayExist: boolean, runId = 7): Delivery => ({ workspaceId: 'T0FAKE', runId, item, mayExist, since: since() });
const posts = () => h!.fake.callsTo('chat.postMessage');

describe('slack digest posts carry their run and item, and a post that may exist is looked for first', () => {
  it('marks each digest post with message metadata; a plain post carries none', async () => {
    h = await startHarness(createStubChat());
    await h.adapter.publisher.post('C0DIGEST', { text: 'Daily papers' }, delivery('header', false));
    await h.adapter.publisher.post('C0DIGEST', { text: 'shared paper' });
    expect(posts()[0].body.metadata).toEqual({ event_type: 'papers_digest_post', event_payload: { run: 7, item: 'header' } });
    expect(posts()[1].body.metadata).toBeUndefined();
    // Nothing may exist yet: no history read.
    expect(h.fake.callsTo('conversations.history')).toHaveLength(0);
  });

  it('finds the message Slack accepted before a crash and returns its ts instead of posting it again', async () => {
    h = await startHarness(createStubChat());
    const first = await h.adapter.publisher.post('C0DIGEST', { text: 'paper 1' }, delivery('2504.00001', false));
    // Other messages of the channel (another run's same item, a person's message) are not taken for it.
    await h.adapter.publisher.post('C0DIGEST', { text: 'paper 1, other run' }, delivery('2504.00001', false, 8));
    await h.adapter.publisher.post('C0DIGEST', { text: 'hello' });
    const again = await h.adapter.publisher.post('C0DIGEST', { text: 'paper 1' }, delivery('2504.00001', true));
    expect(again.messageId).toBe(first.messageId);
    expect(posts()).toHaveLength(3);
    const read = h.fake.callsTo('conversations.history')[0];
    expect(read.body).toMatchObject({ channel: 'C0DIGEST', include_all_metadata: 'true' });
    expect(Number(read.body.oldest)).toBeGreaterThan(Date.now() / 1000 - 3600);
    expect(h.logger.records.some((r) => /already in the channel/.test(r.msg ?? ''))).toBe(true);

    // An item not in the channel is posted.
    await h.adapter.publisher.post('C0DIGEST', { text: 'paper 2' }, delivery('2504.00002', true));
    expect(posts()).toHaveLength(4);
  });

  it('looks through more than one page of history', async () => {
    h = await startHarness(createStubChat());
    const first = await h.adapter.publisher.post('C0BUSY', { text: 'header' }, delivery('header', false));
    for (let i = 0; i < 230; i++) h.fake.messages.get('C0BUSY')!.push({ ts: `1700000001.${String(i).padStart(6, '0')}`, text: `chatter ${i}`, postedAt: Date.now() / 1000 });
    expect((await h.adapter.publisher.post('C0BUSY', { text: 'header' }, delivery('header', true))).messageId).toBe(first.messageId);
    expect(h.fake.callsTo('conversations.history')).toHaveLength(2);
    expect(posts()).toHaveLength(1);
  });

  it('without the history scopes (an install from before they were asked for) posts unchecked and warns once', async () => {
    h = await startHarness(createStubChat());
    h.fake.missingScopes.add('channels:history');
    await h.adapter.publisher.post('C0DIGEST', { text: 'paper 1' }, delivery('2504.00001', false));
    await h.adapter.publisher.post('C0DIGEST', { text: 'paper 1' }, delivery('2504.00001', true));
    await h.adapter.publisher.post('C0OTHER', { text: 'paper 2' }, delivery('2504.00002', true));
    expect(posts()).toHaveLength(3);
    const warnings = h.logger.records.filter((r) => r.level === 'warn' && /missing scope; reinstall the app/.test(r.msg ?? ''));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].obj).toMatchObject({ needed: 'channels:history,groups:history' });
  });

  it('a history read that fails for a moment fails the post as transient (the engine retries), posting nothing', async () => {
    h = await startHarness(createStubChat());
    h.fake.script('conversations.history', { status: 503, body: { ok: false } });
    await expect(h.adapter.publisher.post('C0DIGEST', { text: 'x' }, delivery('header', true))).rejects.toBeInstanceOf(TransientPublishError);
    expect(posts()).toHaveLength(0);
    // A channel the bot cannot read (not in it): the post goes ahead and reports its own error, if any.
    h.fake.script('conversations.history', { body: { ok: false, error: 'not_in_channel' } });
    await h.adapter.publisher.post('C0DIGEST', { text: 'x' }, delivery('header', true));
    expect(posts()).toHaveLength(1);
  });
});
