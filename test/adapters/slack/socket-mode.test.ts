import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { blockActionsPayload, reactionEvent, slashCommandFields } from '../../fakes/slack/payloads.js';
import { blocksText, buttons, createStubChat, startSeededBot, waitUntil, type SeededBot } from './harness.js';

let fake: FakeSlack | undefined;
let adapter: SlackAdapter | undefined;
let seeded: SeededBot | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  await seeded?.close();
  adapter = undefined;
  fake = undefined;
  seeded = undefined;
});

/**
 * Bolt answers an envelope with `{envelope_id, payload}`. The payload must stay empty: replies go
 * through response_url, and text in the ack would show as a second, unthreaded answer.
 */
function expectBareAck(ack: { envelope_id: string; payload?: unknown }, f: FakeSlack) {
  expect(ack).toEqual({ envelope_id: f.socket.envelopes.at(-1)!.envelope_id, payload: {} });
}

async function startSocketAdapter(chat: Parameters<typeof createSlackAdapter>[0]['chat']): Promise<FakeSlack> {
  const f = await startFakeSlack();
  fake = f;
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: f.apiUrl, adminUsers: [], port: 0 },
    chat,
    logger: createRecordingLogger(),
  });
  await adapter.start();
  await f.socket.connected();
  return f;
}

describe('slack adapter (Socket Mode)', () => {
  it('opens the connection through SLACK_API_URL, acks envelopes and answers a slash command', async () => {
    const chat = createStubChat();
    const f = await startSocketAdapter(chat);
    const open = f.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].token).toBe('xapp-test');
    expect(adapter!.port).toBeUndefined();

    const responseUrl = f.responseUrl();
    const ack = await f.socket.send('slash_commands', slashCommandFields('search merging', responseUrl));
    expectBareAck(ack, f);
    const reply = await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(blocksText(reply)).toContain('2504.00001');
    expect(chat.texts[0].text).toBe('search merging');

    chat.recorded.set('C0GENERAL/1700000000.000042', '2504.00001');
    const evAck = await f.socket.send('events_api', reactionEvent(true, 'bookmark', '1700000000.000042'));
    expectBareAck(evAck, f);
    await waitUntil(() => chat.reactions.length > 0);
    expect(chat.reactions[0]).toMatchObject({ messageId: '1700000000.000042', added: true });
    // one ack frame per envelope, in order, none extra
    expect(f.socket.acks.map((a) => a.envelope_id)).toEqual(f.socket.envelopes.map((e) => e.envelope_id));
  });

  it('a Bookmark click arriving as an interactive envelope is acked and stores the bookmark (real bot)', async () => {
    seeded = await startSeededBot();
    const f = await startSocketAdapter(seeded.bot.chat);

    const searchUrl = f.responseUrl();
    expectBareAck(await f.socket.send('slash_commands', slashCommandFields('search model merging', searchUrl)), f);
    const results = await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === searchUrl);
    const bookmark = buttons(results.body.blocks).filter((b) => b.action_id.startsWith('papers_bookmark_'))[1];
    expect(bookmark).toBeDefined();

    // a click on the ephemeral results: Slack sends no `message`, only the container
    const clickUrl = f.responseUrl();
    const ack = await f.socket.send('interactive', blockActionsPayload({ actionId: bookmark.action_id, value: bookmark.value, responseUrl: clickUrl }));
    expect(f.socket.envelopes.at(-1)).toMatchObject({ type: 'interactive', accepts_response_payload: false });
    expectBareAck(ack, f);

    const confirm = await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === clickUrl);
    expect(confirm.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(confirm.body.text)).toMatch(/^Bookmarked "/);
    expect(seeded.rows('SELECT platform, workspace_id, user_id, paper_id FROM bookmarks')).toEqual([
      { platform: 'slack', workspace_id: 'T0FAKE', user_id: 'U0ALICE', paper_id: bookmark.value },
    ]);
    expect(f.socket.acks.map((a) => a.envelope_id)).toEqual(f.socket.envelopes.map((e) => e.envelope_id));
  });
});
