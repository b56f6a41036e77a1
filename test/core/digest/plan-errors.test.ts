import { describe, expect, it } from 'vitest';
import { DIGEST_PLAN_FAILED } from '../../../src/core/digest/engine.js';
import { noMetrics } from '../../../src/core/metrics.js';
import { caller, setup, timedPublisher } from './helpers.js';

// Monday 2026-03-02, 09:00 UTC slots.
const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';

describe('a subscription whose digest cannot be planned', () => {
  it('is logged at error level naming it, counted as failed, and the other subscriptions still post', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      const counted: string[] = [];
      let broken = true;
      // Reading one taste-ranked channel's bookmarks fails (a bug, a store error); the others need none.
      const engine = t.engineLike({
        taste: {
          recommender: {} as never,
          channelBookmarks: async (_platform, channelId) => {
            if (broken && channelId === 'BROKEN') throw new Error('bookmarks unreadable');
            return [];
          },
        },
        metrics: { ...noMetrics, digest: (platform, outcome) => void counted.push(`${platform}:${outcome}`) },
      });
      await engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 2 });
      await engine.subscribe(caller('BROKEN'), { time: '09:00', tz: 'UTC', top: 2, rank: 'taste' });
      await engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 2 });
      const pub = timedPublisher(t.clock);
      engine.setPublisher(pub);
      t.clock.set(SLOT);
      const report = await engine.tick();
      expect(report.planned).toBe(2);
      expect(new Set(pub.sent.map((s) => s.channelId))).toEqual(new Set(['A', 'C']));
      const errors = t.logger.records.filter((r) => r.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.msg).toBe(DIGEST_PLAN_FAILED);
      expect(errors[0]!.obj).toMatchObject({ platform: 'slack', workspaceId: 'T1', channelId: 'BROKEN', slot: SLOT, err: expect.objectContaining({ message: 'bookmarks unreadable' }) });
      expect(counted).toEqual(['slack:failed', 'slack:posted', 'slack:posted']);
      // Its slot stays unplanned: the next tick plans it once the error is gone.
      broken = false;
      t.clock.set('2026-03-02T09:01:00.000Z');
      expect(await engine.tick()).toMatchObject({ planned: 1 });
      expect(pub.sent.filter((s) => s.channelId === 'BROKEN').length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
