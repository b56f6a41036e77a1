import { describe, it, expect } from 'vitest';
import { caller, expectedTop, hfPapers, setup, timedPublisher } from './helpers.js';

describe('catch-up after downtime', () => {
  it('a slot missed while the bot was down is posted once at start when less late than the limit', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 3 });
      // Down from 08:30 to 12:00: the 09:00 slot is 3 h late.
      t.clock.set('2026-03-02T12:00:00.000Z');
      const engine = t.engineLike();
      const pub = timedPublisher(t.clock);
      engine.setPublisher(pub);
      expect(await engine.catchUp()).toMatchObject({ planned: 1, skipped: 0, posted: 3 });
      await engine.tick(new Date('2026-03-02T12:01:00.000Z'));
      expect(pub.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 3, new Set())]);
    } finally {
      await t.close();
    }
  });

  it('a slot missed by more than the limit is skipped and logged, and the papers come with the next digest', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z', { maxLatenessMs: 6 * 3600_000 });
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 3 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      t.clock.set('2026-03-02T15:30:00.000Z'); // 6.5 h late
      expect(await t.engine.catchUp()).toMatchObject({ planned: 0, skipped: 1, posted: 0 });
      expect(pub.sent).toEqual([]);
      const warn = t.logger.records.find((r) => r.level === 'warn' && r.msg?.includes('too late'));
      expect(warn?.obj).toMatchObject({ channelId: 'C', slot: '2026-03-02T09:00:00.000Z', latenessMs: 6.5 * 3600_000 });
      // The skipped slot did not consume the papers: the next day's digest still has them (never silence).
      t.clock.set('2026-03-03T09:00:00.000Z');
      await t.engine.tick();
      expect(pub.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 3, new Set())]);
    } finally {
      await t.close();
    }
  });

  it('a source outage: days with nothing post nothing; once the source catches up, the next digest has the missed days', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 4 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      t.clock.set('2026-03-02T09:00:00.000Z');
      await t.engine.tick();
      expect(pub.sent).toHaveLength(5);
      // Tue and Wed: the source is down, nothing ingested: no post at all (no empty header).
      for (const day of ['2026-03-03', '2026-03-04']) {
        t.clock.set(`${day}T09:00:00.000Z`);
        expect(await t.engine.tick()).toMatchObject({ planned: 0, empty: 1 });
      }
      expect(pub.sent).toHaveLength(5);
      // Wed evening it recovers and fetches the two missed days.
      await t.ingest('2025-06-11');
      await t.ingest('2025-06-12');
      t.clock.set('2026-03-05T09:00:00.000Z');
      await t.engine.tick();
      const posted = new Set(expectedTop('2025-06-10', 4, new Set()));
      const merged = [...hfPapers('2025-06-12'), ...hfPapers('2025-06-11')]
        .filter((p, i, all) => !posted.has(p.id) && all.findIndex((q) => q.id === p.id) === i)
        .map((p, i) => ({ ...p, i }))
        .sort((a, b) => b.upvotes - a.upvotes || a.i - b.i)
        .slice(0, 4)
        .map((p) => p.id);
      expect(pub.sent.slice(5).map((s) => s.paperId)).toEqual([undefined, ...merged]);
      expect(pub.sent[5]!.text).toMatch(/Papers of 2025-06-1[12] /);
    } finally {
      await t.close();
    }
  });

  it('re-ingesting the same digest posts nothing new', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 25 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      t.clock.set('2026-03-02T09:00:00.000Z');
      await t.engine.tick();
      const first = pub.sent.length;
      expect(first).toBe(26);
      await t.ingest('2025-06-10');
      t.clock.set('2026-03-03T09:00:00.000Z');
      expect(await t.engine.tick()).toMatchObject({ planned: 0, posted: 0 });
      expect(pub.sent).toHaveLength(first);
      // Even a manual run finds nothing to post.
      expect((await t.engine.runNow(caller('C'))).text).toMatch(/Nothing new/);
    } finally {
      await t.close();
    }
  });
});
