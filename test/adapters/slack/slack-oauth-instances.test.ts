import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { createBot, type Bot } from '../../../src/bot.js';
import type { SlackConfig } from '../../../src/config.js';
import type { ChatCore } from '../../../src/core/chat.js';
import { PermanentPublishError } from '../../../src/core/errors.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../fakes/slack/fake-slack.js';
import { blockActionsBody, reactionEvent, slashCommandBody, type Who } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/sign.js';
import { buttons, cardPaperIds } from './harness.js';

const SIGNING_SECRET = 'oauth-test-signing-secret';
/** Committed with the repository (not the shared data folder): 74 papers. */
const SAMPLE = 'data/sample-digest.txt';

/** One bot instance: its own connection to the shared DATA_DIR, its own Bolt app in OAuth mode. */
interface Instance {
  bot: Bot;
  adapter: SlackAdapter;
  logger: ReturnType<typeof createRecordingLogger>;
  /** How often the core was asked, to see that a retried delivery did nothing the second time. */
  asked: { reaction: number; action: number };
  url(path: string): string;
}

const T1: Who = { teamId: 'T0LAB1', channelId: 'C0LAB1', userId: 'U0SAME' };
const T2: Who = { teamId: 'T0LAB2', channelId: 'C0LAB2', userId: 'U0SAME' };

describe('Slack OAuth installs served by two instances sharing one store', () => {
  let fake: FakeSlack;
  let dataDir: string;
  const instances: Instance[] = [];

  function counting(chat: ChatCore, asked: Instance['asked']): ChatCore {
    return {
      ...chat,
      reaction: (...a) => (asked.reaction++, chat.reaction(...a)),
      handleAction: (...a) => (asked.action++, chat.handleAction(...a)),
    };
  }

  async function startInstance(first: boolean): Promise<Instance> {
    const bot = await createBot({ dataDir });
    if (first) expect(await bot.ingest.ingestFile(SAMPLE)).toMatchObject({ ok: true });
    const logger = createRecordingLogger();
    const asked = { reaction: 0, action: 0 };
    const config: SlackConfig = {
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      adminUsers: [],
      port: 0,
      oauth: { clientId: fake.oauth.clientId, clientSecret: fake.oauth.clientSecret, stateSecret: 'a-state-secret-shared-by-all', installPath: '/slack/install', redirectPath: '/slack/oauth_redirect' },
    };
    const adapter = createSlackAdapter({ config, chat: counting(bot.chat, asked), logger, ...bot.platformStores });
    bot.digests.setPublisher(adapter.publisher);
    await adapter.start();
    return { bot, adapter, logger, asked, url: (path) => `http://127.0.0.1:${adapter.port}${path}` };
  }

  beforeAll(async () => {
    fake = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'papers-oauth-'));
    instances.push(await startInstance(true), await startInstance(false));
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.adapter.stop();
      await i.bot.close();
    }
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A person installs for `teamId`: the install link on one instance, Slack's redirect landing on the other. */
  async function install(teamId: string, startOn: Instance, finishOn: Instance, withCookie = true) {
    const start = await fetch(startOn.url('/slack/install'), { redirect: 'manual' });
    expect(start.status).toBe(302);
    const consent = start.headers.get('location') ?? '';
    expect(consent.startsWith(`${fake.baseUrl}/oauth/v2/authorize?`)).toBe(true);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
    fake.oauth.redirectUri = finishOn.url('/slack/oauth_redirect');
    const approved = await fetch(`${consent}&team=${teamId}`, { redirect: 'manual' });
    expect(approved.status).toBe(302);
    const back = await fetch(approved.headers.get('location') ?? '', { redirect: 'manual', headers: withCookie ? { cookie } : {} });
    return { status: back.status, page: await back.text() };
  }

  async function command(on: Instance, text: string, who: Who): Promise<RecordedCall> {
    const responseUrl = fake.responseUrl();
    const res = await postSigned({ url: on.url('/slack/events'), body: slashCommandBody(text, responseUrl, who), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    return fake.waitFor((c) => c.method === 'response_url' && fake.baseUrl + c.path === responseUrl, 10_000);
  }

  const teamOfToken = (token: string | undefined) => (token ? fake.tokens.get(token)?.teamId : undefined);
  const until = async (check: () => boolean, what: string) => {
    for (let n = 0; n < 500 && !check(); n++) await new Promise((r) => setTimeout(r, 10));
    expect(check(), what).toBe(true);
  };

  it('installs two workspaces through the OAuth flow, each started on one instance and finished on the other', async () => {
    const [a, b] = instances;
    expect(await install(T1.teamId!, a, b)).toMatchObject({ status: 200 });
    expect(await install(T2.teamId!, b, a)).toMatchObject({ status: 200 });
    expect(fake.callsTo('oauth.v2.access').map((c) => c.response)).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    for (const i of instances) expect(await i.bot.platformStores.installations.count('slack')).toBe(2);
    expect(b.logger.records.filter((r) => r.msg === 'slack workspace installed').map((r) => (r.obj as { installationId: string }).installationId)).toEqual([T1.teamId]);
    const saved = JSON.parse((await a.bot.platformStores.installations.get('slack', T2.teamId!)) ?? '{}') as { bot?: { token?: string } };
    expect(teamOfToken(saved.bot?.token)).toBe(T2.teamId);

    // A redirect without the browser's state cookie (a forged or replayed link) installs nothing.
    const forged = await install('T0EVIL', a, b, false);
    expect(forged.status).not.toBe(200);
    expect(await a.bot.platformStores.installations.get('slack', 'T0EVIL')).toBeUndefined();
  });

  it('a redirect with a code Slack never issued installs nothing, and the instance keeps serving', async () => {
    const [a] = instances;
    const start = await fetch(a.url('/slack/install'), { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
    const back = await fetch(`${a.url('/slack/oauth_redirect')}?code=made-up&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(back.status).not.toBe(200);
    expect(fake.callsTo('oauth.v2.access').at(-1)?.response).toMatchObject({ ok: false, error: 'invalid_code' });
    expect(await a.bot.platformStores.installations.count('slack')).toBe(2);
    expect((await fetch(a.url('/slack/install'), { redirect: 'manual' })).status).toBe(302);
  });

  it('a damaged installation record pauses its channel’s digests with a reason instead of crashing', async () => {
    const [a] = instances;
    const store = a.bot.platformStores.installations;
    await store.save('slack', 'T0BROKEN', '{not json', new Date());
    await store.rememberChannel('slack', 'C0BROKEN', 'T0BROKEN', new Date());
    await expect(a.adapter.publisher.post('C0BROKEN', { text: 'x' })).rejects.toThrow(PermanentPublishError);
    expect(await store.delete('slack', 'T0BROKEN')).toBe(true);
  });

  it('search answers in both workspaces, each request acting with its own workspace token', async () => {
    const [a, b] = instances;
    const r1 = await command(a, 'search model merging', T1);
    const r2 = await command(b, 'search model merging', T2);
    for (const r of [r1, r2]) expect(cardPaperIds(r.body.blocks).length).toBeGreaterThan(0);
    expect(cardPaperIds(r1.body.blocks)).toEqual(cardPaperIds(r2.body.blocks));
    // The admin check (users.info) went out with the token of the workspace that asked.
    const lookups = fake.callsTo('users.info').map((c) => teamOfToken(c.token));
    expect(lookups).toEqual(expect.arrayContaining([T1.teamId, T2.teamId]));
    expect(lookups).not.toContain(undefined);
  });

  it('a workspace that never installed gets nothing done, and the bot says why in its log', async () => {
    const [a] = instances;
    const who: Who = { teamId: 'T0NEVER', channelId: 'C0NEVER', userId: 'U0X' };
    const res = await postSigned({ url: a.url('/slack/events'), body: slashCommandBody('search agents', fake.responseUrl('never'), who), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    expect(res.status).toBeLessThan(500);
    const authError = () => a.logger.records.some((r) => r.msg === 'bolt error' && String((r.obj as { err?: Error }).err?.message).includes('no Slack installation for T0NEVER'));
    await until(authError, 'an authorization error naming the workspace');
    expect(fake.calls.some((c) => c.path.endsWith('/never'))).toBe(false);
  });

  it('bookmarks stay per workspace, for the same user id in both', async () => {
    const [a, b] = instances;
    const results = await command(a, 'search model merging', T1);
    const bookmark = buttons(results.body.blocks).find((x) => x.action_id.startsWith('papers_bookmark_'))!;
    const responseUrl = fake.responseUrl();
    await postSigned({ url: b.url('/slack/events'), body: blockActionsBody({ actionId: bookmark.action_id, value: bookmark.value, responseUrl }, T1), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    await fake.waitFor((c) => fake.baseUrl + c.path === responseUrl, 10_000);
    expect(JSON.stringify((await command(a, 'bookmarks', T1)).body)).toContain(bookmark.value);
    expect(JSON.stringify((await command(b, 'bookmarks', T2)).body)).not.toContain(bookmark.value);
  });

  it('a digest post names only its channel; either instance posts it with that workspace’s token', async () => {
    const [a, b] = instances;
    // T1's channel was seen through instance a and T2's through b; post each from the other.
    await b.adapter.publisher.post(T1.channelId!, { text: 'digest for lab 1' });
    await a.adapter.publisher.post(T2.channelId!, { text: 'digest for lab 2' });
    const posts = fake.callsTo('chat.postMessage').filter((c) => /digest for lab/.test(String(c.body.text)));
    expect(posts.map((c) => [c.body.channel, teamOfToken(c.token)])).toEqual([
      [T1.channelId, T1.teamId],
      [T2.channelId, T2.teamId],
    ]);
    await expect(a.adapter.publisher.post('C0UNKNOWN', { text: 'x' })).rejects.toBeInstanceOf(PermanentPublishError);
  });

  it('a retried event delivered to the second instance does nothing twice', async () => {
    const [a, b] = instances;
    const results = await command(a, 'search agents', T1);
    const share = buttons(results.body.blocks).find((x) => x.action_id.startsWith('papers_share_'))!;
    await postSigned({ url: a.url('/slack/events'), body: blockActionsBody({ actionId: share.action_id, value: share.value, responseUrl: fake.responseUrl() }, T1), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    const shared = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === T1.channelId && JSON.stringify(c.body.blocks ?? []).includes(share.value), 10_000);
    expect(teamOfToken(shared.token)).toBe(T1.teamId);
    const ts = (shared.response as { ts: string }).ts;
    const owner = { platform: 'slack' as const, workspaceId: T1.teamId!, userId: T1.userId! };
    const bookmarked = () => a.bot.bookmarks.has(owner, share.value);
    let has = false;
    const poll = async (want: boolean) => {
      for (let n = 0; n < 500 && (has = await bookmarked()) !== want; n++) await new Promise((r) => setTimeout(r, 10));
      return has;
    };

    const added = JSON.stringify(reactionEvent(true, 'bookmark', ts, T1));
    const removed = JSON.stringify(reactionEvent(false, 'bookmark', ts, T1));
    const deliver = (on: Instance, body: string, retry?: number) =>
      postSigned({ url: on.url('/slack/events'), body, contentType: 'application/json', signingSecret: SIGNING_SECRET, headers: retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {} });
    expect((await deliver(a, added)).status).toBe(200);
    expect(await poll(true)).toBe(true);
    expect((await deliver(a, removed)).status).toBe(200);
    expect(await poll(false)).toBe(false);
    const reactionsBefore = a.asked.reaction + b.asked.reaction;

    // Slack thought the first delivery timed out and retries it, to the other instance.
    expect((await deliver(b, added, 1)).status).toBe(200);
    await until(() => b.logger.records.some((r) => r.msg === 'duplicate delivery ignored' && (r.obj as { key?: string }).key === `slack:event:${JSON.parse(added).event_id}`), 'the retry recognised');
    expect(a.asked.reaction + b.asked.reaction).toBe(reactionsBefore);
    expect(await bookmarked()).toBe(false);

    // An interaction delivered twice (same trigger id) is acknowledged both times, acted on once.
    const bookmark = buttons(results.body.blocks).find((x) => x.action_id.startsWith('papers_bookmark_'))!;
    const click = blockActionsBody({ actionId: bookmark.action_id, value: bookmark.value, responseUrl: fake.responseUrl('twice') }, T1);
    const actionsBefore = a.asked.action + b.asked.action;
    for (const on of [a, b]) expect((await postSigned({ url: on.url('/slack/events'), body: click, contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET })).status).toBe(200);
    await until(() => b.logger.records.some((r) => r.msg === 'duplicate delivery ignored' && /^slack:interaction:/.test(String((r.obj as { key?: string }).key))), 'the repeated click recognised');
    await fake.waitFor((c) => c.path.endsWith('/twice'), 10_000);
    expect(a.asked.action + b.asked.action).toBe(actionsBefore + 1);
    expect(fake.calls.filter((c) => c.path.endsWith('/twice'))).toHaveLength(1);
  });

  it('app_uninstalled forgets the workspace on every instance: its digests stop with a clear reason', async () => {
    const [a, b] = instances;
    const event = { ...reactionEvent(true, 'bookmark', '1.2', T2), event: { type: 'app_uninstalled', event_ts: '1700000009.000000' } };
    expect((await postSigned({ url: a.url('/slack/events'), body: JSON.stringify(event), contentType: 'application/json', signingSecret: SIGNING_SECRET })).status).toBe(200);
    await until(() => a.logger.records.some((r) => r.msg === 'slack app uninstalled; installation forgotten'), 'the uninstall handled');
    expect(await b.bot.platformStores.installations.get('slack', T2.teamId!)).toBeUndefined();
    await expect(b.adapter.publisher.post(T2.channelId!, { text: 'x' })).rejects.toThrow(/no installation reaches channel C0LAB2/);
    // The other workspace is untouched.
    await b.adapter.publisher.post(T1.channelId!, { text: 'still here' });
    expect(teamOfToken(fake.callsTo('chat.postMessage').at(-1)?.token)).toBe(T1.teamId);
  });
});
