import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createArxivRssSource } from '../../../src/core/sources/arxiv-rss-source.js';
import { PROCESSING_MARKER, watchInbox } from '../../../src/core/sources/watch-inbox.js';
import { createLiveSources } from '../../../src/core/sources/live-sources.js';
import { SEED_DIGEST, hfDay } from '../../helpers/test-data.js';
import { sourcesSetup } from './sources-helpers.js';

describe('arXiv RSS source', () => {
  it('reads each category feed, ingests it, and reads it again only after the interval', async () => {
    const t = await sourcesSetup('2026-04-27T06:00:00.000Z');
    try {
      const rss = createArxivRssSource({ rssUrl: `${t.server.url}/rss`, categories: ['cs.LG', 'cs.AI'], ingest: t.core.ingest, logger: t.logger, clock: t.clock });
      expect(await rss.tick()).toEqual({ 'cs.LG': 'ingested', 'cs.AI': 'ingested' });
      const digests = await t.core.store.listDigests();
      expect(digests.every((d) => d.source === 'arxiv-rss')).toBe(true);
      expect((await t.core.store.stats()).papers).toBeGreaterThanOrEqual(3);
      expect(await rss.tick()).toEqual({ 'cs.LG': 'waiting', 'cs.AI': 'waiting' });
      t.clock.advance(3600_000);
      expect(await rss.tick()).toEqual({ 'cs.LG': 'ingested', 'cs.AI': 'ingested' });
      expect(t.server.requests).toEqual(['/rss/cs.LG', '/rss/cs.AI', '/rss/cs.LG', '/rss/cs.AI']);
    } finally {
      await t.close();
    }
  });

  it('a 500 or a malformed feed is a logged error for that category only; it is retried later', async () => {
    const t = await sourcesSetup('2026-04-27T06:00:00.000Z');
    try {
      const rss = createArxivRssSource({ rssUrl: `${t.server.url}/rss`, categories: ['cs.LG', 'cs.AI', 'cs.CL'], ingest: t.core.ingest, logger: t.logger, clock: t.clock, timeoutMs: 300 });
      t.server.script('/rss/cs.LG', { status: 500 });
      t.server.script('/rss/cs.AI', { malformed: true });
      t.server.script('/rss/cs.CL', { delayMs: 3000 });
      expect(await rss.tick()).toEqual({ 'cs.LG': 'failed', 'cs.AI': 'failed', 'cs.CL': 'failed' });
      expect(t.errors().map((r) => (r.obj as { category: string }).category)).toEqual(['cs.LG', 'cs.AI', 'cs.CL']);
      expect(await t.core.store.stats()).toEqual({ papers: 0, digests: 0 });
      t.server.reset();
      t.clock.advance(5 * 60_000);
      expect(await rss.tick()).toEqual({ 'cs.LG': 'ingested', 'cs.AI': 'ingested', 'cs.CL': 'ingested' });
    } finally {
      await t.close();
    }
  });
});

describe('inbox folder', () => {
  it('ingests dropped files, moves them to processed/ or failed/ with the reason beside', async () => {
    const t = await sourcesSetup('2026-04-27T06:00:00.000Z');
    try {
      const dir = path.join(t.dir, 'inbox');
      const inbox = watchInbox({ dir, ingest: t.core.ingest, logger: t.logger, pollMs: 0, settleMs: 0, watch: false });
      try {
        fs.copyFileSync(hfDay('2025-06-10'), path.join(dir, '2025-06-10.json'));
        fs.copyFileSync(SEED_DIGEST, path.join(dir, 'digest.txt'));
        fs.writeFileSync(path.join(dir, 'notes.json'), '{"this is": "not a digest"');
        fs.writeFileSync(path.join(dir, 'half.json.part'), '[');
        fs.writeFileSync(path.join(dir, '.hidden'), 'x');
        const report = await inbox.scan();
        expect(report.processed).toEqual(['2025-06-10.json', 'digest.txt']);
        expect(report.failed.map((f) => f.file)).toEqual(['notes.json']);
        expect(fs.readdirSync(path.join(dir, 'processed')).sort()).toEqual(['2025-06-10.json', 'digest.txt']);
        expect(fs.readdirSync(path.join(dir, 'failed')).sort()).toEqual(['notes.json', 'notes.json.reason.txt']);
        expect(fs.readFileSync(path.join(dir, 'failed', 'notes.json.reason.txt'), 'utf8')).toMatch(/notes\.json/);
        expect(fs.readdirSync(dir).sort()).toEqual(['.hidden', 'failed', 'half.json.part', 'processed']);
        expect((await t.core.store.stats()).papers).toBe(28 + 74);
        // The same file dropped again: ingested (nothing new), kept beside the first copy.
        fs.copyFileSync(hfDay('2025-06-10'), path.join(dir, '2025-06-10.json'));
        const again = await inbox.scan();
        expect(again).toEqual({ processed: ['2025-06-10.json'], failed: [] });
        expect(fs.readdirSync(path.join(dir, 'processed')).sort()).toEqual(['2025-06-10.1.json', '2025-06-10.json', 'digest.txt']);
        expect((await t.core.store.stats()).papers).toBe(28 + 74);
      } finally {
        inbox.close();
      }
    } finally {
      await t.close();
    }
  });

  it('the marker naming the file being read is whole whenever it exists; a draft left by a kill is cleared at start', async () => {
    const t = await sourcesSetup('2026-04-27T06:00:00.000Z');
    try {
      const dir = path.join(t.dir, 'inbox');
      fs.mkdirSync(dir, { recursive: true });
      // A run killed while writing its marker: a draft, half written, and the file it was about to read.
      fs.writeFileSync(path.join(dir, `${PROCESSING_MARKER}.tmp`), '{"file":"x.js');
      fs.copyFileSync(hfDay('2025-06-10'), path.join(dir, 'x.json'));
      const seen: unknown[] = [];
      const ingest = {
        ...t.core.ingest,
        ingestFile: (file: string) => {
          seen.push(JSON.parse(fs.readFileSync(path.join(dir, PROCESSING_MARKER), 'utf8')).file);
          return t.core.ingest.ingestFile(file);
        },
      };
      const inbox = watchInbox({ dir, ingest, logger: t.logger, pollMs: 0, settleMs: 0, watch: false });
      try {
        expect(fs.existsSync(path.join(dir, `${PROCESSING_MARKER}.tmp`))).toBe(false);
        // That file had not been started: it is read as usual, not moved to failed/.
        expect(await inbox.scan()).toEqual({ processed: ['x.json'], failed: [] });
        expect(seen).toEqual(['x.json']);
        expect(fs.readdirSync(dir).sort()).toEqual(['failed', 'processed']);
      } finally {
        inbox.close();
      }
    } finally {
      await t.close();
    }
  });

  it('a file still being written (changed within settleMs) waits for the next scan', async () => {
    const t = await sourcesSetup('2026-04-27T06:00:00.000Z');
    try {
      const dir = path.join(t.dir, 'inbox');
      const inbox = watchInbox({ dir, ingest: t.core.ingest, logger: t.logger, pollMs: 0, settleMs: 60_000, watch: false });
      fs.copyFileSync(hfDay('2025-06-10'), path.join(dir, 'x.json'));
      expect(await inbox.scan()).toEqual({ processed: [], failed: [] });
      const old = new Date(Date.now() - 120_000);
      fs.utimesSync(path.join(dir, 'x.json'), old, old);
      expect((await inbox.scan()).processed).toEqual(['x.json']);
      inbox.close();
    } finally {
      await t.close();
    }
  });
});

describe('live sources', () => {
  it('one tick drives the inbox, HF and arXiv together', async () => {
    const t = await sourcesSetup('2025-06-11T02:00:00.000Z');
    try {
      const inboxDir = path.join(t.dir, 'inbox');
      const sources = createLiveSources({
        ingest: t.core.ingest,
        logger: t.logger,
        clock: t.clock,
        inboxDir,
        hf: { apiUrl: t.server.url, fetchTime: '21:30', enabled: true },
        arxiv: { rssUrl: `${t.server.url}/rss`, categories: ['cs.CL'] },
      });
      try {
        fs.copyFileSync(SEED_DIGEST, path.join(inboxDir, 'digest.txt'));
        fs.utimesSync(path.join(inboxDir, 'digest.txt'), new Date(0), new Date(0));
        await sources.tick();
        const sourcesSeen = new Set((await t.core.store.listDigests()).map((d) => d.source));
        expect(sourcesSeen).toEqual(new Set(['hf-api', 'arxiv-rss', 'hf-digest-text']));
      } finally {
        sources.close();
      }
    } finally {
      await t.close();
    }
  });
});
