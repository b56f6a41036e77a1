import { afterEach, describe, expect, it } from 'vitest';
import { pageSize } from '../../commands/paging.js';
import type { ChatCore } from '../../src/core/chat.js';
import type { Caller, Reply, ReplyAction } from '../../src/core/reply.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { admin, createChatEnv, member, type ChatEnv } from './env.js';

const tempDir = useTempDirs();
let env: ChatEnv;
afterEach(async () => env?.close());

const TWIN = 'title:twin-merging-dynamic-integration-of-modular-expertise-in-model-merging';

/** Follows Next page from `first` to the end, the way a platform's button would; every reply's cards in order. */
async function walk(chat: ChatCore, first: Reply, caller: Caller, maxPages = 60): Promise<Reply[]> {
  const replies = [first];
  for (let reply = first; replies.length <= maxPages; ) {
    const next = reply.actions?.find((a): a is Extract<ReplyAction, { kind: 'run' }> => a.kind === 'run' && a.label === 'Next page');
    if (!next) return replies;
    reply = await chat.handleAction(next, caller);
    expect(reply.error).toBeUndefined();
    replies.push(reply);
  }
  throw new Error(`still paging after ${maxPages} pages`);
}

const ids = (replies: Reply[]) => replies.flatMap((r) => (r.cards ?? []).map((c) => c.paperId));

describe('pageSize', () => {
  it('keeps the request when the platform shows as many, else clamps and says so', () => {
    expect(pageSize(25, {})).toEqual({ per: 25, note: '' });
    expect(pageSize(10, { maxCards: 10 })).toEqual({ per: 10, note: '' });
    expect(pageSize(25, { maxCards: 15 })).toEqual({ per: 15, note: ' (showing 15 per page here)' });
  });
});

describe('paging on a platform that shows fewer cards than asked (Caller.maxCards)', () => {
  it('search: pages of maxCards, the heading says so, and Next page walks every result once', async () => {
    env = await createChatEnv(tempDir());
    const narrow: Caller = { ...member, maxCards: 4 };
    const first = await env.chat.handleText('search agents --limit 10', narrow);
    const total = Number(/^([\d,]+) papers? match/.exec(first.text)?.[1]?.replace(/,/g, ''));
    // Enough results that the walk crosses several clamped pages and a request of 10 would skip some.
    expect(total).toBeGreaterThan(10);
    expect(first.cards).toHaveLength(4);
    expect(first.text.split('\n')[0]).toMatch(new RegExp(`— 1-4, page 1 of ${Math.ceil(total / 4)} \\(showing 4 per page here\\)$`));
    const pages = await walk(env.chat, first, narrow);
    expect(pages).toHaveLength(Math.ceil(total / 4));
    for (const p of pages) expect(p.cards!.length).toBeLessThanOrEqual(4);
    expect(pages[1]!.text.split('\n')[0]).toMatch(/— 5-8, page 2 of/);
    const seen = ids(pages);
    expect(new Set(seen).size).toBe(seen.length);
    // The same results a terminal (no limit) lists at full size.
    const everything = ids(await walk(env.chat, await env.chat.handleText('search agents --limit 25', admin), admin));
    expect(everything).toHaveLength(total);
    expect([...seen].sort()).toEqual([...everything].sort());
  });

  it('top: pages of maxCards from the first upvoted paper to the last, none skipped or repeated', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const narrow: Caller = { ...member, maxCards: 3 };
    const first = await env.chat.handleText('top --days 365 --limit 8', narrow);
    expect(first.cards).toHaveLength(3);
    expect(first.text.split('\n')[0]).toMatch(/— page 1 \(showing 3 per page here\)$/);
    expect(first.actions![0]).toMatchObject({ command: 'top', args: { days: 365, limit: 3, page: 2 } });
    const seen = ids(await walk(env.chat, first, narrow));
    const everything = ids(await walk(env.chat, await env.chat.handleText('top --days 365 --limit 25', admin), admin));
    expect(everything.length).toBeGreaterThan(8);
    expect(seen).toEqual(everything);
  });

  it('similar: the first pages of maxCards are the first results of an unclamped page, in order', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const narrow: Caller = { ...member, maxCards: 3 };
    const first = await env.chat.handleText(`similar ${TWIN} --limit 9`, narrow);
    expect(first.cards).toHaveLength(3);
    expect(first.text.split('\n')[0]).toMatch(/— page 1 \(showing 3 per page here\)$/);
    const pages = [first];
    for (let i = 0; i < 2; i++) {
      const next = pages.at(-1)!.actions!.find((a) => a.kind === 'run')!;
      expect(next).toMatchObject({ command: 'similar', args: { id: TWIN, limit: 3, page: i + 2 } });
      pages.push(await env.chat.handleAction(next, narrow));
    }
    const full = await env.chat.handleText(`similar ${TWIN} --limit 9`, admin);
    expect(full.cards).toHaveLength(9);
    expect(ids(pages)).toEqual(full.cards!.map((c) => c.paperId));
  });

  it('bookmarks: pages of maxCards (below its 10 a page), every bookmark once', async () => {
    env = await createChatEnv(tempDir());
    const all = (await env.chat.handleText('search agents --limit 12', admin)).cards!.map((c) => c.paperId);
    expect(all).toHaveLength(12);
    for (const id of all) await env.bookmarks.add(member, id);
    const narrow: Caller = { ...member, maxCards: 5 };
    const first = await env.chat.handleText('bookmarks', narrow);
    expect(first.cards).toHaveLength(5);
    expect(first.text.split('\n')[0]).toBe('Your bookmarks (12) — page 1 of 3 (showing 5 per page here)');
    const pages = await walk(env.chat, first, narrow);
    expect(pages.map((p) => p.cards!.length)).toEqual([5, 5, 2]);
    const seen = ids(pages);
    const unclamped = ids(await walk(env.chat, await env.chat.handleText('bookmarks', member), member));
    expect(unclamped).toHaveLength(12);
    expect(seen).toEqual(unclamped);
  });

  it('a request that fits is not clamped and the heading carries no note', async () => {
    env = await createChatEnv(tempDir());
    const r = await env.chat.handleText('search agents --limit 3', { ...member, maxCards: 10 });
    expect(r.cards).toHaveLength(3);
    expect(r.text.split('\n')[0]).not.toContain('per page here');
    expect(r.actions![0]).toMatchObject({ args: { limit: 3, page: 2 } });
  });
});

describe('search --min-upvotes and --source', () => {
  it('filter the results, by text and by typed options, and ride along on Next page', async () => {
    env = await createChatEnv(tempDir(), { hf: true });
    const all = await env.chat.handleText('search model --limit 25', member);
    const upvoted = await env.chat.handleText('search model --min-upvotes 20 --limit 25', member);
    expect(upvoted.error).toBeUndefined();
    expect(upvoted.cards!.length).toBeGreaterThan(0);
    expect(upvoted.cards!.every((c) => (c.upvotes ?? 0) >= 20)).toBe(true);
    expect(Number(/^(\d+)/.exec(upvoted.text)![1])).toBeLessThan(Number(/^(\d+)/.exec(all.text)![1]));

    // The seed is a copied HF digest page (no upvotes), the other day comes from the HF API.
    const api = await env.chat.handleText('search model --source hf-api --limit 25', member);
    expect(api.cards!.length).toBeGreaterThan(0);
    expect(api.cards!.every((c) => c.digestDates.includes('2025-08-29') && !c.digestDates.includes('2026-04-22'))).toBe(true);
    const text = await env.chat.handleText('search model --source hf-digest-text --limit 25', member);
    expect(text.cards!.length).toBeGreaterThan(0);
    expect(text.cards!.every((c) => c.digestDates.includes('2026-04-22'))).toBe(true);

    const typed = await env.chat.handleCommand(['search'], { topic: 'model', 'min-upvotes': 20, source: 'hf-api', limit: 25 }, member);
    expect(typed.cards!.every((c) => (c.upvotes ?? 0) >= 20 && c.digestDates.includes('2025-08-29'))).toBe(true);

    const paged = await env.chat.handleText('search model --min-upvotes 1 --source hf-api --limit 2', member);
    const next = paged.actions!.find((a) => a.kind === 'run')!;
    expect(next).toMatchObject({ args: { minUpvotes: 1, source: 'hf-api', page: 2 } });
    const page2 = await env.chat.handleAction(next, member);
    expect(page2.cards!.every((c) => (c.upvotes ?? 0) >= 1 && c.digestDates.includes('2025-08-29'))).toBe(true);
  });

  it('refuses an unknown source or a negative count with the usage line, naming the choices', async () => {
    env = await createChatEnv(tempDir());
    const bad = await env.chat.handleText('search model --source twitter', member);
    expect(bad.error).toBe(true);
    expect(bad.text).toContain("--source must be one of hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle (got 'twitter')");
    expect(bad.text).toContain('/papers search <topic> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source SOURCE]');
    const negative = await env.chat.handleText('search model --min-upvotes -1', member);
    expect(negative.error).toBe(true);
    expect(negative.text).toMatch(/--min-upvotes must be at least 0/);
  });
});
