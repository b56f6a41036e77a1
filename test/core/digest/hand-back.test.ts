import { describe, expect, it } from 'vitest';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

// Monday 2026-03-02, 09:00 UTC slots.
const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';
const HOUR = 3600_000;

describe('digest runs handed back before their lease runs out', () => {
  it('stop() lets the post in flight finish and be recorded, sends nothing more, and hands the run back at once', async () => {
    const t = await setup(START, { instanceId: 'host:1:a', leaseMs: HOUR });
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 5 });
      let reached!: () => void;
      const inFlight = new Promise<void>((r) => (reached = r));
      let finish!: () => void;
      const finished = new Promise<void>((r) => (finish = r));
      // Call 2 (the second paper) is in flight when the stop comes.
      const first = timedPublisher(t.clock);
      const post = first.post.bind(first);
      let calls = 0;
      first.post = async (channelId, message) => {
        if (calls++ === 2) {
          reached();
          await finished;
        }
        return post(channelId, message);
      };
      t.engine.setPublisher(first);
      t.clock.set(SLOT);
      const ticking = t.engine.tick();
      await inFlight;
      let stopped = false;
      const stopping = t.engine.stop().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(stopped).toBe(false);
      finish();
      await stopping;
      await ticking;
      const all = expectedTop('2025-06-10', 5, new Set());
      expect(first.sent.map((s) => s.paperId)).toEqual([undefined, ...all.slice(0, 2)]);
      expect(await t.core.storage.digests.liveClaims('host:1:a', t.clock.now().toISOString())).toEqual([]);
      // Stopped: nothing more from this engine.
      expect(await t.engine.resume()).toMatchObject({ posted: 0 });
      expect(first.sent).toHaveLength(3);

      // Well inside the first engine's hour-long lease, another instance continues after the recorded posts.
      const other = t.engineLike({ instanceId: 'host:2:b', leaseMs: HOUR });
      const second = timedPublisher(t.clock);
      other.setPublisher(second);
      expect(await other.resume()).toMatchObject({ posted: 3 });
      expect(second.sent.map((s) => s.paperId)).toEqual(all.slice(2));
    } finally {
      await t.close();
    }
  });

  it('resume() takes over the runs of a claimant said to be gone at once, and leaves a live one’s alone', async () => {
    const t = await setup(START, { instanceId: 'host:1:a', leaseMs: HOUR });
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 5 });
      let reached!: () => void;
      const hung = new Promise<void>((r) => (reached = r));
      // The first instance "dies" with its third post in the air.
      const first = timedPublisher(t.clock, 'slack', (_c, _m, call) => (call === 2 ? (reached(), 'hang') : undefined));
      t.engine.setPublisher(first);
      t.clock.set(SLOT);
      void t.engine.tick();
      await hung;
      t.clock.set('2026-03-02T09:00:30.000Z');

      let gone = false;
      const other = t.engineLike({ instanceId: 'host:2:b', leaseMs: HOUR, isGoneClaimant: (owner) => gone && owner === 'host:1:a' });
      const second = timedPublisher(t.clock);
      other.setPublisher(second);
      // Alive (or on another machine): its lease holds.
      expect(await other.resume()).toMatchObject({ posted: 0 });
      expect(second.sent).toEqual([]);
      gone = true;
      expect(await other.resume()).toMatchObject({ posted: 4 });
      const all = expectedTop('2025-06-10', 5, new Set());
      expect(second.sent.map((s) => s.paperId)).toEqual(all.slice(1));
    } finally {
      await t.close();
    }
  });
});
