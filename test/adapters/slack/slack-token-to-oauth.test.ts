import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { createBot, type Bot } from '../../../src/bot.js';
import type { SlackConfig } from '../../../src/config.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { slashCommandBody, type Who } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/sign.js';

const SIGNING_SECRET = 'token-to-oauth-signing-secret';
const LAB: Who = { teamId: 'T0LAB', channelId: 'C0LABDIGEST', userId: 'U0ADMIN' };
const TOP = 3;

let fake: FakeSlack | undefined;
let dataDir: string | undefined;
const running: Array<{ bot: Bot; adapter: SlackAdapter }> = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.adapter.stop();
    await r.bot.close();
  }
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  fake = dataDir = undefined;
});

/** The bot on `dataDir` with Slack in the given mode, as a restart with a new configuration makes it. */
async function startBot(f: FakeSlack, dir: string, mode: Pick<SlackConfig, 'botToken' | 'oauth'>) {
  const bot = await createBot({ dataDir: dir });
  const config: SlackConfig = { signingSecret: SIGNING_SECRET, apiUrl: f.apiUrl, adminUsers: [LAB.userId!], port: 0, ...mode };
  const adapter = createSlackAdapter({ config, chat: bot.chat, logger: createRecordingLogger(), ...bot.platformStores });
  bot.digests.setPublisher(adapter.publisher);
  await adapter.start();
  running.push({ bot, adapter });
  return { bot, adapter, url: (path: string) => `http://127.0.0.1:${adapter.port}${path}` };
}

async function stopBot(): Promise<void> {
  const r = running.pop()!;
  await r.adapter.stop();
  await r.bot.close();
}

describe('a workspace subscribed with one bot token, then moved to OAuth installs', () => {
  it('its scheduled digest is posted with the installation’s token, with no command in the channel since', { timeout: 60_000 }, async () => {
    const f = (fake = await startFakeSlack());
    const dir = (dataDir = mkdtempSync(join(tmpdir(), 'papers-token-oauth-')));

    // Before: single-token mode; an admin subscribes the channel.
    const before = await startBot(f, dir, { botToken: 'xoxb-test' });
    expect(await before.bot.ingest.ingestFile('data/sample-digest.txt')).toMatchObject({ ok: true });
    const responseUrl = f.responseUrl();
    const body = slashCommandBody(`subscribe --time 09:00 --tz UTC --top ${TOP}`, responseUrl, LAB);
    expect((await postSigned({ url: before.url('/slack/events'), body, contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET })).status).toBe(200);
    const reply = await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === responseUrl, 10_000);
    expect(String(reply.body.text)).toMatch(/^Subscribed/);
    await stopBot();

    // After: restarted with OAuth installs; the workspace installs the app through the OAuth flow.
    const after = await startBot(f, dir, {
      oauth: { clientId: f.oauth.clientId, clientSecret: f.oauth.clientSecret, stateSecret: 'state-secret', installPath: '/slack/install', redirectPath: '/slack/oauth_redirect' },
    });
    const begin = await fetch(after.url('/slack/install'), { redirect: 'manual' });
    const cookie = (begin.headers.get('set-cookie') ?? '').split(';')[0];
    f.oauth.redirectUri = after.url('/slack/oauth_redirect');
    const approved = await fetch(`${begin.headers.get('location')}&team=${LAB.teamId}`, { redirect: 'manual' });
    expect((await fetch(approved.headers.get('location') ?? '', { headers: { cookie } })).status).toBe(200);
    const installations = after.bot.platformStores.installations;
    // Nobody has used /papers in the channel since the move: no installation is remembered for it.
    expect(await installations.installationOfChannel('slack', LAB.channelId!)).toBeUndefined();

    // The next 09:00 UTC slot comes.
    const next = new Date(Date.now() + 86_400_000);
    next.setUTCHours(9, 0, 30, 0);
    const report = await after.bot.digests.tick(next);
    expect(report).toMatchObject({ planned: 1, paused: 0 });

    const posts = f.callsTo('chat.postMessage').filter((c) => c.body.channel === LAB.channelId);
    expect(posts).toHaveLength(TOP + 1);
    for (const p of posts) expect(f.tokens.get(p.token ?? '')?.teamId).toBe(LAB.teamId);
    const sub = (await after.bot.storage.digests.list({ platform: 'slack' }))[0];
    expect(sub).toMatchObject({ channelId: LAB.channelId, workspaceId: LAB.teamId, pausedReason: null });
  });
});
