import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackPublisher } from '../../../src/adapters/slack/slack-publisher.js';
import { PermanentPublishError } from '../../../src/core/errors.js';
import { startFakeSlack } from '../../fakes/slack/fake-slack.js';
import { trendsBot } from '../../core/trends/trends-env.js';
import { buttons, startHarness, type Harness } from './harness.js';

const CHANNEL = 'C0TRENDS';

let env: Awaited<ReturnType<typeof trendsBot>>;
let h: Harness | undefined;
beforeEach(async () => {
  env = await trendsBot();
}, 60_000);
afterEach(async () => {
  await h?.stop();
  h = undefined;
  await env.close();
});

describe('/papers trends on Slack', () => {
  it('answers in the channel with the topics as search buttons, then uploads the PNG with files.uploadV2', async () => {
    h = await startHarness(env.bot.chat);
    const { reply } = await h.command('trends', { channelId: CHANNEL });
    expect(reply.body.response_type).toBe('in_channel');
    expect(String(reply.body.text)).toMatch(/^The week in papers, 2025-08-23 to 2025-08-29/);
    const topicButtons = buttons(reply.body.blocks).filter((b) => b.text.text.startsWith('Search: '));
    expect(topicButtons).toHaveLength(5);

    const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal');
    const [getUrl] = h.fake.callsTo('files.getUploadURLExternal');
    const [upload] = h.fake.callsTo('file_upload');
    expect(getUrl!.body.filename).toBe('papers-trends-2025-08-29.png');
    expect(String(getUrl!.body.alt_text)).toMatch(/^Trends chart for 2025-08-23 to 2025-08-29/);
    // The bytes uploaded are the whole PNG: its length as announced, and it decodes.
    expect(upload!.bytes!.length).toBe(Number(getUrl!.body.length));
    const png = PNG.sync.read(upload!.bytes!);
    expect(png.width).toBeGreaterThan(900);
    expect(complete.body.channel_id).toBe(CHANNEL);
    expect(complete.body.files).toEqual([{ id: (getUrl!.response as { file_id: string }).file_id, title: 'papers-trends-2025-08-29' }]);
    // Order: the text with the buttons first, the picture under it.
    expect(reply.at).toBeLessThan(complete.at);
  });

  it('a channel the bot is not in gets the text and an ephemeral note on how to get the picture', async () => {
    h = await startHarness(env.bot.chat);
    h.fake.script('files.completeUploadExternal', { body: { ok: false, error: 'not_in_channel' } });
    await h.command('trends', { channelId: CHANNEL });
    const note = await h.fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).startsWith('I could not post the picture'));
    expect(note.body.text).toContain('invite me');
    expect(note.body.response_type).toBe('ephemeral');
  });
});

describe('the Slack publisher with a picture (the weekly post)', () => {
  it('posts the text as the upload comment, in one files.uploadV2 flow, and maps a refused channel to a permanent error', async () => {
    const fake = await startFakeSlack();
    try {
      const { WebClient } = await import('@slack/web-api');
      const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
      const publisher = createSlackPublisher(client);
      const image = { name: 'papers-trends-2025-08-29.png', mime: 'image/png' as const, data: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]), alt: 'a chart', width: 1, height: 1 };
      const { messageId } = await publisher.post(CHANNEL, { text: 'The week in papers & more', image });
      const complete = fake.callsTo('files.completeUploadExternal');
      expect(complete).toHaveLength(1);
      expect(complete[0]!.body.initial_comment).toBe('The week in papers &amp; more');
      expect(messageId).toBe((fake.callsTo('files.getUploadURLExternal')[0]!.response as { file_id: string }).file_id);
      expect(Buffer.compare(fake.callsTo('file_upload')[0]!.bytes!, Buffer.from(image.data))).toBe(0);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);

      fake.script('files.completeUploadExternal', { body: { ok: false, error: 'channel_not_found' } });
      await expect(publisher.post(CHANNEL, { text: 'x', image })).rejects.toBeInstanceOf(PermanentPublishError);
    } finally {
      await fake.close();
    }
  });
});
