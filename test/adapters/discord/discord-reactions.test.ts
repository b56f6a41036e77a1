import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, createStubChat } from './stub-chat.js';
import { startHarness, type Harness } from './harness.js';

describe('Discord adapter: 🔖 reactions', () => {
  const chat = createStubChat();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(chat);
  });
  afterAll(async () => h?.stop());

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    return check();
  };

  it('on an uncached bot message: fetches the partial, bookmarks; removal on the now cached message unbookmarks', async () => {
    const { messageId } = await h.adapter.publisher.post(h.fake.channelId, { text: 'p', card: card('2404.00007') });
    await chat.recordMessage({ platform: 'discord', channelId: h.fake.channelId }, messageId, '2404.00007');
    const key = `${h.fake.defaultUser.id}:2404.00007`;

    h.fake.reaction(true, messageId);
    expect(await until(() => chat.bookmarks.has(key))).toBe(true);
    const fetches = () => h.fake.calls.filter((c) => c.method === 'GET' && c.path === `/channels/${h.fake.channelId}/messages/${messageId}`).length;
    expect(fetches()).toBe(1);
    const caller = chat.calls.find((c) => c.method === 'reaction')!.args[0];
    expect(caller).toMatchObject({ platform: 'discord', workspaceId: h.fake.guild.id, channelId: h.fake.channelId, isAdmin: false });

    h.fake.reaction(false, messageId);
    expect(await until(() => !chat.bookmarks.has(key))).toBe(true);
    expect(fetches()).toBe(1);
  });

  it('ignores other emoji and messages not written by the bot', async () => {
    const { messageId } = await h.adapter.publisher.post(h.fake.channelId, { text: 'p', card: card('2404.00008') });
    await chat.recordMessage({ platform: 'discord', channelId: h.fake.channelId }, messageId, '2404.00008');
    const n = chat.calls.filter((c) => c.method === 'reaction').length;
    h.fake.reaction(true, messageId, { emoji: '👍' });
    // A message by someone else, stored in the fake.
    const other = { ...h.fake.messages.get(messageId)!, id: '1100000000000000001', author: { id: '1200000000000000001', username: 'someone' } };
    h.fake.messages.set(other.id, other);
    h.fake.reaction(true, other.id);
    await h.fake.waitForCall((c) => c.path.endsWith(`/messages/${other.id}`));
    // And a 🔖 that does count, to know the two before it were processed.
    h.fake.reaction(true, messageId);
    expect(await until(() => chat.bookmarks.has(`${h.fake.defaultUser.id}:2404.00008`))).toBe(true);
    expect(chat.calls.filter((c) => c.method === 'reaction').length).toBe(n + 1);
  });
});
