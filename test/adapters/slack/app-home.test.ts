import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import type { Caller } from '../../../src/core/reply.js';
import { appHomeOpenedEvent, homeBlockActionsBody, reactionEvent } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/sign.js';
import { HF_FIXTURE, PREF, RSTAR, SSM } from '../../commands/reading-env.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { buttons, SIGNING_SECRET, startHarness, waitUntil, type Harness } from './harness.js';

/** The real bot (createBot over the HF fixture) behind real Bolt, against the fake Slack: Home tab and ✅. */
const tempDir = useTempDirs();
let bot: Bot;
let dataDir: string;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  await bot?.close();
});

const ALICE: Caller = { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C0GENERAL', userId: 'U0ALICE', isAdmin: false };

async function start() {
  const clock = createFakeClock('2026-05-01T10:00:00.000Z');
  dataDir = tempDir();
  bot = await createBot({ dataDir, clock });
  const outcome = await bot.ingest.ingestFile(HF_FIXTURE);
  if (!outcome.ok) throw new Error(outcome.error);
  h = await startHarness(bot.chat);
  return { h, clock };
}

type PublishedView = { type: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id: string; value: string }> }> };

function lastView(hh: Harness): PublishedView {
  const call = hh.fake.callsTo('views.publish').at(-1)!;
  expect(call.body.user_id).toBe('U0ALICE');
  return (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view) as PublishedView;
}
const textOf = (v: PublishedView) => v.blocks.map((b) => b.text?.text ?? '').join('\n');

describe('Slack App Home and ✅', () => {
  it('app_home_opened publishes the reading list: unread first with tags and notes; Mark read there refreshes it', async () => {
    const { h, clock } = await start();
    expect(await h.event(appHomeOpenedEvent())).toBe(200);
    await waitUntil(() => h.fake.callsTo('views.publish').length === 1);
    expect(textOf(lastView(h))).toMatch(/No bookmarks yet/);

    await bot.chat.handleText(`note ${PREF} read before Friday`, ALICE);
    clock.advance(1000);
    await bot.chat.handleText(`tag ${RSTAR} agents`, ALICE);
    clock.advance(1000);
    await bot.chat.handleAction({ kind: 'bookmark', paperId: SSM }, ALICE);
    await bot.chat.handleText(`read ${SSM}`, ALICE);
    // The messages tab opening is not the Home: nothing is published for it.
    expect(await h.event(appHomeOpenedEvent({}, 'messages'))).toBe(200);
    expect(await h.event(appHomeOpenedEvent())).toBe(200);
    await waitUntil(() => h.fake.callsTo('views.publish').length === 2);
    const view = lastView(h);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(view);
    expect(text).toContain('*Your tags:* #agents (1)');
    // Unread ones first (newest first), then the read one.
    const order = [PREF, RSTAR, SSM].map((id) => text.indexOf(peekSqlite(dataDir).prepare('SELECT title FROM papers WHERE id = ?').pluck().get(id) as string));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order[1]).toBeLessThan(order[0]!);
    expect(order[0]).toBeLessThan(order[2]!);
    expect(text).toContain('📝 read before Friday');
    expect(text).toContain('TL;DR (Hugging Face)');
    const markRead = buttons(view.blocks).filter((b) => b.action_id.startsWith('papers_read_'));
    expect(markRead.map((b) => b.value)).toEqual([RSTAR, PREF]);

    // A click on the Home tab has no response_url: the bot acts and publishes the Home again.
    const res = await postSigned({ url: h.eventsUrl, body: homeBlockActionsBody(markRead[1]!.action_id, PREF), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    await waitUntil(() => h.fake.callsTo('views.publish').length === 3);
    expect(buttons(lastView(h).blocks).filter((b) => b.action_id.startsWith('papers_read_')).map((b) => b.value)).toEqual([RSTAR]);
    expect((await bot.reading.annotations(ALICE, [PREF])).get(PREF)?.readAt).toBeDefined();
    expect(h.fake.callsTo('response_url')).toHaveLength(0);
  });

  it('✅ on a bot post marks a bookmark read, removing it marks it unread; on a paper not bookmarked it does nothing', async () => {
    const { h } = await start();
    await bot.chat.recordMessage({ platform: 'slack', channelId: 'C0GENERAL' }, '1700000000.000042', PREF);
    await bot.chat.recordMessage({ platform: 'slack', channelId: 'C0GENERAL' }, '1700000000.000043', RSTAR);
    const readAt = async () => (await bot.reading.annotations(ALICE, [PREF])).get(PREF)?.readAt;
    // ✅ on a post of a paper Alice never bookmarked: checked at the end, after several round trips.
    expect(await h.event(reactionEvent(true, 'white_check_mark', '1700000000.000043'))).toBe(200);
    expect(await h.event(reactionEvent(true, 'bookmark', '1700000000.000042'))).toBe(200);
    await waitUntil(() => peekSqlite(dataDir).prepare('SELECT 1 FROM bookmarks').all().length === 1);
    expect(await h.event(reactionEvent(true, 'white_check_mark', '1700000000.000042'))).toBe(200);
    await waitUntil(() => peekSqlite(dataDir).prepare('SELECT 1 FROM reading_notes WHERE read_at IS NOT NULL').all().length === 1);
    expect(await h.event(reactionEvent(false, 'white_check_mark', '1700000000.000042'))).toBe(200);
    await waitUntil(() => peekSqlite(dataDir).prepare('SELECT 1 FROM reading_notes WHERE read_at IS NULL').all().length === 1);
    expect(await readAt()).toBeUndefined();
    expect(await bot.bookmarks.has(ALICE, RSTAR)).toBe(false);
    expect(peekSqlite(dataDir).prepare('SELECT COUNT(*) FROM reading_notes WHERE paper_id = ?').pluck().get(RSTAR)).toBe(0);
  });
});
