import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalPublisher } from '../../../src/adapters/local/local-publisher.js';
import { LOCAL_CALLER, runLocalMode } from '../../../src/adapters/local/local-mode.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createChatEnv, type ChatEnv } from '../../commands/env.js';
import { sink } from './sink.js';

const tempDir = useTempDirs();
let env: ChatEnv;
afterEach(async () => env?.close());


/** Pipes the lines into the local mode like `printf '…' | npm start` and returns what it printed. */
async function session(lines: string[], exportDir = join(tempDir(), 'exports')) {
  const { out, text } = sink();
  await runLocalMode({ chat: env.chat, input: Readable.from([lines.join('\n') + '\n']), output: out, exportDir });
  return text();
}

/** The block printed for each input line, split at the reply boundaries we know. */
const cardTitle = (output: string, n: number) => new RegExp(`^${n}\\. (.+)$`, 'm').exec(output)?.[1];

describe('local chat mode (piped stdin, real SQLite, the seed digest)', () => {
  it('searches and shows numbered cards with marked words, and the Next page line', async () => {
    env = await createChatEnv(tempDir());
    const out = await session(['/papers search agents']);
    expect(out).toMatch(/^\d+ papers match "agents" — 1-5, page 1 of \d+$/m);
    for (let n = 1; n <= 5; n++) expect(cardTitle(out, n)).toBeDefined();
    expect(out).toMatch(/\*agents?\*/i);
    expect(out).toMatch(/id title:[a-z0-9-]+/);
    expect(out).toContain('Next page: /papers search agents --limit 5 --page 2');
    expect(out).toContain('Bookmark: react N 🔖, unreact N 🔖 removes (N = 1-5)');
  });

  it('react N 🔖 bookmarks card N through the reaction path; unreact removes it; export writes a file', async () => {
    env = await createChatEnv(tempDir());
    const exportDir = join(tempDir(), 'exports');
    const out = await session(
      ['/papers search model merging', 'react 2 🔖', 'react 3 :bookmark:', '/papers bookmarks', 'unreact 2 🔖', '/papers bookmarks export bibtex', '/papers bookmarks export bibtex', 'papers bookmarks export csv'],
      exportDir,
    );
    const second = cardTitle(out, 2)!;
    expect(out).toContain(`🔖 Bookmarked "${second}".`);
    expect(out).toMatch(/^Your bookmarks \(2\) — page 1 of 1$/m);
    // Card numbers follow the last reply: card 2 of the bookmark list (newest first) is search card 2.
    expect(out).toContain(`Removed "${second}" from your bookmarks.`);
    // The reaction went through the message → paper map, like a platform's reaction event: the
    // cards reacted to (search cards 2 and 3, bookmark-list card 2) were recorded then, the others never.
    expect(env.peek().prepare("SELECT message_id FROM messages WHERE platform = 'local' ORDER BY message_id").pluck().all()).toEqual(['local-2', 'local-3', 'local-6']);
    const rows = env.peek().prepare('SELECT paper_id FROM bookmarks').all() as Array<{ paper_id: string }>;
    expect(rows).toHaveLength(1);
    const files = readdirSync(exportDir).sort();
    expect(files).toEqual(['bookmarks-2026-04-25-2.bib', 'bookmarks-2026-04-25.bib', 'bookmarks-2026-04-25.csv']);
    expect(out).toContain(`Saved to ${join(exportDir, 'bookmarks-2026-04-25.bib')}`);
    const bib = readFileSync(join(exportDir, 'bookmarks-2026-04-25.bib'), 'utf8');
    expect(bib.match(/^@misc\{/gm)).toHaveLength(1);
    expect(bib).toContain(`title = {`);
  });

  it('runs every other command: show, similar, top, digest, subscriptions, help', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const out = await session([
      '/papers show twin merging',
      'react 1 🔖',
      '/papers similar title:twin-merging-dynamic-integration-of-modular-expertise-in-model-merging --limit 2',
      '/papers top --days 365 --limit 2',
      '/papers digest preview',
      '/papers digest now',
      '/papers subscribe --time 09:00 --tz Europe/Berlin --topics "merging, -survey"',
      '/papers subscriptions',
      '/papers unsubscribe',
      '/papers help',
      '/papers help bookmarks',
      '/papers bookmarks remove title:twin-merging-dynamic-integration-of-modular-expertise-in-model-merging',
    ]);
    expect(out).toMatch(/^Twin-Merging: Dynamic Integration of Modular Expertise in Model Merging$/m);
    expect(out).toContain('@misc{');
    expect(out).toContain('🔖 Bookmarked "Twin-Merging');
    expect(out).toContain('More like this: /papers similar title:twin-merging');
    expect(out).toMatch(/^Papers like "Twin-Merging.*" — page 1$/m);
    expect(out).toMatch(/^Top papers of digests 2025-04-23 to 2026-04-22 — page 1$/m);
    expect(out).toMatch(/\d+ upvotes/);
    for (const m of ['preview', 'runNow', 'subscribe', 'list', 'unsubscribe']) expect(out).toContain(`digests.${m} done`);
    // The local user is an admin: nothing refused.
    expect(out).not.toContain('is for admins');
    expect(env.digests.calls.map((c) => c.caller)).toEqual(Array(5).fill(LOCAL_CALLER));
    expect(out).toContain('/papers bookmarks remove <id>');
    expect(out).toContain('Removed "Twin-Merging: Dynamic Integration of Modular Expertise in Model Merging" from your bookmarks.');
    expect(env.counts().bookmarks).toBe(0);
  });

  it('answers bad input with a short error and the usage line, and keeps going', async () => {
    env = await createChatEnv(tempDir());
    const out = await session([
      '/papers frobnicate',
      '/papers search merging --colour red',
      '/papers search',
      '/papers search merging --since yesterday',
      '/papers search merging --limit 10000',
      `/papers search ${'q'.repeat(5000)}`,
      '/papers show 2401.99999',
      'react 9 🔖',
      'react 1 👍',
      'hello bot',
      'bookmarks',
      '/papers help',
    ]);
    expect(out).toContain("⚠ Unknown command 'frobnicate'.");
    expect(out).toContain('⚠ Unknown flag --colour for search.');
    expect(out).toContain('⚠ <topic> is missing.');
    expect(out).toContain("⚠ --since must be a date like 2025-01-31 (got 'yesterday').");
    expect(out).toContain('⚠ --limit must be at most 25 (got 10000).');
    expect(out).toContain('⚠ <topic> is 5000 characters long; at most 500 allowed.');
    expect(out).toContain('⚠ No paper with id 2401.99999 in the store.');
    expect(out).toContain('No cards shown yet');
    expect(out).toContain('Only 🔖 and ✅ do something here');
    expect(out).toContain('Not a command.');
    expect(out).toContain('You have no bookmarks yet.');
    expect(out.match(/^\/papers search <topic>/gm)!.length).toBeGreaterThanOrEqual(5);
    expect(out).toContain('Commands (type /papers help <command> for details):');
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(env.counts().bookmarks).toBe(0);
  });

  it('ends at quit or EOF, and shows a prompt and banner only when interactive', async () => {
    env = await createChatEnv(tempDir());
    const out = await session(['/papers help', 'quit', '/papers search merging']);
    expect(out).not.toContain('papers match');
    const input = new PassThrough();
    const { out: o, text } = sink();
    const done = runLocalMode({ chat: env.chat, input, output: o, exportDir: tempDir(), interactive: true });
    input.end('/papers bookmarks\n');
    await done;
    expect(text()).toMatch(/^papers-bot local chat mode\./);
    expect(text()).toContain('> You have no bookmarks yet.');
  });

  it('the local publisher prints digest posts; a 🔖 on a recorded post bookmarks its paper', async () => {
    env = await createChatEnv(tempDir());
    const { out, text } = sink();
    const publisher = createLocalPublisher(out);
    const message = await env.chat.shareMessage('title:hybrid-intelligence');
    await publisher.post('local', { text: 'Daily papers for local — 1 new' });
    const { messageId } = await publisher.post('local', message);
    expect(messageId).toBe('local-post-2');
    expect(text()).toContain('[#local] Daily papers for local — 1 new');
    expect(text()).toMatch(/^\[#local\] Hybrid Intelligence$/m);
    expect(text()).toContain('(react local-post-2 🔖 to bookmark)');
    await env.chat.recordMessage(LOCAL_CALLER, messageId, 'title:hybrid-intelligence');
    const o2 = await session(['react local-post-2 🔖']);
    expect(o2).toContain('🔖 Bookmarked "Hybrid Intelligence".');
    expect(await env.bookmarks.has(LOCAL_CALLER, 'title:hybrid-intelligence')).toBe(true);
    expect(existsSync(join(tempDir(), 'nothing'))).toBe(false);
  });
});
