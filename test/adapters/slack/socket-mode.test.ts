import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { reactionEvent, slashCommandFields } from '../../fakes/slack/payloads.js';
import { blocksText, createStubChat } from './harness.js';

let fake: FakeSlack | undefined;
let adapter: SlackAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

describe('slack adapter (Socket Mode)', () => {
  it('opens the connection through SLACK_API_URL, acks envelopes and answers a slash command', async () => {
    fake = await startFakeSlack();
    const chat = createStubChat();
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl, adminUsers: [], port: 0 },
      chat,
      logger: createRecordingLogger(),
    });
    await adapter.start();
    await fake.socket.connected();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].token).toBe('xapp-test');
    expect(adapter.port).toBeUndefined();

    const responseUrl = fake.responseUrl();
    const ack = await fake.socket.send('slash_commands', slashCommandFields('search merging', responseUrl));
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await fake.waitFor((c) => c.method === 'response_url' && fake!.baseUrl + c.path === responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(blocksText(reply)).toContain('2504.00001');
    expect(chat.texts[0].text).toBe('search merging');

    chat.recorded.set('C0GENERAL/1700000000.000042', '2504.00001');
    const evAck = await fake.socket.send('events_api', reactionEvent(true, 'bookmark', '1700000000.000042'));
    expect(evAck.envelope_id).toMatch(/^env-/);
    const start = Date.now();
    while (chat.reactions.length === 0 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(chat.reactions[0]).toMatchObject({ messageId: '1700000000.000042', added: true });
  });
});
