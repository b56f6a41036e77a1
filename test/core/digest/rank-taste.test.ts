import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/core/clock.js';
import { createDigestEngine } from '../../../src/core/digest/engine.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore, type Core } from '../../../src/core/open-core.js';
import type { Publisher } from '../../../src/core/publisher.js';
import type { Caller } from '../../../src/core/reply.js';
import { createRecommender } from '../../../src/core/recommend/recommender.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { topicOf, topicPapers } from '../recommend/topic-papers.js';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => core?.close());

const admin = (channelId: string): Caller => ({ platform: 'slack', workspaceId: 'T1', channelId, userId: 'U1', isAdmin: true });

async function setup(opts: { whileFitting?: 'throw' } = {}) {
  const clock = createFakeClock('2024-01-04T12:00:00Z');
  core = await openCore({ dataDir: tempDir(), clock, now: () => clock.now() });
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await core.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  const feedback = core.storage.feedback;
  const bookmarks = core.storage.bookmarks;
  const recommender = createRecommender({ store: core.store, logger: createRecordingLogger(), ...opts });
  const engine = createDigestEngine({
    store: core.storage.digests,
    messages: bookmarks,
    papers: core.store,
    clock,
    logger: createRecordingLogger(),
    taste: { recommender, channelBookmarks: (p, c, n) => feedback.channelBookmarks(p, c, n) },
  });
  const sent: Array<{ channelId: string; paperId?: string }> = [];
  const publisher: Publisher = {
    platform: 'slack',
    minIntervalMs: 0,
    async post(channelId, message) {
      sent.push({ channelId, paperId: message.card?.paperId });
      return { messageId: `m${sent.length}` };
    },
  };
  engine.setPublisher(publisher);
  return { core, engine, bookmarks, sent, clock, recommender, feedback };
}

/** The next day's papers: same three topics, new ids. */
function nextDay() {
  return topicPapers(10, 1, 9).map((p) => ({ ...p, id: p.id.replace('2401.', '2402.'), arxivId: p.id.replace('2401.', '2402.'), digestDate: '2024-01-05' }));
}

describe('subscribe --rank taste', () => {
  it("keeps today's order below 5 bookmarks, then orders by what members bookmarked from the channel's posts", async () => {
    const t = await setup();
    const sub = await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25, rank: 'taste' });
    expect(sub.text).toContain("ranked by the channel's taste");
    const before = await t.engine.preview(admin('C'));
    expect(before.text).toContain("Order: today's order: taste needs 5 bookmarks of this channel's posts, it has 0.");

    await t.engine.runNow(admin('C'));
    const posted = t.sent.filter((s) => s.channelId === 'C' && s.paperId).map((s) => s.paperId!);
    expect(posted.length).toBeGreaterThanOrEqual(5);
    const agents = posted.filter((id) => topicOf(id) === 'agents');
    expect(agents.length).toBeGreaterThanOrEqual(5);
    // Two members bookmark agents papers from the channel's posts; a paper never posted here does not count.
    for (const [i, id] of agents.slice(0, 5).entries()) await t.bookmarks.add({ platform: 'slack', workspaceId: 'T1', userId: `U${i % 2}` }, id);
    await t.bookmarks.add({ platform: 'slack', workspaceId: 'T1', userId: 'U9' }, '2401.10000');
    expect(posted).not.toContain('2401.10000');

    await t.core.store.ingest({ source: 'arxiv-jsonl', digestDate: '2024-01-05', papers: nextDay() });
    const after = await t.engine.preview(admin('C'));
    expect(after.text).toContain("Order: the channel's taste (5 bookmarks of its posts).");
    const order = (after.cards ?? []).map((c) => c.paperId);
    expect(order).toHaveLength(25);
    expect(order.slice(0, 10).map(topicOf)).toEqual(Array(10).fill('agents'));

    // Without --rank taste the same candidates keep today's (digest) order.
    await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25 });
    const plain = await t.engine.preview(admin('C'));
    expect(plain.text).not.toContain('Order:');
    expect((plain.cards ?? []).slice(0, 10).map((c) => topicOf(c.paperId))).not.toEqual(Array(10).fill('agents'));
  });

  it('with --topics: the topics choose the papers, the taste orders them', async () => {
    const t = await setup();
    await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25 });
    await t.engine.runNow(admin('C'));
    const agents = t.sent.filter((s) => s.channelId === 'C' && s.paperId && topicOf(s.paperId) === 'agents').map((s) => s.paperId!);
    for (const [i, id] of agents.slice(0, 5).entries()) await t.bookmarks.add({ platform: 'slack', workspaceId: 'T1', userId: `U${i}` }, id);
    await t.core.store.ingest({ source: 'arxiv-jsonl', digestDate: '2024-01-05', papers: nextDay() });

    await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25, rank: 'taste', topics: 'speech' });
    const preview = await t.engine.preview(admin('C'));
    expect(preview.text).toContain("Order: the channel's taste (5 bookmarks of its posts).");
    const order = (preview.cards ?? []).map((c) => c.paperId);
    expect(order.length).toBeGreaterThanOrEqual(5);
    expect(order.map(topicOf)).toEqual(Array(order.length).fill('speech'));
    // In the recommender's order for the channel's bookmarks, not the digest's.
    const liked = await t.feedback.channelBookmarks('slack', 'C', 200);
    const ranked = await t.recommender.recommend({ positives: liked, only: order, limit: order.length });
    expect(order).toEqual(ranked.items.map((i) => i.id));
  });

  it("keeps today's order while the recommender's first fit runs, saying so", async () => {
    const t = await setup({ whileFitting: 'throw' });
    await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25 });
    await t.engine.runNow(admin('C'));
    const posted = t.sent.filter((s) => s.channelId === 'C' && s.paperId).map((s) => s.paperId!);
    for (const [i, id] of posted.slice(0, 5).entries()) await t.bookmarks.add({ platform: 'slack', workspaceId: 'T1', userId: `U${i}` }, id);
    await t.core.store.ingest({ source: 'arxiv-jsonl', digestDate: '2024-01-05', papers: nextDay() });
    await t.engine.subscribe(admin('C'), { time: '09:00', tz: 'UTC', top: 25, rank: 'taste' });
    const preview = await t.engine.preview(admin('C'));
    expect(preview.text).toContain("Order: today's order: the recommender is still learning the archive (its first fit is running).");
    expect(preview.cards?.length).toBe(25);
    await t.recommender.idle();
    expect((await t.engine.preview(admin('C'))).text).toContain("Order: the channel's taste (5 bookmarks of its posts).");
  });

  it('refuses an unknown --rank', async () => {
    const t = await setup();
    await expect(t.engine.subscribe(admin('C'), { time: '09:00', rank: 'votes' })).rejects.toThrow(/--rank/);
  });
});
