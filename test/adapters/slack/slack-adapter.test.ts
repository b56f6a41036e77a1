import { afterEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../../src/adapters/slack/action-codec.js';
import { reactionEvent, slashCommandBody } from '../../fakes/slack/payloads.js';
import { postSigned, signSlackRequest } from '../../fakes/slack/sign.js';
import { blocksText, createStubChat, SIGNING_SECRET, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Button = { action_id: string; value: string; text: { text: string } };
function buttons(blocks: unknown): Button[] {
  return ((blocks ?? []) as Array<{ type: string; elements?: Button[] }>).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

describe('slack adapter (HTTP mode, real Bolt, fake Slack)', () => {
  it('answers /papers search with an ephemeral Block Kit reply through response_url', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const { status, reply } = await h.command('search model merging');
    expect(status).toBe(200);
    expect(chat.texts).toEqual([{ text: 'search model merging', caller: { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C0GENERAL', userId: 'U0ALICE', isAdmin: false, maxCards: 15 } }]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toContain('Results for');
    expect(blocksText(reply)).toContain('<https://arxiv.org/abs/2504.00001|Paper 2504.00001 &amp; &lt;friends&gt;>');
    expect(blocksText(reply)).toContain('*merging*');
    const labels = buttons(reply.body.blocks).map((b) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(['🔖 Bookmark', 'More like this', 'Share to channel', 'Next page']));
    expect(h.fake.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(h.fake.callsTo('auth.test')[0].token).toBe('xoxb-test');
  });

  it('treats workspace admins (users.info, cached) and SLACK_ADMIN_USERS as admins', async () => {
    const chat = createStubChat();
    h = await startHarness(chat, { adminUsers: ['U0LISTED'] });
    h.fake.users.set('U0BOSS', { id: 'U0BOSS', is_admin: true });
    h.fake.users.set('U0OWNER', { id: 'U0OWNER', is_owner: true });
    await h.command('subscribe --time 09:00', { userId: 'U0BOSS' });
    await h.command('subscribe --time 09:00', { userId: 'U0BOSS' });
    await h.command('subscribe --time 09:00', { userId: 'U0OWNER' });
    await h.command('subscribe --time 09:00', { userId: 'U0LISTED' });
    await h.command('subscribe --time 09:00', { userId: 'U0NOBODY' });
    expect(chat.texts.map((t) => t.caller.isAdmin)).toEqual([true, true, true, true, false]);
    const lookedUp = h.fake.callsTo('users.info').map((c) => c.body.user);
    expect(lookedUp).toEqual(['U0BOSS', 'U0OWNER', 'U0NOBODY']);
  });

  it('rejects a bad signature with 401 and does nothing', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const res = await postSigned({ url: h.eventsUrl, body: slashCommandBody('search x', h.fake.responseUrl()), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET, signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    const wrongSecret = await postSigned({ url: h.eventsUrl, body: slashCommandBody('search x', h.fake.responseUrl()), contentType: 'application/x-www-form-urlencoded', signingSecret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(chat.texts).toEqual([]);
    expect(h.fake.callsTo('response_url')).toEqual([]);
  });

  it('rejects a request whose timestamp is more than 5 minutes old, even with a valid signature', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const body = slashCommandBody('search x', h.fake.responseUrl());
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(signSlackRequest(SIGNING_SECRET, body, old)['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const res = await postSigned({ url: h.eventsUrl, body, contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET, timestampSec: old });
    expect(res.status).toBe(401);
    expect(chat.texts).toEqual([]);
  });

  it('answers unknown subcommands and handler failures with a message, never a crash', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const unknown = await h.command('frobnicate now');
    expect(unknown.reply.body.response_type).toBe('ephemeral');
    expect(unknown.reply.body.text).toContain('Usage');
    const boom = await h.command('boom');
    expect(boom.reply.body.text).toMatch(/error id [0-9a-f]{8}/);
    expect(h.logger.records.some((r) => r.level === 'error' && r.msg === 'slack handler failed')).toBe(true);
    // still serving afterwards; text arrives escaped by Slack and reaches the core as typed
    expect((await h.command('search A &amp; B &lt;x&gt;')).reply.body.text).toContain('Results for');
    expect(chat.texts.at(-1)?.text).toBe('search A & B <x>');
  });

  it('answers malformed payloads with a usage hint and keeps serving', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const forged = await h.click({ actionId: 'papers_run_0', value: '{not json' });
    expect(forged.status).toBe(200);
    expect(forged.reply?.body.text).toContain('/papers help');
    const noUser = await postSigned({ url: h.eventsUrl, body: slashCommandBody('search x', h.fake.responseUrl('nouser')).replace(/user_id=U0ALICE&/, ''), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    expect(noUser.status).toBe(200);
    const r = await h.fake.waitFor((c) => c.path === '/response/nouser');
    expect(r.body.text).toContain('/papers help');
    const garbage = await postSigned({ url: h.eventsUrl, body: '{"type":"event_callback","event":', contentType: 'application/json', signingSecret: SIGNING_SECRET });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(await h.event(reactionEvent(true, 'bookmark', '', {}))).toBe(200);
    expect(await h.event({ type: 'event_callback', team_id: 'T0FAKE', event: { type: 'reaction_added', reaction: 'bookmark' }, event_id: 'Ev0' })).toBe(200);
    expect(chat.texts).toEqual([]);
    expect((await h.command('search still fine')).reply.body.text).toContain('Results for');
  });

  it('Bookmark from an ephemeral reply carries the paper in the button value and confirms ephemerally', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const { reply } = await h.command('search merging');
    const bookmark = buttons(reply.body.blocks).find((b) => b.text.text.includes('Bookmark'))!;
    const click = await h.click({ actionId: bookmark.action_id, value: bookmark.value });
    expect(chat.actions[0].action).toEqual({ kind: 'bookmark', paperId: '2504.00001' });
    expect(click.reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(click.reply?.body.text).toContain('Bookmarked 2504.00001');
  });

  it('Next page replaces the ephemeral list in place', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const { reply } = await h.command('search merging');
    const next = buttons(reply.body.blocks).find((b) => b.text.text === 'Next page')!;
    expect(decodeAction(next.action_id, next.value)).toMatchObject({ kind: 'run', command: 'search', args: { page: 2 } });
    const click = await h.click({ actionId: next.action_id, value: next.value });
    expect(click.reply?.body.replace_original).toBe(true);
    expect(blocksText(click.reply!)).toContain('2504.00003');
  });

  it('Share posts the paper to the channel, records it, and a 🔖 on it bookmarks via the core', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const { reply } = await h.command('search merging');
    const share = buttons(reply.body.blocks).find((b) => b.text.text === 'Share to channel')!;
    await h.click({ actionId: share.action_id, value: share.value }, undefined, false);
    const posted = await h.fake.waitFor((c) => c.method === 'chat.postMessage');
    expect(posted.body).toMatchObject({ channel: 'C0GENERAL', unfurl_links: 'false' });
    expect(String(posted.body.text)).toContain('2504.00001');
    expect(blocksText(posted)).toContain('Bookmark');
    const ts = '1700000000.000001';
    await waitUntil(() => chat.recorded.size === 1);
    expect(chat.recorded.get(`C0GENERAL/${ts}`)).toBe('2504.00001');

    expect(await h.event(reactionEvent(true, 'thumbsup', ts))).toBe(200);
    expect(await h.event(reactionEvent(true, 'bookmark', ts))).toBe(200);
    expect(await h.event(reactionEvent(false, 'bookmark', ts))).toBe(200);
    await waitUntil(() => chat.reactions.length === 2);
    expect(chat.reactions.map((r) => [r.messageId, r.added, r.caller.userId, r.caller.channelId])).toEqual([
      [ts, true, 'U0ALICE', 'C0GENERAL'],
      [ts, false, 'U0ALICE', 'C0GENERAL'],
    ]);
  });

  it('shows a small export inline as a code block and sends a large one to the caller\'s DM', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    const small = await h.command('bookmarks export small');
    expect(blocksText(small.reply)).toContain('bookmarks.bib');
    expect(blocksText(small.reply)).toContain('```@misc{a,');
    expect(blocksText(small.reply)).toContain('A &amp; &lt;B&gt;');
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(0);

    const large = await h.command('bookmarks export large');
    expect(large.reply.body.response_type).toBe('ephemeral');
    expect(blocksText(large.reply)).toContain('direct message');
    expect(h.fake.callsTo('conversations.open')[0].body.users).toBe('U0ALICE');
    const complete = h.fake.callsTo('files.completeUploadExternal')[0];
    expect(complete.body.channel_id).toBe('DU0ALICE');
    const upload = h.fake.callsTo('file_upload')[0];
    expect(String(upload.body._raw)).toContain('@misc{k,');
  });

  it('Share in a channel the bot is not in tells the user how to invite it', async () => {
    const chat = createStubChat();
    h = await startHarness(chat);
    h.fake.channelErrors.set('C0PRIVATE', 'not_in_channel');
    const click = await h.click({ actionId: 'papers_share_2', value: '2504.00001' }, { channelId: 'C0PRIVATE' });
    expect(click.reply?.body.text).toContain('/invite');
    expect(chat.recorded.size).toBe(0);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
