import { describe, it, expect } from 'vitest';
import { RateLimitedError } from '../../../src/core/errors.js';
import { DIGEST_STOPPED } from '../../../src/core/digest/post-run.js';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

// Monday 2026-03-02, 09:00 UTC slots.
const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';

type T = Awaited<ReturnType<typeof setup>>;

/** The two ways a channel stops wanting its digest. */
const leave = {
  unsubscribed: (t: T, channelId: string) => void t.engine.unsubscribe(caller(channelId)),
  paused: (t: T, channelId: string) => void t.db().prepare(`UPDATE subscriptions SET paused_reason = 'paused by another process' WHERE channel_id = ?`).run(channelId),
};
const detail = { unsubscribed: 'channel unsubscribed', paused: 'channel paused (paused by another process)' };

const runs = (t: T) => t.db().prepare('SELECT channel_id AS channelId, status, detail FROM digest_runs ORDER BY id').all();

describe('a channel that leaves while its digest is being posted', () => {
  for (const how of ['unsubscribed', 'paused'] as const) {
    it(`${how} after the 2nd message: nothing more is posted there, the run is closed, other channels go on`, async () => {
      const t = await setup(START);
      try {
        await t.ingest('2025-06-10');
        await t.engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 5 });
        await t.engine.subscribe(caller('B'), { time: '09:00', tz: 'UTC', top: 5 });
        let toA = 0;
        const pub = timedPublisher(t.clock, 'slack', (channelId) => {
          // The 2nd message to A still goes out; the channel leaves as it is sent.
          if (channelId === 'A' && ++toA === 2) leave[how](t, 'A');
          return undefined;
        });
        t.engine.setPublisher(pub);
        t.clock.set(SLOT);
        const report = await t.engine.tick();

        const top = expectedTop('2025-06-10', 5, new Set());
        expect(pub.sent.filter((s) => s.channelId === 'A').map((s) => s.paperId)).toEqual([undefined, top[0]]);
        expect(pub.sent.filter((s) => s.channelId === 'B').map((s) => s.paperId)).toEqual([undefined, ...top]);
        expect(report).toMatchObject({ planned: 2, posted: 6, stopped: 1, paused: 0 });
        expect(runs(t)).toEqual([
          { channelId: 'A', status: 'skipped', detail: `stopped: ${detail[how]}` },
          { channelId: 'B', status: 'done', detail: null },
        ]);
        expect(t.logger.records.filter((r) => r.msg === DIGEST_STOPPED)).toHaveLength(1);

        // Nothing is left for a later tick (or a restart) to resume.
        t.clock.set('2026-03-02T09:30:00.000Z');
        await t.engine.tick();
        expect(pub.sent.filter((s) => s.channelId === 'A')).toHaveLength(2);
      } finally {
        await t.close();
      }
    });
  }

  it('unsubscribed while waiting out a 429 storm: no post is attempted after the storm', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('A'), { time: '09:00', tz: 'UTC', top: 5 });
      // Calls 0-1 go out, 2-7 are rate limited (unsubscribed during call 4), later calls would succeed.
      const pub = timedPublisher(t.clock, 'slack', (_c, _m, call) => {
        if (call === 4) leave.unsubscribed(t, 'A');
        return call >= 2 && call <= 7 ? new RateLimitedError(5000) : undefined;
      });
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      const report = await t.engine.tick();
      expect(pub.calls).toBe(5);
      expect(pub.sent).toHaveLength(2);
      expect(report).toMatchObject({ posted: 1, stopped: 1, paused: 0 });
      expect(runs(t)).toEqual([{ channelId: 'A', status: 'skipped', detail: 'stopped: channel unsubscribed' }]);
    } finally {
      await t.close();
    }
  });
});

describe('a channel that left while the bot was down', () => {
  for (const how of ['unsubscribed', 'paused'] as const) {
    it(`${how}: its interrupted run is not resumed at start, and that is logged`, async () => {
      const t = await setup(START);
      try {
        await t.ingest('2025-06-10');
        await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 5 });
        let reached!: () => void;
        const hung = new Promise<void>((r) => (reached = r));
        // Header and two papers go out; call 3 never returns: the process "dies" there.
        const first = timedPublisher(t.clock, 'slack', (_c, _m, call) => {
          if (call !== 3) return undefined;
          reached();
          return 'hang';
        });
        t.engine.setPublisher(first);
        t.clock.set(SLOT);
        void t.engine.tick();
        await hung;
        expect(first.sent).toHaveLength(3);

        leave[how](t, 'C1');
        // A new process over the same database, within the lateness limit.
        t.clock.set('2026-03-02T09:05:00.000Z');
        const engine2 = t.engineLike();
        const second = timedPublisher(t.clock);
        engine2.setPublisher(second);
        const report = await engine2.catchUp();
        expect(second.sent).toEqual([]);
        expect(report).toMatchObject({ posted: 0, stopped: 1 });
        expect(runs(t)).toEqual([{ channelId: 'C1', status: 'skipped', detail: `not resumed: ${detail[how]}` }]);
        expect(t.logger.records.filter((r) => r.msg === DIGEST_STOPPED).map((r) => (r.obj as { reason?: string }).reason)).toEqual([detail[how]]);
      } finally {
        await t.close();
      }
    });
  }
});
