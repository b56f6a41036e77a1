import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatCore } from '../../commands/chat-core.js';
import { createFakeClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/logger.js';
import type { Caller } from '../../src/core/reply.js';
import type { PaperSearch } from '../../src/core/search/ports.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { admin, createChatEnv, member, type ChatEnv } from './env.js';

const tempDir = useTempDirs();
let env: ChatEnv;
afterEach(async () => env?.close());

const TWIN = 'title:twin-merging-dynamic-integration-of-modular-expertise-in-model-merging';

describe('ChatCore through the neutral run API', () => {
  // A topic with more than two pages on the seed digest ("model merging" has only 4 all-words matches).
  it('search returns ranked cards with marked snippets, ephemeral, and a Next page action', async () => {
    env = await createChatEnv(tempDir());
    const r = await env.chat.handleText('search agents --limit 3', admin);
    expect(r.error).toBeUndefined();
    expect(r.ephemeral).toBe(true);
    expect(r.cards).toHaveLength(3);
    expect(r.cards![0]!.title).toMatch(/Agent/);
    expect(r.cards![0]!.snippet.some((p) => p.hit)).toBe(true);
    expect(r.cards![0]!.digestDates).toEqual(['2026-04-22']);
    expect(r.text.split('\n')[0]).toMatch(/match "agents" — 1-3, page 1 of \d+/);
    const next = r.actions!.find((a) => a.kind === 'run');
    expect(next).toMatchObject({ kind: 'run', command: 'search', args: { topic: 'agents', limit: 3, page: 2 } });
    // The action runs the next page through the same declaration.
    const page2 = await env.chat.handleAction(next!, admin);
    expect(page2.cards).toHaveLength(3);
    expect(page2.cards!.map((c) => c.paperId)).not.toContain(r.cards![0]!.paperId);
  });

  it('the heading agrees with the count: one paper matches, two papers match', async () => {
    env = await createChatEnv(tempDir());
    const one = await env.chat.handleText('search DeepSeek', admin);
    expect(one.cards).toHaveLength(1);
    expect(one.text.split('\n')[0]).toMatch(/^1 paper matches "DeepSeek" — 1-1, page 1 of 1$/);
    const past = await env.chat.handleText('search DeepSeek --page 2', admin);
    expect(past.text).toBe('Page 2 is past the end: "DeepSeek" has 1 result on 1 page.');
    const more = await env.chat.handleText('search agents --limit 2', admin);
    expect(more.text.split('\n')[0]).toMatch(/^\d+ papers match "agents" — 1-2, page 1 of \d+$/);
  });

  it('Slack text and Discord typed options reach the same command with the same result', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const viaText = await env.chat.handleText('search "reinforcement learning" --since 2025-08-01 --until 2025-08-31 --limit 2', member);
    const viaOptions = await env.chat.handleCommand(['search'], { topic: 'reinforcement learning', since: '2025-08-01', until: '2025-08-31', limit: 2 }, member);
    expect(viaText.cards!.map((c) => c.paperId)).toEqual(viaOptions.cards!.map((c) => c.paperId));
    expect(viaText.cards!.every((c) => c.digestDates.includes('2025-08-29'))).toBe(true);
    const code = await env.chat.handleCommand(['search'], { topic: 'model', 'has-code': true, limit: 25 }, member);
    expect(code.cards!.length).toBeGreaterThan(0);
    expect(code.cards!.every((c) => c.links.length > 0)).toBe(true);
  });

  it('show finds a paper by id or by title words, with BibTeX', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const byTitle = await env.chat.handleText('show twin merging', member);
    expect(byTitle.cards![0]!.paperId).toBe(TWIN);
    expect(byTitle.text).toContain('@misc{');
    expect(byTitle.text).toContain('Authors:');
    const top = (await env.core.store.topPapers({ limit: 1 }))[0]!;
    const byId = await env.chat.handleText(`show ${top.arxivId}v2`, member);
    expect(byId.cards![0]!.paperId).toBe(top.id);
    expect(byId.text).toContain(`eprint = {${top.arxivId}}`);
    expect(byId.text).toContain(`https://arxiv.org/abs/${top.arxivId}`);
  });

  it('similar lists other papers; top lists by upvotes with paging', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const sim = await env.chat.handleText(`similar ${TWIN}`, member);
    expect(sim.cards!.length).toBeGreaterThan(0);
    expect(sim.cards!.map((c) => c.paperId)).not.toContain(TWIN);
    expect((await env.chat.handleText('similar twin merging', member)).cards!.map((c) => c.paperId)).toEqual(sim.cards!.map((c) => c.paperId));
    const top = await env.chat.handleText('top --days 365 --limit 3', member);
    const ups = top.cards!.map((c) => c.upvotes!);
    expect(ups).toEqual([...ups].sort((a, b) => b - a));
    expect(top.actions![0]).toMatchObject({ command: 'top', args: { page: 2 } });
    // The newest digest (the text seed) has no upvotes: a clear message, not an empty list.
    const seedOnly = await env.chat.handleText('top', member);
    expect(seedOnly.cards).toBeUndefined();
    expect(seedOnly.text).toMatch(/No upvoted papers in digests since 2026-04-16/);
  });

  it('bookmarks: add via action twice is one, list, remove, remove again is fine, export as a file', async () => {
    env = await createChatEnv(tempDir());
    const first = await env.chat.handleAction({ kind: 'bookmark', paperId: TWIN }, member);
    expect(first.text).toMatch(/^Bookmarked/);
    const again = await env.chat.handleAction({ kind: 'bookmark', paperId: TWIN }, member);
    expect(again.text).toMatch(/already in your bookmarks/);
    expect(env.counts().bookmarks).toBe(1);
    const list = await env.chat.handleCommand(['bookmarks'], {}, member);
    expect(list.cards!.map((c) => c.paperId)).toEqual([TWIN]);
    const bib = await env.chat.handleText('bookmarks export bibtex', member);
    expect(bib.file).toMatchObject({ name: 'bookmarks-2026-04-25.bib', mime: 'application/x-bibtex' });
    expect(bib.file!.content).toContain('title = {{Twin}-{Merging}: {Dynamic} {Integration}');
    const csv = await env.chat.handleCommand(['bookmarks'], { format: 'csv' }, member);
    expect(csv.file!.content.split('\r\n')[0]).toBe('id,arxiv_id,title,authors,url,digest_dates,upvotes,categories,links,tags,read,note');
    const removed = await env.chat.handleText(`bookmarks remove ${TWIN}`, member);
    expect(removed.text).toMatch(/^Removed/);
    const missing = await env.chat.handleText(`bookmarks remove ${TWIN}`, member);
    expect(missing.error).toBeUndefined();
    expect(missing.text).toMatch(/was not in your bookmarks/);
    expect((await env.chat.handleText('bookmarks', member)).text).toMatch(/no bookmarks yet/);
    expect((await env.chat.handleText('bookmarks export markdown', member)).file).toBeUndefined();
  });

  it('a reaction on a recorded bot message bookmarks its paper; on other messages does nothing', async () => {
    env = await createChatEnv(tempDir());
    await env.chat.recordMessage(member, 'ts-1', TWIN);
    expect(await env.chat.reaction(member, 'ts-1', true)).toEqual({ paperId: TWIN });
    expect(await env.bookmarks.has(member, TWIN)).toBe(true);
    expect(await env.chat.reaction(member, 'ts-unknown', true)).toBeUndefined();
    // Another channel's message with the same id is another message.
    expect(await env.chat.reaction({ ...member, channelId: 'C2' }, 'ts-1', true)).toBeUndefined();
    expect(await env.chat.reaction(member, 'ts-1', false)).toEqual({ paperId: TWIN });
    expect(await env.bookmarks.has(member, TWIN)).toBe(false);
    // Recording a paper the store lacks is logged with an id, never thrown at the adapter.
    await expect(env.chat.recordMessage(member, 'ts-2', 'no-such-paper')).resolves.toBeUndefined();
    expect(env.logger.records.find((r) => r.msg === 'recording a message failed')!.obj).toMatchObject({ messageId: 'ts-2', errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
  });

  it('postedPaper names a recorded message’s paper in its channel and changes nothing', async () => {
    env = await createChatEnv(tempDir());
    await env.chat.recordMessage(member, 'ts-1', TWIN);
    expect(await env.chat.postedPaper(member, 'ts-1')).toBe(TWIN);
    expect(await env.chat.postedPaper(member, 'ts-unknown')).toBeUndefined();
    expect(await env.chat.postedPaper({ ...member, channelId: 'C2' }, 'ts-1')).toBeUndefined();
    // Unlike a 🔖 reaction, looking the paper up bookmarks nothing.
    expect(await env.bookmarks.has(member, TWIN)).toBe(false);
  });

  it('shareMessage gives a one-paper message; the share action shows it publicly', async () => {
    env = await createChatEnv(tempDir());
    const m = await env.chat.shareMessage(TWIN);
    expect(m.card!.paperId).toBe(TWIN);
    expect(m.text.split('\n')[0]).toMatch(/^Twin-Merging/);
    const r = await env.chat.handleAction({ kind: 'share', paperId: TWIN }, member);
    expect(r.ephemeral).toBe(false);
    await expect(env.chat.shareMessage('2401.99999')).rejects.toThrow(/No paper with id 2401.99999/);
  });

  it('digest and subscription commands go to the DigestService; admin ones refuse non-admins', async () => {
    env = await createChatEnv(tempDir());
    const sub = await env.chat.handleText('subscribe --time 09:00 --tz Europe/Berlin --days mon-fri --top 5 --topics "merging, -survey"', admin);
    expect(sub.text).toBe('digests.subscribe done');
    expect(env.digests.calls[0]).toMatchObject({ method: 'subscribe', settings: { time: '09:00', tz: 'Europe/Berlin', days: 'mon-fri', top: 5, topics: 'merging, -survey' } });
    expect(Object.keys(env.digests.calls[0]!.settings!)).toHaveLength(5);
    for (const [text, method] of [['digest preview', 'preview'], ['digest now', 'runNow'], ['subscriptions', 'list'], ['unsubscribe', 'unsubscribe']] as const) {
      expect((await env.chat.handleText(text, admin)).text).toBe(`digests.${method} done`);
      expect(env.digests.calls.at(-1)!.method).toBe(method);
    }
    const calls = env.digests.calls.length;
    for (const text of ['digest now', 'subscribe --time 10:00', 'unsubscribe']) {
      const r = await env.chat.handleText(text, member);
      expect(r.error).toBe(true);
      expect(r.text).toMatch(/is for admins \(workspace admin or owner\)/);
    }
    const discordRefused = await env.chat.handleCommand(['digest', 'now'], {}, { ...member, platform: 'discord' });
    // On Discord it is typed under /papers-admin, and the refusal says so.
    expect(discordRefused.text).toBe('/papers-admin digest now is for admins (Manage Server).\n/papers-admin digest now');
    expect(env.digests.calls).toHaveLength(calls);
    // Preview and the list are open to everyone.
    expect((await env.chat.handleText('digest preview', member)).error).toBeUndefined();
  });

  it('help lists every command, and explains one', async () => {
    env = await createChatEnv(tempDir());
    const all = await env.chat.handleText('help', member);
    for (const name of ['search', 'show', 'similar', 'top', 'bookmarks', 'digest preview', 'digest now', 'subscribe', 'unsubscribe', 'subscriptions']) {
      expect(all.text).toContain(`/papers ${name}`);
    }
    expect((await env.chat.handleText('', member)).text).toBe(all.text);
    const one = await env.chat.handleCommand(['help'], { command: 'search' }, member);
    expect(one.text).toContain('--has-code');
    expect(one.text).toContain('e.g. /papers search model merging');
  });

  it('help on Discord names /papers-admin for the admin commands; Slack and the terminal keep /papers', async () => {
    env = await createChatEnv(tempDir());
    const discord: Caller = { ...member, platform: 'discord' };
    const all = await env.chat.handleCommand(['help'], {}, discord);
    for (const name of ['subscribe', 'unsubscribe', 'digest now']) {
      expect(all.text).toContain(`/papers-admin ${name}`);
      expect(all.text).not.toContain(`/papers ${name}`);
    }
    for (const name of ['search', 'bookmarks', 'digest preview', 'subscriptions']) expect(all.text).toContain(`/papers ${name}`);
    const sub = await env.chat.handleCommand(['help'], { command: 'subscribe' }, discord);
    expect(sub.text).toMatch(/^\/papers-admin subscribe \[--time HH:MM\]/);
    expect(sub.text).toContain('e.g. /papers-admin subscribe --time 09:00');
    // The same help elsewhere: only the root differs.
    const slack = await env.chat.handleCommand(['help'], {}, member);
    expect(slack.text).toBe(all.text.replaceAll('/papers-admin ', '/papers '));
    expect((await env.chat.handleText('help', admin)).text).toBe(slack.text);
    // A bad value on Discord gets the usage line people type there.
    const bad = await env.chat.handleCommand(['subscribe'], { top: 99 }, { ...discord, isAdmin: true });
    expect(bad).toMatchObject({ error: true });
    expect(bad.text).toMatch(/\n\/papers-admin subscribe \[--time HH:MM\]/);
    // An unknown path (a stale registration) lists both top-level commands.
    expect((await env.chat.handleCommand(['nope'], {}, discord)).text).toBe(
      "Unknown command 'nope'.\n/papers <search|show|similar|top|trends|bookmarks|digest|subscriptions|help|note|tag|untag|read|unread|for-me> … | /papers-admin <digest|subscribe|unsubscribe> … — /papers help lists them all",
    );
    expect((await env.chat.handleCommand(['nope'], {}, member)).text).toBe(
      "Unknown command 'nope'.\n/papers <search|show|similar|top|trends|bookmarks|digest|subscribe|unsubscribe|subscriptions|help|note|tag|untag|read|unread|for-me> … — /papers help lists them all",
    );
  });
});

describe('bad input: a short specific error with the usage line, nothing written', () => {
  const cases: Array<[string, RegExp, RegExp]> = [
    ['frobnicate', /^Unknown command 'frobnicate'\./, /\/papers <search\|show/],
    ['serch merging', /Did you mean search\?/, /\/papers help/],
    ['search merging --colour red', /^Unknown flag --colour for search\. It takes --topic/, /^\/papers search <topic>/m],
    ['search', /^<topic> is missing\./, /^\/papers search <topic>/m],
    ['show', /^<paper> is missing\./, /^\/papers show <id or title words>/m],
    ['search merging --since yesterday', /^--since must be a date like 2025-01-31 \(got 'yesterday'\)\.$/m, /^\/papers search/m],
    ['search merging --until 2025-02-30', /^--until is not a real calendar date/, /^\/papers search/m],
    ['search merging --limit 10000', /^--limit must be at most 25 \(got 10000\)\./, /^\/papers search/m],
    ['search merging --limit ten', /^--limit needs a whole number, not 'ten'\./, /^\/papers search/m],
    ['search merging --limit', /^--limit needs a value \(N\)\./, /^\/papers search/m],
    [`search ${'x'.repeat(5000)}`, /^<topic> is 5000 characters long; at most 500 allowed\./, /^\/papers search/m],
    ['search merging --since 2025-03-01 --until 2025-01-01', /after --until/, /^\/papers search/m],
    ['show 2401.99999', /^No paper with id 2401\.99999 in the store/, /^\/papers show/m],
    ['similar 2401.99999', /^No paper with id 2401\.99999/, /^\/papers similar <id or title words>/m],
    ['show no such title words zzqx', /^No paper title contains "no such title words zzqx"/, /^\/papers show/m],
    ['bookmarks export pdf', /^<format> must be one of bibtex, markdown, csv, ris, csl-json \(got 'pdf'\)/, /bookmarks export bibtex\|markdown\|csv\|ris\|csl-json/],
    ['bookmarks remove', /^Say which paper to remove/, /bookmarks remove <id>/],
    ['top 10', /^top takes no words, only flags/, /^\/papers top \[--days N\]/m],
    ['top --days 0', /^--days must be at least 1/, /^\/papers top/m],
    ['digest', /^digest needs a subcommand: preview or now/, /\/papers digest preview/],
    ['digest later', /^Unknown digest subcommand 'later'/, /\/papers digest now/],
    ['search "model merging', /^A " quote is not closed/, /^\/papers <search/m],
    ['search x --has-code=maybe', /^--has-code is a switch/, /^\/papers search/m],
    ['search x --limit 3 --limit 4', /^--limit is given twice/, /^\/papers search/m],
    ['subscribe --time 9am', /^--time must be a time like 09:00/, /^\/papers subscribe/m],
    ['help nosuch', /^No command called nosuch/, /\/papers help \[command\]/],
  ];
  // One store for all cases: each checks that its own input wrote nothing.
  let shared: ChatEnv;
  let sharedDir: string;
  beforeAll(async () => {
    sharedDir = mkdtempSync(join(tmpdir(), 'papers-'));
    shared = await createChatEnv(sharedDir);
  });
  afterAll(async () => {
    await shared.close();
    rmSync(sharedDir, { recursive: true, force: true });
  });

  it.each(cases)('%s', async (text, message, usage) => {
    const env = shared;
    const before = env.counts();
    const r = await env.chat.handleText(text, admin);
    expect(r.error).toBe(true);
    expect(r.ephemeral).toBe(true);
    expect(r.text).toMatch(message);
    expect(r.text).toMatch(usage);
    expect(r.text).not.toMatch(/at \S+:\d+:\d+|Error:/);
    expect(r.text.length).toBeLessThan(600);
    expect(env.counts()).toEqual(before);
    expect(env.digests.calls).toEqual([]);
    expect(env.logger.records.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('typed options are checked the same way (Discord), naming the option', async () => {
    env = await createChatEnv(tempDir());
    const r = await env.chat.handleCommand(['search'], { topic: 'merging', limit: 10_000 }, member);
    expect(r.text).toMatch(/^limit must be at most 25 \(got 10000\)\./);
    expect((await env.chat.handleCommand(['search'], { topic: 'x', colour: 'red' }, member)).text).toMatch(/^Unknown option colour for search/);
    expect((await env.chat.handleCommand(['nope'], {}, member)).text).toMatch(/^Unknown command 'nope'/);
    expect((await env.chat.handleCommand(['search'], { topic: 'x', limit: 'many' }, member)).text).toMatch(/^limit must be a whole number \(got 'many'\)/);
    // A forged button payload is validated like typed input.
    const forged = await env.chat.handleAction({ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'x', page: -1 } }, member);
    expect(forged.text).toMatch(/^page must be at least 1/);
    const bookmarkUnknown = await env.chat.handleAction({ kind: 'bookmark', paperId: '2401.99999' }, member);
    expect(bookmarkUnknown).toMatchObject({ error: true, ephemeral: true });
    expect(env.counts().bookmarks).toBe(0);
  });

  it('a bug is logged with an error id and the user sees only that id', async () => {
    const dir = tempDir();
    env = await createChatEnv(dir);
    const logger = createRecordingLogger();
    const broken: PaperSearch = {
      search: async () => {
        throw new Error('index exploded at /secret/path');
      },
      similar: async () => ({ hits: [], total: 0, page: 1, limit: 5 }),
      sync: async () => {},
      close: async () => {},
    };
    const chat = createChatCore({ store: env.core.store, search: broken, bookmarks: env.core.storage.bookmarks, reading: env.core.reading, logger, clock: createFakeClock('2026-04-25T00:00:00Z') });
    const r = await chat.handleText('search merging', member);
    const id = /error id ([0-9a-f]{8})/.exec(r.text)?.[1];
    expect(id).toBeDefined();
    expect(r).toMatchObject({ error: true, ephemeral: true });
    expect(r.text).not.toContain('exploded');
    const rec = logger.records.find((l) => l.level === 'error')!;
    expect(rec.obj).toMatchObject({ errorId: id, command: 'search merging', platform: 'slack', userId: 'U1' });
    // A UserError from the digest engine reaches the user with its usage line, prefixed like ours.
    const picky = createChatCore({
      store: env.core.store,
      search: broken,
      bookmarks: env.core.storage.bookmarks,
      reading: env.core.reading,
      logger,
      clock: createFakeClock('2026-04-25T00:00:00Z'),
      digests: { ...env.digests, subscribe: async () => { throw new UserError('unknown time zone "Mars/Olympus"', 'subscribe --time 09:00 --tz Europe/Berlin'); } },
    });
    const tz = await picky.handleText('subscribe --tz Mars/Olympus', admin);
    expect(tz).toMatchObject({ error: true, text: 'unknown time zone "Mars/Olympus"\n/papers subscribe --time 09:00 --tz Europe/Berlin' });
    const onDiscord = await picky.handleCommand(['subscribe'], { tz: 'Mars/Olympus' }, { ...admin, platform: 'discord' });
    expect(onDiscord.text).toBe('unknown time zone "Mars/Olympus"\n/papers-admin subscribe --time 09:00 --tz Europe/Berlin');
    // Without a digest engine the digest commands say so instead of failing.
    expect((await chat.handleText('digest preview', member)).text).toMatch(/^Scheduled digests are not enabled/);
  });
});
