import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { createHfDailySource } from '../../../src/core/sources/hf-daily-source.js';
import { hfDay } from '../../helpers/test-data.js';
import { sourcesSetup } from './sources-helpers.js';

const fileIds = (date: string) => (JSON.parse(fs.readFileSync(hfDay(date), 'utf8')) as Array<{ paper: { id: string } }>).map((x) => x.paper.id);

// 2025-06-10 22:00 EDT: the day's list has closed.
const AFTER_CLOSE = '2025-06-11T02:00:00.000Z';

describe('Hugging Face daily papers source', () => {
  it('waits for the day to close (21:30 US Eastern, configurable)', async () => {
    const t = await sourcesSetup(AFTER_CLOSE);
    try {
      const hf = createHfDailySource({ apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock });
      expect(hf.latestClosed(new Date('2025-06-11T01:29:00.000Z'))).toBe('2025-06-09');
      expect(hf.latestClosed(new Date('2025-06-11T01:30:00.000Z'))).toBe('2025-06-10');
      const early = createHfDailySource({ apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock, fetchTime: '18:00' });
      expect(early.latestClosed(new Date('2025-06-10T22:00:00.000Z'))).toBe('2025-06-10');
    } finally {
      await t.close();
    }
  });

  it('fetches a closed day following pages, stores it in order, and does not fetch it again', async () => {
    const t = await sourcesSetup(AFTER_CLOSE);
    try {
      const hf = createHfDailySource({ apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock, lookbackDays: 1, pageSize: 10 });
      expect(await hf.tick()).toEqual({ '2025-06-10': 'ingested' });
      expect(t.server.requests).toEqual(['/api/daily_papers?date=2025-06-10&limit=10&p=0', '/api/daily_papers?date=2025-06-10&limit=10&p=1', '/api/daily_papers?date=2025-06-10&limit=10&p=2']);
      const [digest] = await t.core.store.listDigests();
      expect(digest).toMatchObject({ source: 'hf-api', date: '2025-06-10', paperCount: 28 });
      expect((await t.core.store.digestEntries(digest!.id)).map((e) => e.paperId)).toEqual(fileIds('2025-06-10'));
      expect(await hf.tick()).toEqual({});
      expect(t.server.requests).toHaveLength(3);
    } finally {
      await t.close();
    }
  });

  it('HTTP 400 for a day not published yet means "try later", not an error', async () => {
    const t = await sourcesSetup(AFTER_CLOSE);
    try {
      const hf = createHfDailySource({ apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock, lookbackDays: 1 });
      t.server.script('/api/daily_papers?date=2025-06-10', { status: 400, body: '{"error":"date is in the future"}' }, 1);
      expect(await hf.tick()).toEqual({ '2025-06-10': 'not-ready' });
      expect(t.errors()).toEqual([]);
      t.clock.advance(10 * 60_000);
      expect(await hf.tick()).toEqual({ '2025-06-10': 'waiting' });
      t.clock.advance(25 * 60_000);
      expect(await hf.tick()).toEqual({ '2025-06-10': 'ingested' });
    } finally {
      await t.close();
    }
  });

  it('retries 5xx with backoff; an outage is logged and the missed days are caught up once it ends', async () => {
    const t = await sourcesSetup('2025-06-13T02:00:00.000Z'); // after 2025-06-12 closed
    try {
      const hf = createHfDailySource({ apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock, lookbackDays: 3, retryBaseMs: 1000 });
      t.server.script('/api/daily_papers?date=2025-06-10', { status: 503 }, 2);
      t.server.script('/api/daily_papers?date=2025-06-11', { status: 500 });
      t.server.script('/api/daily_papers?date=2025-06-12', { status: 502 });
      expect(await hf.tick()).toEqual({ '2025-06-10': 'ingested', '2025-06-11': 'failed', '2025-06-12': 'failed' });
      expect(t.clock.slept.slice(0, 2)).toEqual([1000, 2000]);
      expect(t.errors().map((r) => (r.obj as { date: string }).date)).toEqual(['2025-06-11', '2025-06-12']);
      expect((await t.core.store.listDigests()).map((d) => d.date)).toEqual(['2025-06-10']);
      // The source comes back; after the retry delay both days are fetched.
      t.server.reset();
      t.clock.advance(10 * 60_000);
      expect(await hf.tick()).toEqual({ '2025-06-11': 'ingested', '2025-06-12': 'ingested' });
      expect((await t.core.store.listDigests()).map((d) => [d.date, d.paperCount])).toEqual([['2025-06-12', fileIds('2025-06-12').length], ['2025-06-11', fileIds('2025-06-11').length], ['2025-06-10', 28]]);
    } finally {
      await t.close();
    }
  });

  it('slow, truncated, oversized and malformed answers are logged errors; nothing stored is lost', async () => {
    const t = await sourcesSetup(AFTER_CLOSE);
    try {
      const base = { apiUrl: t.server.url, ingest: t.core.ingest, logger: t.logger, clock: t.clock, lookbackDays: 1, attempts: 2, retryBaseMs: 10 };
      // Something stored already that must survive.
      const before = await t.core.ingest.ingestFile(hfDay('2025-06-09'));
      expect(before.ok).toBe(true);

      t.server.script('/api/daily_papers', { delayMs: 5000 });
      expect(await createHfDailySource({ ...base, timeoutMs: 200 }).tick()).toEqual({ '2025-06-10': 'failed' });
      expect(String((t.errors().at(-1)!.obj as { reason: string }).reason)).toMatch(/no complete answer within 200 ms/);

      t.server.script('/api/daily_papers', { truncateAt: 300 });
      expect(await createHfDailySource(base).tick()).toEqual({ '2025-06-10': 'failed' });

      t.server.script('/api/daily_papers', { malformed: true });
      expect(await createHfDailySource(base).tick()).toEqual({ '2025-06-10': 'failed' });
      expect(String((t.errors().at(-1)!.obj as { reason: string }).reason)).toMatch(/malformed body/);

      t.server.reset();
      expect(await createHfDailySource({ ...base, maxBytes: 1000 }).tick()).toEqual({ '2025-06-10': 'failed' });
      expect(String((t.errors().at(-1)!.obj as { reason: string }).reason)).toMatch(/over the 1000-byte limit/);

      expect(await t.core.store.stats()).toEqual({ papers: fileIds('2025-06-09').length, digests: 1 });
      // A truncated answer once, then a good one: the retry inside the tick gets it.
      t.server.script('/api/daily_papers', { truncateAt: 300 }, 1);
      expect(await createHfDailySource(base).tick()).toEqual({ '2025-06-10': 'ingested' });
    } finally {
      await t.close();
    }
  });
});
