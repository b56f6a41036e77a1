import { afterEach, describe, expect, it } from 'vitest';
import { createChatCore } from '../../commands/chat-core.js';
import { createCustomIdCodec } from '../../src/adapters/discord/custom-ids.js';
import type { ChatCore } from '../../src/core/chat.js';
import { createFakeClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply, ReplyAction } from '../../src/core/reply.js';
import { createPaperSearch, type PaperSearchOptions } from '../../src/core/search/create-paper-search.js';
import type { PaperSearch } from '../../src/core/search/ports.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { createChatEnv, member, type ChatEnv } from './env.js';

const tempDir = useTempDirs();
let env: ChatEnv;
const searches: PaperSearch[] = [];
afterEach(async () => {
  for (const s of searches.splice(0)) await s.close();
  await env?.close();
});

type RunAction = Extract<ReplyAction, { kind: 'run' }>;
const TWIN = 'title:twin-merging-dynamic-integration-of-modular-expertise-in-model-merging';
const action = (r: Reply, label: string) => r.actions?.find((a): a is RunAction => a.kind === 'run' && a.label === label);

/** The chat over the seed digest (74 papers), its search given `opts` (small cuts make it an archive). */
async function chatWith(opts: Partial<PaperSearchOptions>): Promise<{ chat: ChatCore; search: PaperSearch }> {
  const search = await createPaperSearch({ dataDir: tempDir(), store: env.core.store, logger: silentLogger, ...opts });
  searches.push(search);
  const chat = createChatCore({ store: env.core.store, search, digests: env.digests, bookmarks: env.bookmarks, reading: env.core.reading, logger: env.logger, clock: createFakeClock('2026-04-25T10:00:00Z') });
  return { chat, search };
}

/** Every card of a search, following Next page to the end. */
async function walk(chat: ChatCore, first: Reply): Promise<string[]> {
  const ids: string[] = [];
  for (let r: Reply | undefined = first, n = 0; r && n < 50; n++) {
    expect(r.error).toBeUndefined();
    ids.push(...(r.cards ?? []).map((c) => c.paperId));
    const next = action(r, 'Next page');
    r = next ? await chat.handleAction(next, member) : undefined;
  }
  return ids;
}

// A shard of the newest 10 papers; topics over 20 postings are broad; at most 8 matches ranked.
const SMALL: Partial<PaperSearchOptions> = { recentDocs: 10, broadPostings: 20, minAllWordsHits: 1, chatRanked: 8, termHeads: false, exactShare: 0 };

describe('/papers search --all: every match ranked, offered when a search ranked fewer', () => {
  it('a broad topic says it was ranked among the newest papers and offers Rank every match, which ranks the whole archive', async () => {
    env = await createChatEnv(tempDir());
    const { chat } = await chatWith(SMALL);
    const { search: uncut } = await chatWith({ minAllWordsHits: 1, chatRanked: 1e12, maxRanked: 1e12, broadPostings: 1e15, termHeads: false });
    const first = await chat.handleText('search reasoning --limit 3', member);
    expect(first.error).toBeUndefined();
    expect(first.text.split('\n')[0]).toMatch(/papers? match "reasoning" among the newest 10 — 1-\d, page 1 of 1$/);
    const rank = action(first, 'Rank every match');
    expect(rank).toMatchObject({ command: 'search', args: { topic: 'reasoning', limit: 3, page: 1, all: true } });

    const all = await chat.handleAction(rank!, member);
    const heading = all.text.split('\n')[0]!;
    expect(heading).not.toMatch(/newest/);
    expect(action(all, 'Rank every match')).toBeUndefined();
    const total = Number(/^(\d+) papers match/.exec(heading)?.[1]);
    // Every paper with either word, across pages, in the order ranking every match gives.
    const want = await uncut.search({ text: 'reasoning', limit: 25 });
    expect(total).toBe(want.total);
    expect(total).toBeGreaterThan(10);
    const walked = await walk(chat, all);
    expect(walked).toHaveLength(total);
    expect(walked.slice(0, want.hits.length)).toEqual(want.hits.map((h) => h.paper.id));
    // Typed, the flag gives the same reply as the button.
    const typed = await chat.handleText('search reasoning --limit 3 --all', member);
    expect(typed.text).toBe(all.text);
  });

  it('a topic with more matches than are ranked names the cut, and --all lifts it', async () => {
    env = await createChatEnv(tempDir());
    // No shard: only the newest-8 cut of the chat ranking applies.
    const { chat } = await chatWith({ ...SMALL, broadPostings: 1e15 });
    const cut = await chat.handleText('search reasoning --limit 3', member);
    expect(cut.text.split('\n')[0]).toMatch(/match "reasoning" \(the newest 8 ranked\) — 1-3/);
    const rank = action(cut, 'Rank every match');
    expect(rank?.args).toMatchObject({ all: true, page: 1 });
    const all = await chat.handleAction(rank!, member);
    expect(all.text.split('\n')[0]).not.toMatch(/newest/);
    // The next page keeps --all.
    expect(action(all, 'Next page')?.args).toMatchObject({ all: true, page: 2 });
  });

  it('its buttons leave the flags that are off out, so a 30-character topic still fits a Discord custom_id', async () => {
    env = await createChatEnv(tempDir());
    // Some-words matches listed (no all-words level), past the newest-8 cut: both buttons.
    const { chat } = await chatWith({ ...SMALL, broadPostings: 1e15, minAllWordsHits: 1000 });
    const topic = 'reasoning agents planning tool';
    expect(topic).toHaveLength(30);
    const r = await chat.handleText(`search ${topic} --limit 2`, member);
    const codec = createCustomIdCodec();
    for (const label of ['Next page', 'Rank every match']) {
      const a = action(r, label);
      expect(a, label).toBeDefined();
      expect(a!.args.hasCode, label).toBeUndefined();
      // A custom_id that does not fit is kept in memory instead (p:ref:), lost at a restart.
      expect(codec.encode(a!), label).toMatch(/^p:run:/);
      expect(codec.encode(a!)!.length).toBeLessThanOrEqual(100);
    }
    expect(action(r, 'Next page')!.args.all).toBeUndefined();
  });

  it('similar: names the cut and offers Rank every match, which ranks every paper sharing its words', async () => {
    env = await createChatEnv(tempDir());
    const { chat } = await chatWith({ ...SMALL, maxRanked: 8 });
    const { search: uncut } = await chatWith({ termHeads: false });
    const first = await chat.handleText(`similar ${TWIN} --limit 3`, member);
    expect(first.error).toBeUndefined();
    expect(first.text.split('\n')[0]).toMatch(/^Papers like ".*" \(the newest 8 ranked\) — page 1$/);
    const rank = action(first, 'Rank every match');
    expect(rank?.args).toMatchObject({ id: TWIN, limit: 3, page: 1, all: true });
    const all = await chat.handleAction(rank!, member);
    expect(all.text.split('\n')[0]).not.toMatch(/newest/);
    expect(action(all, 'Rank every match')).toBeUndefined();
    expect(action(all, 'Next page')?.args).toMatchObject({ all: true, page: 2 });
    const want = await uncut.similar(TWIN, { limit: 3 });
    expect(all.cards!.map((c) => c.paperId)).toEqual(want.hits.map((h) => h.paper.id));
  });

  it('a search that ranked every match offers nothing more', async () => {
    env = await createChatEnv(tempDir());
    const { chat } = await chatWith({});
    const r = await chat.handleText('search model merging --limit 3', member);
    expect(r.cards!.length).toBeGreaterThan(0);
    expect(r.text).not.toMatch(/newest/);
    expect(action(r, 'Rank every match')).toBeUndefined();
  });
});
