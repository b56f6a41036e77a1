import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_CALLER } from '../../src/adapters/local/local-mode.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { createForMeEnv } from '../core/recommend/for-me-env.js';
import { topicOf } from '../core/recommend/topic-papers.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof createForMeEnv>>;
afterEach(async () => env?.close());

describe('the Home view carries the for-me picks when the recommender is wired', () => {
  it('shows papers of the reader’s topic, none of them already bookmarked', async () => {
    env = await createForMeEnv(tempDir());
    const liked = ['2401.20000', '2401.20001', '2401.20002', '2401.20003'];
    for (const id of liked) await env.bookmarks.add(LOCAL_CALLER, id);
    const home = await env.chat.home(LOCAL_CALLER);
    const picks = home.forMe ?? [];
    expect(picks.length).toBeGreaterThan(0);
    for (const card of picks) {
      expect(topicOf(card.paperId)).toBe('speech');
      expect(liked).not.toContain(card.paperId);
    }
  });

  it('has no picks for a reader with too few bookmarks', async () => {
    env = await createForMeEnv(tempDir());
    await env.bookmarks.add(LOCAL_CALLER, '2401.20000');
    const home = await env.chat.home(LOCAL_CALLER);
    expect(home.forMe ?? []).toEqual([]);
  });
});
