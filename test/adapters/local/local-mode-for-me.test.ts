import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_CALLER, runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createForMeEnv } from '../../core/recommend/for-me-env.js';
import { topicOf } from '../../core/recommend/topic-papers.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof createForMeEnv>>;
afterEach(async () => env?.close());

async function session(lines: string[]) {
  const { out, text } = sink();
  await runLocalMode({ chat: env.chat, input: Readable.from([lines.join('\n') + '\n']), output: out, exportDir: join(tempDir(), 'exports') });
  return text();
}

const ids = (out: string) => [...out.matchAll(/id (2401\.\d+)/g)].map((m) => m[1]!);

describe('/papers for-me in the local mode', () => {
  it('says "still learning" while the first model is fitted, then recommends', async () => {
    // As the bot wires it: the fit runs in a worker and a chat reply does not wait for it.
    env = await createForMeEnv(tempDir(), { recommender: { whileFitting: 'throw' }, fitFirst: false });
    for (const id of ['2401.20000', '2401.20001', '2401.20002']) await env.bookmarks.add(LOCAL_CALLER, id);
    const out = await session(['/papers for-me --days 4']);
    expect(out).toContain('Still learning your archive (the recommender is fitting its model): try again in a minute.');
    expect(out).not.toMatch(/error id|went wrong/);
    await env.recommender.idle();
    const later = await session(['/papers for-me --days 4']);
    expect(later).toMatch(/^For you, from your 3 bookmarks/m);
    expect(ids(later).map(topicOf)).toEqual(Array(5).fill('speech'));
  });

  it('with fewer than 3 bookmarks says how many more are needed and offers top', async () => {
    env = await createForMeEnv(tempDir());
    await env.bookmarks.add(LOCAL_CALLER, '2401.20000');
    const out = await session(['/papers for-me']);
    expect(out).toContain('You have 1 bookmark; /papers for-me learns from at least 3: bookmark 2 more papers');
    expect(out).toContain('/papers top');
    expect(out).not.toMatch(/^1\. /m);
  });

  it('recommends from bookmarks with because lines, never a bookmarked paper; 👎 dismisses and unreact undoes', async () => {
    env = await createForMeEnv(tempDir());
    const liked = ['2401.20000', '2401.20001', '2401.20002', '2401.20003'];
    for (const id of liked) await env.bookmarks.add(LOCAL_CALLER, id);
    const out = await session(['/papers for-me --days 4']);
    expect(out).toMatch(/^For you, from your 4 bookmarks: digests 2024-01-01 to 2024-01-04 — page 1$/m);
    const shown = ids(out);
    expect(shown).toHaveLength(5);
    for (const id of shown) expect(topicOf(id)).toBe('speech');
    expect(shown.some((id) => liked.includes(id))).toBe(false);
    expect(out.match(/because: \*/g)).toHaveLength(5);
    expect(out).toContain('Not interested: react N 👎 (unreact N 👎 undoes)');
    // Next page is the command as a reader types it (no internal `show` action), and it works typed.
    const next = /Next page: (\/papers for-me[^|\n]*?)\s*(?:\||$)/m.exec(out)?.[1];
    expect(next).toBe('/papers for-me --days 4 --page 2');
    expect(await session([next!])).toMatch(/^For you, from your 4 bookmarks: digests 2024-01-01 to 2024-01-04 — page 2$/m);

    const second = shown[1]!;
    const out2 = await session(['/papers for-me --days 4', 'react 2 👎', '/papers for-me --days 4']);
    expect(out2).toMatch(/Not interested in ".+": \/papers for-me will not show it again/);
    expect(await env.feedback.dismissed(LOCAL_CALLER, 10)).toEqual([second]);
    const after = ids(out2.split('Not interested in')[1]!);
    expect(after).not.toContain(second);

    // Undo right after, on the same listing: card 2 is still the dismissed paper.
    await env.feedback.undismiss(LOCAL_CALLER, second);
    const out3 = await session(['/papers for-me --days 4', 'react 3 👎', 'unreact 3 👎']);
    expect(out3).toMatch(/Undone: ".+" counts as before/);
    expect(await env.feedback.dismissed(LOCAL_CALLER, 10)).toEqual([]);
  });

  it('pins lift a pinned author; pins lists them and unpin removes them', async () => {
    env = await createForMeEnv(tempDir());
    for (const id of ['2401.20000', '2401.20001', '2401.20002']) await env.bookmarks.add(LOCAL_CALLER, id);
    const out = await session(['/papers for-me pin "Author agents 3"', '/papers for-me pins', '/papers for-me --days 4']);
    expect(out).toContain('Pinned "Author agents 3"');
    expect(out).toContain('Your pins: "Author agents 3"');
    const first = ids(out)[0]!;
    expect(topicOf(first)).toBe('agents');
    expect(out).toContain('because: *📌 Author agents 3*');
    const out2 = await session(['/papers for-me unpin "author agents 3"', '/papers for-me pins']);
    expect(out2).toContain('Unpinned');
    expect(out2).toContain('No pins yet');
  });
});
