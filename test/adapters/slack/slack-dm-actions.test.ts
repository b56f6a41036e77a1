import { describe, expect, it } from 'vitest';
import { FAKE_TEAM_ID, type RecordedCall } from '../../fakes/slack/fake-slack.js';
import { reactionEvent } from '../../fakes/slack/payloads.js';
import { DM_SLOT, useDmBot } from '../dm-bot.js';
import { buttons, cardPaperIds, startHarness, waitUntil } from './harness.js';

const start = useDmBot((b) => startHarness(b.chat, {}, undefined, (p) => b.digests.setPublisher(p)));

const alice = { platform: 'slack' as const, workspaceId: FAKE_TEAM_ID, userId: 'U0ALICE' };
/** Alice's IM with the bot, as the fake's conversations.open names it. */
const IM = { channelId: 'DU0ALICE' };

/** Alice subscribed and got her personal digest by DM: its card posts (ts and paper), in order. */
async function dmDigest() {
  const env = await start();
  const { bot: b, h } = env;
  await h.command('for-me subscribe --time 08:00 --tz Europe/Berlin --top 3');
  for (const id of ['2401.20000', '2401.20001', '2401.20002']) await b.bookmarks.add(alice, id);
  env.clock.set(DM_SLOT);
  await b.digests.tick();
  const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === IM.channelId).slice(1);
  expect(posts).toHaveLength(3);
  const cards = posts.map((c: RecordedCall) => ({ ts: (c.response as { ts: string }).ts, paperId: cardPaperIds(c.body.blocks)[0]!, blocks: c.body.blocks }));
  return { ...env, cards };
}

describe('Slack: 🔖 and buttons on a personal digest in the DM act in the subscriber’s workspace', () => {
  it('🔖 on a DM digest post bookmarks the paper; removing the 🔖 un-bookmarks it', async () => {
    const { bot: b, h, cards } = await dmDigest();
    const { ts, paperId } = cards[0]!;
    expect(await h.event(reactionEvent(true, 'bookmark', ts, IM))).toBe(200);
    await waitUntil(() => h.logger.records.some((r) => r.msg === 'bookmarked by reaction'));
    expect(await b.bookmarks.has(alice, paperId)).toBe(true);
    expect(await h.event(reactionEvent(false, 'bookmark', ts, IM))).toBe(200);
    await waitUntil(() => h.logger.records.some((r) => r.msg === 'unbookmarked by reaction'));
    expect(await b.bookmarks.has(alice, paperId)).toBe(false);
  });

  it('Bookmark and Not interested buttons on a DM digest post act in the workspace', async () => {
    const { bot: b, h, cards } = await dmDigest();
    const [first, second] = [cards[0]!, cards[1]!];
    const bookmark = buttons(first.blocks).find((x) => x.action_id.startsWith('papers_bookmark_'))!;
    const clicked = await h.click({ actionId: bookmark.action_id, value: bookmark.value, messageTs: first.ts }, IM);
    expect(clicked.reply?.body.text).not.toMatch(/went wrong/);
    expect(await b.bookmarks.has(alice, first.paperId)).toBe(true);

    // A personal digest's card is a recommendation: it has 👎 Not interested, as /papers for-me's do.
    const dismiss = buttons(second.blocks).find((x) => x.text.text === '👎 Not interested')!;
    expect(dismiss.value).toBe(second.paperId);
    const said = await h.click({ actionId: dismiss.action_id, value: dismiss.value, messageTs: second.ts }, IM);
    expect(said.reply?.body.text).toMatch(/^Not interested in ".+"/);
    expect(await b.storage.feedback.dismissed(alice, 10)).toEqual([second.paperId]);

    // Undo on that (ephemeral) answer in the DM, as on /papers for-me: the payload names the workspace.
    const undo = buttons(said.reply?.body.blocks).find((x) => x.text.text === 'Undo')!;
    const undone = await h.click({ actionId: undo.action_id, value: undo.value }, IM);
    expect(undone.reply?.body.text).toMatch(/^Undone: ".+" counts as before/);
    expect(await b.storage.feedback.dismissed(alice, 10)).toEqual([]);
  });

  it('bad input: 🔖 on a DM message no personal digest recorded does nothing', async () => {
    const { bot: b, h, cards } = await dmDigest();
    const before = (await b.bookmarks.list(alice, { limit: 10 })).paperIds;
    expect(await h.event(reactionEvent(true, 'bookmark', '1700000000.999000', IM))).toBe(200);
    // A 🔖 that counts after it, to know the first was handled.
    expect(await h.event(reactionEvent(true, 'bookmark', cards[2]!.ts, IM))).toBe(200);
    await waitUntil(() => h.logger.records.some((r) => r.msg === 'bookmarked by reaction'));
    expect(h.logger.records.filter((r) => r.msg === 'bookmarked by reaction')).toHaveLength(1);
    expect((await b.bookmarks.list(alice, { limit: 10 })).paperIds.sort()).toEqual([...before, cards[2]!.paperId].sort());
  });
});
