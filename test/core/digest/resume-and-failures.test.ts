import { describe, it, expect } from 'vitest';
import { PermanentPublishError, RateLimitedError, TransientPublishError } from '../../../src/core/errors.js';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

// Monday 2026-03-02, 09:00 UTC slots.
const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';

describe('resumable runs', () => {
  it('killed after 2 of 5 papers, the next start posts the remaining 3 and nothing twice', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 5 });
      let reached!: () => void;
      const hung = new Promise<void>((r) => (reached = r));
      // Call 0 is the header, 1-2 two papers; call 3 never returns: the process "dies" there.
      const first = timedPublisher(t.clock, 'slack', (_c, _m, call) => {
        if (call === 3) {
          reached();
          return 'hang';
        }
        return undefined;
      });
      t.engine.setPublisher(first);
      t.clock.set(SLOT);
      void t.engine.tick();
      await hung;
      expect(first.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 2, new Set())]);

      // A new process over the same database.
      t.clock.set('2026-03-02T09:05:00.000Z');
      const engine2 = t.engineLike();
      const second = timedPublisher(t.clock);
      engine2.setPublisher(second);
      const report = await engine2.catchUp();
      const all = expectedTop('2025-06-10', 5, new Set());
      expect(second.sent.map((s) => s.paperId)).toEqual(all.slice(2));
      expect(report).toMatchObject({ planned: 0, posted: 3 });
      // And later ticks post nothing more for that slot.
      t.clock.set('2026-03-02T10:00:00.000Z');
      await engine2.tick();
      expect(second.sent).toHaveLength(3);
      const posts = t.db().prepare('SELECT paper_id FROM posts ORDER BY rowid').all() as Array<{ paper_id: string }>;
      expect(posts.map((p) => p.paper_id)).toEqual(all);
    } finally {
      await t.close();
    }
  });
});

describe('overlapping ticks and stale runs', () => {
  it('two ticks at once (a slow minute) never post a run twice', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 5 });
      const pub = timedPublisher(t.clock, 'slack', undefined, 1000);
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      const [a, b] = await Promise.all([t.engine.tick(), t.engine.tick(), t.engine.runNow(caller('A'))]);
      expect(a.planned + b.planned).toBe(1);
      const ids = pub.sent.filter((s) => s.paperId).map((s) => s.paperId);
      expect(ids).toEqual(expectedTop('2025-06-10', 5, new Set()));
      expect(pub.sent.filter((s) => !s.paperId)).toHaveLength(1);
      // The scheduled run planned alongside the manual one finds its papers posted: no lone header.
      t.clock.set('2026-03-02T09:01:00.000Z');
      await t.engine.tick();
      expect(pub.sent).toHaveLength(6);
    } finally {
      await t.close();
    }
  });

  it('a run interrupted longer ago than the lateness limit is not resumed, and says so', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 5 });
      t.engine.setPublisher(timedPublisher(t.clock, 'slack', () => 'hang'));
      t.clock.set(SLOT);
      void t.engine.tick();
      await new Promise((r) => setTimeout(r, 50));
      t.clock.set('2026-03-02T16:00:00.000Z');
      const engine2 = t.engineLike();
      const pub = timedPublisher(t.clock);
      engine2.setPublisher(pub);
      await engine2.catchUp();
      expect(pub.sent).toEqual([]);
      expect(t.logger.records.some((r) => r.msg === 'interrupted digest too old to resume; skipped')).toBe(true);
      expect(t.db().prepare('SELECT status FROM digest_runs').all()).toEqual([{ status: 'skipped' }]);
    } finally {
      await t.close();
    }
  });
});

describe('platform failures', () => {
  it('a 429 storm is waited out (Retry-After honoured) and every message still goes exactly once', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 5 });
      await t.engine.subscribe(caller('B'), { time: '09:00', tz: 'UTC', top: 5 });
      const pub = timedPublisher(t.clock, 'slack', (_c, _m, call) => (call < 25 || call % 3 === 0 ? new RateLimitedError(1500) : undefined), 1100);
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      const report = await t.engine.tick();
      expect(report).toMatchObject({ planned: 2, posted: 10, paused: 0 });
      for (const ch of ['A', 'B']) {
        expect(pub.sent.filter((s) => s.channelId === ch).map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 5, new Set())]);
      }
      expect(t.clock.slept.filter((ms) => ms === 1500).length).toBeGreaterThanOrEqual(25);
      // Pacing: two posts to one channel are never closer than minIntervalMs.
      for (const ch of ['A', 'B']) {
        const times = pub.sent.filter((s) => s.channelId === ch).map((s) => Date.parse(s.at));
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1100);
      }
    } finally {
      await t.close();
    }
  });

  it('a channel that is gone is paused and logged; the other channel still gets its digest', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('GONE'), { time: '09:00', tz: 'UTC' });
      await t.engine.subscribe(caller('FLAKY'), { time: '09:00', tz: 'UTC' });
      await t.engine.subscribe(caller('OK'), { time: '09:00', tz: 'UTC', top: 2 });
      const pub = timedPublisher(t.clock, 'slack', (c) =>
        c === 'GONE' ? new PermanentPublishError('channel_not_found') : c === 'FLAKY' ? new TransientPublishError('502 Bad Gateway') : undefined,
      );
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      const report = await t.engine.tick();
      expect(report.paused).toBe(2);
      expect(pub.sent.map((s) => s.channelId)).toEqual(['OK', 'OK', 'OK']);
      const subs = t.db().prepare('SELECT channel_id, paused_reason FROM subscriptions ORDER BY channel_id').all();
      expect(subs).toEqual([
        { channel_id: 'FLAKY', paused_reason: 'failed 6 times in a row: 502 Bad Gateway' },
        { channel_id: 'GONE', paused_reason: 'permanent failure: channel_not_found' },
        { channel_id: 'OK', paused_reason: null },
      ]);
      // Backoff doubled between the transient retries.
      expect(t.clock.slept).toEqual(expect.arrayContaining([2000, 4000, 8000, 16000, 32000]));
      expect(t.logger.records.filter((r) => r.level === 'error' && r.msg?.includes('paused')).length).toBe(2);
      // Paused channels are left alone the next day; `list` says so.
      t.clock.set('2026-03-03T09:00:00.000Z');
      await t.ingest('2025-06-11');
      await t.engine.tick();
      expect(new Set(pub.sent.map((s) => s.channelId))).toEqual(new Set(['OK']));
      expect((await t.engine.list(caller('OK'))).text).toMatch(/GONE: .*PAUSED \(permanent failure: channel_not_found\)/);
      // Subscribing again resumes it.
      await t.engine.subscribe(caller('GONE'), { time: '09:00', tz: 'UTC' });
      expect((await t.engine.list(caller('OK'))).text).not.toMatch(/GONE: .*PAUSED/);
    } finally {
      await t.close();
    }
  });
});
