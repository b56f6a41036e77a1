import { describe, expect, it } from 'vitest';
import type { Publisher } from '../../../src/core/publisher.js';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

// Monday 2026-03-02, 09:00 UTC slots.
const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';
/** Shorter than Slack's 1.1 s pacing, and than one post below. */
const LEASE_MS = 1000;

describe('a run whose lease lapses while this process is still posting it', () => {
  it('is not taken by another pass of the same process: every message goes out once', async () => {
    const t = await setup(START, { leaseMs: LEASE_MS });
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 5 });
      // Slack's pacing (1.1 s between posts) and posts that take 1.5 s: the lease, renewed right
      // before each post, has lapsed by the time each one answers. Meanwhile the resume pass that
      // main runs every few seconds looks for unclaimed runs.
      const pub = timedPublisher(t.clock, 'slack', undefined, 1100);
      const post = pub.post.bind(pub);
      let passes = 0;
      let inPass = false;
      const slow: Publisher['post'] = async (channelId, message, to) => {
        t.clock.advance(1500);
        if (!inPass) {
          inPass = true;
          passes++;
          await t.engine.resume();
          inPass = false;
        }
        return post(channelId, message, to);
      };
      pub.post = slow;
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      const report = await t.engine.tick();
      expect(passes).toBeGreaterThanOrEqual(6);
      expect(report).toMatchObject({ planned: 1, posted: 5 });
      expect(pub.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 5, new Set())]);
      expect(t.db().prepare('SELECT status FROM digest_runs').all()).toEqual([{ status: 'done' }]);
    } finally {
      await t.close();
    }
  });

  it('a run whose attempt failed here is tried again by this process a lease later, after its recorded posts', async () => {
    let failOnce = true;
    const t = await setup(START, {
      leaseMs: LEASE_MS,
      // Recording the first paper's message (after its post was recorded) fails once, a store
      // error: the attempt ends there, with the header and one paper out.
      messages: {
        recordMessage: async () => {
          if (!failOnce) return;
          failOnce = false;
          throw new Error('disk I/O error');
        },
      },
    });
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 3 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      await t.engine.tick();
      expect(t.logger.records.some((r) => r.level === 'error' && r.msg === 'digest posting failed')).toBe(true);
      expect(pub.sent).toHaveLength(2);
      // Not before a lease has passed, then by this same process (no other instance here).
      expect(await t.engine.resume()).toMatchObject({ posted: 0 });
      t.clock.advance(LEASE_MS + 1);
      expect(await t.engine.resume()).toMatchObject({ posted: 2 });
      expect(pub.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 3, new Set())]);
    } finally {
      await t.close();
    }
  });
});
