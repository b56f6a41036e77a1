import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createReadingEnv } from '../../commands/reading-env.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof createReadingEnv>>;
afterEach(async () => env?.close());

describe('local mode: TL;DR lines and ✅', () => {
  it('cards start with the labelled TL;DR; react N ✅ marks a bookmark read, only once bookmarked', async () => {
    env = await createReadingEnv(tempDir());
    const { out, text } = sink();
    const lines = ['/papers search reward', 'react 1 ✅', 'react 1 🔖', 'react 1 ✅', '/papers bookmarks', 'unreact 1 ✅', '/papers bookmarks --unread'];
    await runLocalMode({ chat: env.chat, input: Readable.from([`${lines.join('\n')}\n`]), output: out, exportDir: tempDir() });
    const output = text();
    expect(output).toMatch(/^1\. .+\n {3}TL;DR \((Hugging Face|from the abstract)\): /m);
    expect(output).toContain('Card 1 is not in your bookmarks: nothing marked read. Bookmark it first (react 1 🔖).');
    expect(output).toMatch(/✅ Marked ".+" read\./);
    expect(output).toContain('✅ read');
    expect(output).toMatch(/Marked ".+" unread\./);
    expect(output).toMatch(/^Your bookmarks unread \(1\)/m);
  });
});
