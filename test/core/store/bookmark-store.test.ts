import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/core/clock.js';
import type { Paper } from '../../../src/core/paper.js';
import { useBackends } from './backends.js';

const backends = useBackends();

const alice = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };

describe.each(backends)('bookmark store ($name)', (b) => {
async function setup(n = 3) {
  const clock = createFakeClock('2026-01-01T00:00:00Z');
  const storage = await b.open({ clock });
  const store = storage.papers;
  const papers: Paper[] = Array.from({ length: n }, (_, i) => ({
    id: `2401.0000${i}`,
    arxivId: `2401.0000${i}`,
    title: `Paper ${i}`,
    abstract: 'a',
    authors: [],
    links: [],
    keywords: [],
    categories: [],
    source: 'hf-api',
    flags: [],
  }));
  await store.ingest({ source: 'hf-api', papers });
  return { bookmarks: storage.bookmarks, clock };
}

  it('adding twice keeps one bookmark; removing a missing one is not an error', async () => {
    const { bookmarks } = await setup();
    expect(await bookmarks.add(alice, '2401.00001')).toEqual({ added: true });
    expect(await bookmarks.add(alice, '2401.00001')).toEqual({ added: false });
    expect((await bookmarks.list(alice, { limit: 10 })).total).toBe(1);
    expect(await bookmarks.remove(alice, '2401.00001')).toEqual({ removed: true });
    expect(await bookmarks.remove(alice, '2401.00001')).toEqual({ removed: false });
    expect(await bookmarks.remove(alice, 'never-existed')).toEqual({ removed: false });
    expect(await bookmarks.has(alice, '2401.00001')).toBe(false);
  });

  it('belongs to (platform, workspace, user)', async () => {
    const { bookmarks } = await setup();
    await bookmarks.add(alice, '2401.00000');
    for (const other of [{ ...alice, userId: 'U2' }, { ...alice, workspaceId: 'T2' }, { ...alice, platform: 'discord' as const }]) {
      expect(await bookmarks.has(other, '2401.00000')).toBe(false);
      expect((await bookmarks.list(other, { limit: 10 })).total).toBe(0);
    }
  });

  it('lists newest first (or oldest first) with paging, ties kept in insertion order', async () => {
    const { bookmarks, clock } = await setup(5);
    for (let i = 0; i < 5; i++) {
      await bookmarks.add(alice, `2401.0000${i}`);
      if (i !== 2) clock.advance(1000); // 2 and 3 share a timestamp
    }
    expect(await bookmarks.list(alice, { limit: 2 })).toEqual({ paperIds: ['2401.00004', '2401.00003'], total: 5 });
    expect((await bookmarks.list(alice, { limit: 2, offset: 2 })).paperIds).toEqual(['2401.00002', '2401.00001']);
    expect((await bookmarks.list(alice, { limit: 10, offset: 4 })).paperIds).toEqual(['2401.00000']);
    expect((await bookmarks.list(alice, { limit: 10, order: 'oldest' })).paperIds).toEqual(['2401.00000', '2401.00001', '2401.00002', '2401.00003', '2401.00004']);
  });

  it('maps bot messages to papers per (platform, channel, message)', async () => {
    const { bookmarks } = await setup();
    const ref = { platform: 'slack' as const, channelId: 'C1', messageId: '1700000000.000100' };
    await bookmarks.recordMessage(ref, '2401.00000');
    expect(await bookmarks.paperForMessage(ref)).toBe('2401.00000');
    expect(await bookmarks.paperForMessage({ ...ref, channelId: 'C2' })).toBeUndefined();
    expect(await bookmarks.paperForMessage({ ...ref, platform: 'discord' })).toBeUndefined();
    await bookmarks.recordMessage(ref, '2401.00001');
    expect(await bookmarks.paperForMessage(ref)).toBe('2401.00001');
  });

  it('finds a personal digest post by the DM reader and message id, whichever workspace posted it', async () => {
    const { bookmarks, clock } = await setup();
    // The same Discord member subscribed in two servers: one DM channel, rows under each pseudo-channel.
    await bookmarks.recordMessage({ platform: 'discord', channelId: 'dm:G1:U7', messageId: '111' }, '2401.00000');
    await bookmarks.recordMessage({ platform: 'discord', channelId: 'dm:G2:U7', messageId: '222' }, '2401.00001');
    // Another reader whose id ends like U7's, a channel post with the same message id, a Slack row.
    await bookmarks.recordMessage({ platform: 'discord', channelId: 'dm:G1:XU7', messageId: '333' }, '2401.00002');
    await bookmarks.recordMessage({ platform: 'discord', channelId: 'C1', messageId: '333' }, '2401.00002');
    await bookmarks.recordMessage({ platform: 'slack', channelId: 'dm:G1:U7', messageId: '444' }, '2401.00002');
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U7', messageId: '111' })).toEqual({ channelId: 'dm:G1:U7', paperId: '2401.00000' });
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U7', messageId: '222' })).toEqual({ channelId: 'dm:G2:U7', paperId: '2401.00001' });
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U7', messageId: '333' })).toBeUndefined();
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U7', messageId: '444' })).toBeUndefined();
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U8', messageId: '111' })).toBeUndefined();
    // A message id seen twice (the local mode's numbering restarts): the newest row wins.
    clock.advance(1000);
    await bookmarks.recordMessage({ platform: 'discord', channelId: 'dm:G3:U7', messageId: '111' }, '2401.00002');
    expect(await bookmarks.directMessage({ platform: 'discord', userId: 'U7', messageId: '111' })).toEqual({ channelId: 'dm:G3:U7', paperId: '2401.00002' });
  });

  it('refuses a bookmark of a paper the store does not have (foreign key)', async () => {
    const { bookmarks } = await setup();
    await expect(bookmarks.add(alice, '9999.99999')).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });
});
