import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/core/clock.js';
import { dmChannelId } from '../../../src/core/direct-messages.js';
import { createDigestEngine, DIGEST_PLAN_FAILED, type DigestEngineOptions } from '../../../src/core/digest/engine.js';
import { PermanentPublishError, RecommenderNotReady } from '../../../src/core/errors.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore, type Core } from '../../../src/core/open-core.js';
import type { Caller } from '../../../src/core/reply.js';
import { createRecommender, type Recommender } from '../../../src/core/recommend/recommender.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { topicOf, topicPapers } from '../recommend/topic-papers.js';
import { dyingPublisher, timedPublisher } from './helpers.js';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => core?.close());

const reader = (userId: string): Caller => ({ platform: 'slack', workspaceId: 'T1', channelId: 'C-where-typed', userId, isAdmin: false });
// Thursday 2024-01-04; 08:00 in Berlin (UTC+1 in winter) is 07:00 UTC.
const START = '2024-01-04T06:00:00.000Z';
const SLOT = '2024-01-04T07:00:00.000Z';
const AGENTS = ['2401.30000', '2401.30001', '2401.30002'];
const SPEECH = ['2401.20000', '2401.20001', '2401.20002'];

async function setup(opts: { recommender?: (real: Recommender) => Recommender } = {}) {
  const clock = createFakeClock(START);
  core = await openCore({ dataDir: tempDir(), clock, now: () => clock.now() });
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await core.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  const logger = createRecordingLogger();
  const real = createRecommender({ store: core.store, logger });
  const recommender = opts.recommender ? opts.recommender(real) : real;
  const storage = core.storage;
  const options = (): DigestEngineOptions => ({
    store: storage.digests,
    messages: storage.bookmarks,
    papers: core!.store,
    clock,
    logger,
    personal: { recommender, bookmarks: storage.bookmarks, feedback: storage.feedback, notices: storage.dmNotices },
  });
  const engine = createDigestEngine(options());
  const bookmark = async (userId: string, ids: string[]) => {
    for (const id of ids) await storage.bookmarks.add(reader(userId), id);
  };
  return { clock, logger, storage, engine, bookmark, engineLike: () => createDigestEngine(options()) };
}

describe('personal digest by direct message', () => {
  it("sends the reader's recommendations to their DM pseudo-channel once, even across a restart mid-run", async () => {
    const t = await setup();
    const sub = await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin', top: 5 });
    expect(sub.text).toMatch(/^Subscribed: your recommendations by direct message, 08:00 Europe\/Berlin, every day, top 5\. Next: .*It starts once you have 3 bookmarks: bookmark 3 more papers\./);
    expect(sub.ephemeral).toBe(true);
    await t.bookmark('U1', AGENTS);
    // Call 0 is the header, 1-2 two papers; call 3 never returns: the process "dies" there.
    const { publisher: first, died } = dyingPublisher(t.clock, 3);
    t.engine.setPublisher(first);
    t.clock.set(SLOT);
    void t.engine.tick();
    await died;
    expect(first.sent.map((s) => s.channelId)).toEqual(Array(3).fill(dmChannelId('T1', 'U1')));
    expect(first.sent[0]!.text).toMatch(/^📬 Your papers for today: 5 picked from your 3 bookmarks \(digests 2023-12-29 to 2024-01-04\)/);

    t.clock.set('2024-01-04T07:05:00.000Z');
    const engine2 = t.engineLike();
    const second = timedPublisher(t.clock);
    engine2.setPublisher(second);
    const report = await engine2.catchUp();
    expect(report).toMatchObject({ planned: 0, posted: 3 });
    const papers = [...first.sent, ...second.sent].map((s) => s.paperId).filter((id): id is string => id !== undefined);
    expect(papers).toHaveLength(5);
    expect(new Set(papers).size).toBe(5);
    // Like the bookmarks (agents), never one of them.
    expect(papers.map(topicOf)).toEqual(Array(5).fill('agents'));
    expect(papers.some((id) => AGENTS.includes(id))).toBe(false);
    // Later ticks the same day post nothing more.
    t.clock.set('2024-01-04T09:00:00.000Z');
    await engine2.tick();
    expect(second.sent).toHaveLength(3);
  });

  it('sends nothing to a reader with fewer than 3 bookmarks that day, and says so in the log', async () => {
    const t = await setup();
    await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.bookmark('U1', AGENTS.slice(0, 2));
    const pub = timedPublisher(t.clock);
    t.engine.setPublisher(pub);
    t.clock.set(SLOT);
    const report = await t.engine.tick();
    expect(pub.sent).toEqual([]);
    expect(report).toMatchObject({ planned: 0, empty: 1, posted: 0 });
    expect(t.logger.records.find((r) => r.msg === 'personal digest not sent: too few bookmarks')?.obj).toMatchObject({ userId: 'U1', bookmarks: 2, needed: 3 });
  });

  it('never sends a paper twice, nor one the reader bookmarked or dismissed, day after day', async () => {
    const t = await setup();
    await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin', top: 5 });
    await t.bookmark('U1', AGENTS);
    await t.storage.feedback.dismiss(reader('U1'), '2401.30003');
    const pub = timedPublisher(t.clock);
    t.engine.setPublisher(pub);
    const days: string[][] = [];
    for (const slot of [SLOT, '2024-01-05T07:00:00.000Z', '2024-01-06T07:00:00.000Z']) {
      const before = pub.sent.length;
      t.clock.set(slot);
      await t.engine.tick();
      days.push(pub.sent.slice(before).flatMap((s) => (s.paperId ? [s.paperId] : [])));
    }
    expect(days.map((d) => d.length)).toEqual([5, 5, 5]);
    const all = days.flat();
    expect(new Set(all).size).toBe(15);
    expect(all).not.toContain('2401.30003');
    expect(all.some((id) => AGENTS.includes(id))).toBe(false);
  });

  it('unsubscribe stops it, and the channel listing never shows personal digests', async () => {
    const t = await setup();
    await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.bookmark('U1', AGENTS);
    const list = await t.engine.list({ ...reader('U1'), isAdmin: true });
    expect(list.text).not.toContain('dm:');
    expect((await t.engine.unsubscribePersonal(reader('U1'))).text).toBe('Unsubscribed: no more recommendations by direct message.');
    expect((await t.engine.unsubscribePersonal(reader('U1'))).text).toBe('You had no personal digest subscription.');
    const pub = timedPublisher(t.clock);
    t.engine.setPublisher(pub);
    t.clock.set(SLOT);
    await t.engine.tick();
    expect(pub.sent).toEqual([]);
  });

  it('refuses channel settings and bad values with the for-me subscribe usage', async () => {
    const t = await setup();
    await expect(t.engine.subscribePersonal(reader('U1'), { time: '08:00', topics: 'graphs' })).rejects.toThrow('for-me subscribe takes --time, --tz, --days and --top, not --topics');
    await expect(t.engine.subscribePersonal(reader('U1'), { tz: 'Mars/Base' })).rejects.toMatchObject({ usage: expect.stringContaining('for-me subscribe --time 08:00') });
  });

  it.each([
    { what: 'still fitting its first model (not due yet: no error)', error: () => new RecommenderNotReady(), level: 'info', msg: 'personal digest waits for the recommender’s first fit; planned again at the next tick' },
    { what: 'failing (an error, logged as one)', error: () => new Error('model file unreadable'), level: 'error', msg: DIGEST_PLAN_FAILED },
  ])('a recommender $what for one reader does not stop the others; that reader is planned at the next tick', async ({ error, level, msg }) => {
    let failing = true;
    const t = await setup({
      recommender: (real) => ({
        sync: () => real.sync(),
        idle: () => real.idle(),
        async recommend(req) {
          if (failing && req.positives.some((id) => SPEECH.includes(id))) throw error();
          return real.recommend(req);
        },
      }),
    });
    await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.engine.subscribePersonal(reader('U2'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.bookmark('U1', AGENTS);
    await t.bookmark('U2', SPEECH);
    const pub = timedPublisher(t.clock);
    t.engine.setPublisher(pub);
    t.clock.set(SLOT);
    const report = await t.engine.tick();
    expect(report.planned).toBe(1);
    expect(new Set(pub.sent.map((s) => s.channelId))).toEqual(new Set([dmChannelId('T1', 'U1')]));
    const said = t.logger.records.filter((r) => r.msg === msg);
    expect(said.map((r) => r.level)).toEqual([level]);
    expect(said[0]!.obj).toMatchObject(level === 'error' ? { channelId: dmChannelId('T1', 'U2'), err: expect.objectContaining({ message: 'model file unreadable' }) } : { userId: 'U2' });
    if (level === 'info') expect(t.logger.records.filter((r) => r.level === 'error')).toEqual([]);

    failing = false;
    t.clock.set('2024-01-04T07:01:00.000Z');
    await t.engine.tick();
    const u2 = pub.sent.filter((s) => s.channelId === dmChannelId('T1', 'U2')).flatMap((s) => (s.paperId ? [s.paperId] : []));
    expect(u2.map(topicOf)).toEqual(Array(5).fill('speech'));
  });

  it('a DM that cannot be delivered pauses that personal digest with its reason and leaves one notice; others go on', async () => {
    const t = await setup();
    await t.engine.subscribePersonal(reader('U1'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.engine.subscribePersonal(reader('U2'), { time: '08:00', tz: 'Europe/Berlin' });
    await t.bookmark('U1', AGENTS);
    await t.bookmark('U2', SPEECH);
    const pub = timedPublisher(t.clock, 'slack', (channelId) => (channelId === dmChannelId('T1', 'U2') ? new PermanentPublishError('slack: cannot_dm_bot') : undefined));
    t.engine.setPublisher(pub);
    t.clock.set(SLOT);
    const report = await t.engine.tick();
    expect(report.paused).toBe(1);
    expect(pub.sent.filter((s) => s.paperId)).toHaveLength(5);
    expect((await t.storage.digests.get('slack', dmChannelId('T1', 'U2')))?.pausedReason).toBe('permanent failure: slack: cannot_dm_bot');
    expect(t.logger.records.find((r) => r.msg === 'personal digest paused: the direct message could not be delivered')?.obj).toMatchObject({ userId: 'U2', reason: 'permanent failure: slack: cannot_dm_bot' });
    const notice = await t.storage.dmNotices.take({ platform: 'slack', workspaceId: 'T1', userId: 'U2' });
    expect(notice?.reason).toBe('permanent failure: slack: cannot_dm_bot');
    expect(await t.storage.dmNotices.take({ platform: 'slack', workspaceId: 'T1', userId: 'U2' })).toBeUndefined();
    // Paused: the next day sends nothing to U2; subscribing again resumes it.
    t.clock.set('2024-01-05T07:00:00.000Z');
    await t.engine.tick();
    expect(pub.calls).toBe(1 + 6 * 2);
    await t.engine.subscribePersonal(reader('U2'), { time: '08:00', tz: 'Europe/Berlin' });
    expect((await t.storage.digests.get('slack', dmChannelId('T1', 'U2')))?.pausedReason).toBeNull();
  });
});
