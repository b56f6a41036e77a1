import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_CALLER, runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createChatEnv, type ChatEnv } from '../../commands/env.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let env: ChatEnv;
afterEach(async () => env?.close());

async function session(lines: string[], recentCards?: number): Promise<string> {
  const { out, text } = sink();
  await runLocalMode({ chat: env.chat, input: Readable.from([lines.join('\n') + '\n']), output: out, exportDir: join(tempDir(), 'exports'), recentCards });
  return text();
}

const localRows = () => env.peek().prepare("SELECT message_id, paper_id FROM messages WHERE platform = 'local' ORDER BY rowid").all() as Array<{ message_id: string; paper_id: string }>;

describe('local chat mode records only the cards a reaction refers to', () => {
  it('searches record no message rows (every shown card was a row before)', async () => {
    env = await createChatEnv(tempDir());
    const out = await session(['/papers search agents', '/papers search model merging', '/papers search reasoning --page 2', '/papers show hybrid intelligence']);
    expect(out.match(/^1\. /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(localRows()).toEqual([]);
  });

  it('a 🔖 on a shown card bookmarks it, and only then is its row recorded', async () => {
    env = await createChatEnv(tempDir());
    const out = await session(['/papers search model merging', 'react 2 🔖']);
    const second = /^2\. (.+)$/m.exec(out)![1]!;
    expect(out).toContain(`🔖 Bookmarked "${second}".`);
    const rows = localRows();
    expect(rows.map((r) => r.message_id)).toEqual(['local-2']);
    expect(await env.bookmarks.has(LOCAL_CALLER, rows[0]!.paper_id)).toBe(true);
  });

  it('a card by its message id: bookmarked while remembered, a clear message once out of the bounded memory', async () => {
    env = await createChatEnv(tempDir());
    // Five cards remembered: the second search's cards (local-6..10) push out the first's (local-1..5).
    const out = await session(['/papers search agents', '/papers search agents --page 2', 'react local-2 🔖', 'react local-7 🔖', 'react local-99 🔖'], 5);
    expect(out).toContain('Card local-2 was shown too long ago: only the last 5 cards shown can be reacted to. Show it again (/papers show <id>) and react to the new card.');
    expect(out).toContain('No card local-99 has been shown yet (the latest is local-10).');
    const pageTwoSecond = /^2\. (.+)$/m.exec(out.slice(out.indexOf('page 2 of')))![1]!;
    expect(out).toContain(`🔖 Bookmarked "${pageTwoSecond}".`);
    expect(localRows().map((r) => r.message_id)).toEqual(['local-7']);
    expect(env.counts().bookmarks).toBe(1);
  });

  it("an earlier session's row for local-1 is never read as this session's card local-1", async () => {
    env = await createChatEnv(tempDir());
    await session(['/papers search agents', 'react 1 🔖', 'unreact 1 🔖']);
    expect(localRows().map((r) => r.message_id)).toEqual(['local-1']);
    // A new session numbers its cards from local-1 again: `local-1` is not this session's card yet.
    const out = await session(['react local-1 🔖']);
    expect(out).toContain('No cards shown yet');
    expect(env.counts().bookmarks).toBe(0);
  });
});
