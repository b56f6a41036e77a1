import { describe, expect, it } from 'vitest';
import { snowflake, type StoredMessage } from '../../fakes/discord/payloads.js';
import { DM_SLOT, useDmBot } from '../dm-bot.js';
import { startHarness } from './harness.js';

const start = useDmBot(async (b) => {
  const h = await startHarness(b.chat);
  b.digests.setPublisher(h.adapter.publisher);
  return h;
});

type Body = { type: number; data?: { content?: string; flags?: number } };
type Button = { custom_id: string; label: string };
const subscribe = [
  { name: 'action', type: 3, value: 'subscribe' },
  { name: 'time', type: 3, value: '08:00' },
  { name: 'tz', type: 3, value: 'Europe/Berlin' },
  { name: 'top', type: 4, value: 3 },
];
const buttonsOf = (m: StoredMessage) => (m.components as Array<{ components: Button[] }>).flatMap((r) => r.components);
const paperOf = (m: StoredMessage) => /arxiv\.org\/abs\/(2401\.\d+)/.exec(JSON.stringify(m.embeds))![1]!;
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
};

/** Ada subscribed in the fake's guild and got her personal digest by DM: its card posts, in order. */
async function dmDigest() {
  const env = await start();
  const { bot: b, h } = env;
  const guild = h.fake.guild.id;
  const ada = h.fake.defaultUser;
  await h.answer(h.fake.slash(['for-me'], subscribe).token);
  for (const id of ['2401.30000', '2401.30001', '2401.30002']) await b.bookmarks.add({ platform: 'discord', workspaceId: guild, userId: ada.id }, id);
  env.clock.set(DM_SLOT);
  await b.digests.tick();
  const dm = h.fake.dmChannels.get(ada.id)!;
  const cards = [...h.fake.messages.values()].filter((m) => m.channel_id === dm).slice(1);
  expect(cards).toHaveLength(3);
  const inGuild = { platform: 'discord' as const, workspaceId: guild, userId: ada.id };
  // Where the old code put DM actions: a server-less workspace of the user's own.
  const inNoServer = { ...inGuild, workspaceId: `dm:${ada.id}` };
  return { ...env, ada, cards, inGuild, inNoServer };
}

describe('Discord: 🔖 and buttons on a personal digest in a DM act in the subscriber’s server', () => {
  it('🔖 on a DM digest post bookmarks the paper in the server; removing it un-bookmarks', async () => {
    const { bot: b, h, cards, inGuild, inNoServer } = await dmDigest();
    const paper = paperOf(cards[0]!);
    expect(await b.bookmarks.has(inGuild, paper)).toBe(false);

    // The bot must ask for DIRECT_MESSAGE_REACTIONS, or Discord never sends the event.
    expect(h.fake.dmReaction(true, cards[0]!.id)).toBe(true);
    expect(await until(() => b.bookmarks.has(inGuild, paper))).toBe(true);
    expect(h.fake.dmReaction(false, cards[0]!.id)).toBe(true);
    expect(await until(async () => !(await b.bookmarks.has(inGuild, paper)))).toBe(true);
    expect(await b.bookmarks.has(inNoServer, paper)).toBe(false);
  });

  it('Bookmark and Not interested buttons in the DM act in the server, and so does Undo on the answer', async () => {
    const { bot: b, h, cards, inGuild, inNoServer } = await dmDigest();
    const [first, second] = [cards[0]!, cards[1]!];
    const bookmark = buttonsOf(first).find((c) => c.label.includes('Bookmark'))!;
    const answer = (await h.answer(h.fake.dmButton(bookmark.custom_id, first).token)).body as Body;
    expect(answer.data?.flags).toBe(64);
    expect(await b.bookmarks.has(inGuild, paperOf(first))).toBe(true);
    expect(await b.bookmarks.has(inNoServer, paperOf(first))).toBe(false);

    const notInterested = buttonsOf(second).find((c) => c.custom_id.startsWith('p:ni:'))!;
    const click = h.fake.dmButton(notInterested.custom_id, second);
    const said = (await h.answer(click.token)).body as Body;
    expect(said.data?.content).not.toMatch(/went wrong/);
    expect(await b.storage.feedback.dismissed(inGuild, 10)).toContain(paperOf(second));
    expect(await b.storage.feedback.dismissed(inNoServer, 10)).toEqual([]);

    // Undo on that (ephemeral) answer: no digest posted it, but it answers a click on one, and its
    // button names the server it acted in.
    const reply = h.fake.messages.get(`original:${click.token}`)!;
    const undo = buttonsOf(reply).find((c) => c.label === 'Undo')!;
    expect(undo.custom_id).toBe(`p:un@${inGuild.workspaceId}:${paperOf(second)}`);
    const undone = (await h.answer(h.fake.dmButton(undo.custom_id, reply).token)).body as Body;
    expect(undone.data?.content).toMatch(/^Undone/);
    expect(await b.storage.feedback.dismissed(inGuild, 10)).toEqual([]);
  });

  it('an answer to an answer acts in the server too: More like this, then More like 1 and 🔖 on those results', async () => {
    const { bot: b, h, cards, inGuild, inNoServer } = await dmDigest();
    // Each answer is ephemeral and recorded nowhere; Discord names only the message clicked for it.
    const like = buttonsOf(cards[0]!).find((c) => c.label === 'More like this')!;
    const click1 = h.fake.dmButton(like.custom_id, cards[0]!);
    expect(((await h.answer(click1.token)).body as Body).data?.content).toMatch(/^Papers like /);
    const results = h.fake.messages.get(`original:${click1.token}`)!;
    expect(results.interaction_metadata?.interacted_message_id).toBe(cards[0]!.id);

    const likeOne = buttonsOf(results).find((c) => c.label === 'More like 1')!;
    const click2 = h.fake.dmButton(likeOne.custom_id, results);
    expect(((await h.answer(click2.token)).body as Body).data?.content).toMatch(/^Papers like /);
    const deeper = h.fake.messages.get(`original:${click2.token}`)!;
    // Two hops from the digest post: its metadata names the first answer, which no store knows.
    expect(deeper.interaction_metadata?.interacted_message_id).toBe(results.id);

    // A result not bookmarked yet (similar papers may include the reader's own bookmarks).
    const results2 = buttonsOf(deeper)
      .filter((c) => c.label.startsWith('🔖 '))
      .map((c) => ({ button: c, paper: /^p:bm(?:@\d+)?:(.+)$/.exec(c.custom_id)![1]! }));
    const bookmarked = new Set((await b.bookmarks.list(inGuild, { limit: 10 })).paperIds);
    const { button: bookmark, paper } = results2.find((r) => !bookmarked.has(r.paper))!;
    const said = (await h.answer(h.fake.dmButton(bookmark.custom_id, deeper).token)).body as Body;
    expect(said.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^Bookmarked ".+"\./) });
    expect(await b.bookmarks.has(inGuild, paper)).toBe(true);
    expect(await b.bookmarks.has(inNoServer, paper)).toBe(false);
  });

  it('Undo on a message that answers our Not interested answer (a reply to a reply) is traced to the server', async () => {
    const { bot: b, h, cards, inGuild } = await dmDigest();
    const notInterested = buttonsOf(cards[1]!).find((c) => c.custom_id.startsWith('p:ni:'))!;
    const click = h.fake.dmButton(notInterested.custom_id, cards[1]!);
    await h.answer(click.token);
    expect(await b.storage.feedback.dismissed(inGuild, 10)).toEqual([paperOf(cards[1]!)]);
    const confirmation = h.fake.messages.get(`original:${click.token}`)!;

    // A message carrying that Undo which itself answers a click on the confirmation: its metadata
    // names the confirmation, not the digest post, so one hop of tracing does not reach the digest.
    const reply: StoredMessage = {
      ...confirmation,
      id: snowflake(),
      interaction_metadata: { ...confirmation.interaction_metadata, id: snowflake(), interacted_message_id: confirmation.id },
    };
    h.fake.messages.set(reply.id, reply);
    const undo = buttonsOf(reply).find((c) => c.label === 'Undo')!;
    const undone = (await h.answer(h.fake.dmButton(undo.custom_id, reply).token)).body as Body;
    expect(undone.data?.content).toMatch(/^Undone: ".+" counts as before/);
    expect(await b.storage.feedback.dismissed(inGuild, 10)).toEqual([]);
    expect(h.logger.records.some((r) => String(r.msg).startsWith('button on a DM message no personal digest recorded'))).toBe(false);
  });

  it('bad input: a button or 🔖 on a DM message no personal digest recorded gets a clear answer (buttons) and changes nothing', async () => {
    const { bot: b, h, cards, inGuild, inNoServer } = await dmDigest();
    // The same card as if its record had been swept: another message id, unknown to the store.
    const swept: StoredMessage = { ...cards[0]!, id: snowflake() };
    h.fake.messages.set(swept.id, swept);
    const bookmark = buttonsOf(swept).find((c) => c.label.includes('Bookmark'))!;
    const answer = (await h.answer(h.fake.dmButton(bookmark.custom_id, swept).token)).body as Body;
    expect(answer.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^I no longer know which server’s digest this message came from .*nothing was changed\. Use \/papers for-me in the server instead\./) });
    h.fake.dmReaction(true, swept.id);
    await until(async () => h.logger.records.some((r) => String(r.msg).startsWith('reaction on a DM message no personal digest recorded')));
    expect(h.logger.records.filter((r) => String(r.msg).startsWith('reaction on a DM message no personal digest recorded'))).toHaveLength(1);
    for (const owner of [inGuild, inNoServer]) expect((await b.bookmarks.list(owner, { limit: 10 })).paperIds.sort()).toEqual(owner === inGuild ? ['2401.30000', '2401.30001', '2401.30002'] : []);
  });
});
