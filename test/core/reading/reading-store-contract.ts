import { describe, expect, it } from 'vitest';
import type { BookmarkOwner, BookmarkStore } from '../../../src/core/bookmarks/ports.js';
import type { createFakeClock } from '../../../src/core/clock.js';

type FakeClock = ReturnType<typeof createFakeClock>;
import type { ReadingStore } from '../../../src/core/reading/ports.js';

/** What a backend gives the contract: its stores over one database holding papers p1…p5, and a clock. */
export interface ReadingBackend {
  reading: ReadingStore;
  bookmarks: BookmarkStore;
  clock: FakeClock;
  close(): Promise<void>;
}

const ann: BookmarkOwner = { platform: 'slack', workspaceId: 'T1', userId: 'U_ANN' };
const bob: BookmarkOwner = { platform: 'slack', workspaceId: 'T1', userId: 'U_BOB' };
const annElsewhere: BookmarkOwner = { platform: 'slack', workspaceId: 'T2', userId: 'U_ANN' };

/**
 * The ReadingStore contract every backend passes (SQLite today; the PostgreSQL port runs the same
 * function with its own factory). `open` must give a fresh database with papers p1…p5 stored.
 */
export function readingStoreContract(name: string, open: () => Promise<ReadingBackend>): void {
  describe(`ReadingStore contract: ${name}`, () => {
    async function withBackend(fn: (b: ReadingBackend) => Promise<void>) {
      const b = await open();
      try {
        await fn(b);
      } finally {
        await b.close();
      }
    }

    it('notes: set, replace (returning the old one), clear; private to the person and the workspace', () =>
      withBackend(async ({ reading }) => {
        expect(await reading.setNote(ann, 'p1', 'first thoughts')).toEqual({});
        expect(await reading.setNote(ann, 'p1', 'second thoughts')).toEqual({ previous: 'first thoughts' });
        expect((await reading.annotations(ann, ['p1'])).get('p1')).toEqual({ note: 'second thoughts', tags: [] });
        expect((await reading.annotations(bob, ['p1'])).size).toBe(0);
        expect((await reading.annotations(annElsewhere, ['p1'])).size).toBe(0);
        await reading.setNote(ann, 'p1', undefined);
        expect((await reading.annotations(ann, ['p1'])).size).toBe(0);
      }));

    it('read state: changes once, says when it already was, and unread undoes it', () =>
      withBackend(async ({ reading, clock }) => {
        expect(await reading.setRead(ann, 'p2', false)).toEqual({ changed: false });
        expect(await reading.setRead(ann, 'p2', true)).toEqual({ changed: true });
        const readAt = (await reading.annotations(ann, ['p2'])).get('p2')!.readAt;
        expect(readAt).toBe(clock.now().toISOString());
        clock.advance(60_000);
        expect(await reading.setRead(ann, 'p2', true)).toEqual({ changed: false });
        expect((await reading.annotations(ann, ['p2'])).get('p2')!.readAt).toBe(readAt);
        expect(await reading.setRead(ann, 'p2', false)).toEqual({ changed: true });
        expect((await reading.annotations(ann, ['p2'])).get('p2')).toBeUndefined();
      }));

    it('tags: matched by key, first spelling kept, removal reports what was there, order kept', () =>
      withBackend(async ({ reading, clock }) => {
        expect(await reading.addTags(ann, 'p1', [{ tag: 'LLM', key: 'llm' }])).toEqual({ added: ['llm'] });
        clock.advance(1000);
        expect(await reading.addTags(ann, 'p1', [{ tag: 'llm', key: 'llm' }, { tag: 'Survey', key: 'survey' }])).toEqual({ added: ['survey'] });
        expect((await reading.annotations(ann, ['p1'])).get('p1')!.tags).toEqual(['LLM', 'Survey']);
        expect(await reading.removeTags(ann, 'p1', ['survey', 'absent'])).toEqual({ removed: ['survey'] });
        expect((await reading.annotations(ann, ['p1'])).get('p1')!.tags).toEqual(['LLM']);
        expect((await reading.annotations(bob, ['p1'])).size).toBe(0);
      }));

    it('lists bookmarks filtered by tag and unread, paged, in the asked order; counts tags in use', () =>
      withBackend(async ({ reading, bookmarks, clock }) => {
        for (const id of ['p1', 'p2', 'p3', 'p4']) {
          await bookmarks.add(ann, id);
          clock.advance(1000);
        }
        await bookmarks.add(bob, 'p5');
        await reading.addTags(ann, 'p1', [{ tag: 'LLM', key: 'llm' }]);
        await reading.addTags(ann, 'p3', [{ tag: 'llm', key: 'llm' }, { tag: 'vision', key: 'vision' }]);
        // A tag on a paper that is not bookmarked is not counted or listed.
        await reading.addTags(ann, 'p5', [{ tag: 'llm', key: 'llm' }]);
        await reading.setRead(ann, 'p3', true);
        await reading.setRead(ann, 'p4', true);

        expect(await reading.listBookmarks(ann, { limit: 10 })).toEqual({ paperIds: ['p4', 'p3', 'p2', 'p1'], total: 4 });
        expect(await reading.listBookmarks(ann, { limit: 10, order: 'oldest' })).toEqual({ paperIds: ['p1', 'p2', 'p3', 'p4'], total: 4 });
        expect(await reading.listBookmarks(ann, { limit: 10, order: 'unread-first' })).toEqual({ paperIds: ['p2', 'p1', 'p4', 'p3'], total: 4 });
        expect(await reading.listBookmarks(ann, { limit: 10, tagKey: 'llm' })).toEqual({ paperIds: ['p3', 'p1'], total: 2 });
        expect(await reading.listBookmarks(ann, { limit: 10, unreadOnly: true })).toEqual({ paperIds: ['p2', 'p1'], total: 2 });
        expect(await reading.listBookmarks(ann, { limit: 10, unreadOnly: true, tagKey: 'llm' })).toEqual({ paperIds: ['p1'], total: 1 });
        expect(await reading.listBookmarks(ann, { limit: 1, offset: 1 })).toEqual({ paperIds: ['p3'], total: 4 });
        expect(await reading.listBookmarks(bob, { limit: 10, tagKey: 'llm' })).toEqual({ paperIds: [], total: 0 });
        expect(await reading.tagCounts(ann)).toEqual([
          { key: 'llm', tag: 'LLM', count: 2 },
          { key: 'vision', tag: 'vision', count: 1 },
        ]);
      }));

    it('annotations survive removing the bookmark and come back with it', () =>
      withBackend(async ({ reading, bookmarks }) => {
        await bookmarks.add(ann, 'p1');
        await reading.setNote(ann, 'p1', 'keep me');
        await reading.addTags(ann, 'p1', [{ tag: 'x', key: 'x' }]);
        await bookmarks.remove(ann, 'p1');
        expect((await reading.listBookmarks(ann, { limit: 10, tagKey: 'x' })).total).toBe(0);
        await bookmarks.add(ann, 'p1');
        expect((await reading.annotations(ann, ['p1'])).get('p1')).toEqual({ note: 'keep me', tags: ['x'] });
      }));
  });
}
