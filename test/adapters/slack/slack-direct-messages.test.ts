import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackDirectMessages } from '../../../src/adapters/slack/direct-messages.js';
import { botTokenForChannel, botTokenOf } from '../../../src/adapters/slack/installation-bridge.js';
import { createSlackPublisher } from '../../../src/adapters/slack/slack-publisher.js';
import { withDirectMessages } from '../../../src/core/direct-messages.js';
import { PermanentPublishError } from '../../../src/core/errors.js';
import { openStorage } from '../../../src/core/store/open-storage.js';
import type { Storage } from '../../../src/core/store/storage.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
let fake: FakeSlack | undefined;
let storage: Storage | undefined;
afterEach(async () => {
  await fake?.close();
  await storage?.close();
  fake = storage = undefined;
});

describe('Slack: opening a personal digest DM with OAuth installs (one token per workspace)', () => {
  it("opens the DM with the member's workspace token, and the publisher then posts there with that token", async () => {
    fake = await startFakeSlack();
    storage = await openStorage({ dataDir: tempDir() });
    const installs = storage.installations;
    await installs.save('slack', 'T1', JSON.stringify({ team: { id: 'T1' }, bot: { token: 'xoxb-one' } }), new Date());
    await installs.save('slack', 'T2', JSON.stringify({ team: { id: 'T2' }, bot: { token: 'xoxb-two' } }), new Date());
    // As the adapter builds it with OAuth: the client has no token of its own.
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const dms = createSlackDirectMessages(client, {
      tokenForWorkspace: (teamId) => botTokenOf(installs, teamId),
      remember: (channelId, installationId) => installs.rememberChannel('slack', channelId, installationId, new Date()),
    });
    const publisher = withDirectMessages(createSlackPublisher(client, (channelId) => botTokenForChannel(installs, channelId)), dms);

    await publisher.post('dm:T2:U9', { text: 'your papers' });
    expect(fake.callsTo('conversations.open').map((c) => [c.body.users, c.token])).toEqual([['U9', 'xoxb-two']]);
    expect(fake.callsTo('chat.postMessage').map((c) => [c.body.channel, c.token])).toEqual([['DU9', 'xoxb-two']]);
    expect(await botTokenForChannel(installs, 'DU9')).toBe('xoxb-two');
  });

  it('a workspace with no installation, or a member the bot cannot message, is a permanent failure named for the pause', async () => {
    fake = await startFakeSlack();
    storage = await openStorage({ dataDir: tempDir() });
    const installs = storage.installations;
    await installs.save('slack', 'T1', JSON.stringify({ team: { id: 'T1' }, bot: { token: 'xoxb-one' } }), new Date());
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const dms = createSlackDirectMessages(client, { tokenForWorkspace: (teamId) => botTokenOf(installs, teamId) });
    await expect(dms.openDirectMessage('T0GONE', 'U1')).rejects.toThrow(new PermanentPublishError('slack: no installation for workspace T0GONE (uninstalled?)'));
    fake.dmErrors.set('U0BOT2', 'cannot_dm_bot');
    fake.dmErrors.set('U0LEFT', 'user_not_found');
    await expect(dms.openDirectMessage('T1', 'U0BOT2')).rejects.toThrow(new PermanentPublishError('slack: cannot_dm_bot'));
    await expect(dms.openDirectMessage('T1', 'U0LEFT')).rejects.toThrow(new PermanentPublishError('slack: user_not_found'));
  });
});
