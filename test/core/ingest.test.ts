import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors.js';
import { createIngestService, sizeLimitError } from '../../src/core/ingest.js';
import { createRecordingLogger } from '../../src/core/logger.js';
import type { ParseDigest } from '../../src/core/parse/ports.js';
import { openDatabase } from '../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

// A stand-in parser: each non-empty line "id|title" is a paper; "!" anywhere is a parse error.
const lineParser: ParseDigest = (content) => {
  const text = content.toString('utf8');
  if (text.includes('!')) throw new ParseError('unrecognized format');
  const papers = text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id, title] = l.split('|');
      return { id: id!, arxivId: id, title: title!, abstract: 'x', authors: [], links: [], keywords: [], categories: [], source: 'arxiv-jsonl' as const, flags: [] };
    });
  return { format: 'arxiv-jsonl', digestDate: '2026-01-01', papers, warnings: [] };
};

function setup(maxBytes = 1000) {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  let syncs = 0;
  const logger = createRecordingLogger();
  const ingest = createIngestService({ store, parse: lineParser, search: { sync: async () => void syncs++ }, maxBytes, logger });
  return { dir, store, ingest, syncs: () => syncs, logger };
}

describe('ingest service', () => {
  it('parses, stores and brings search up to date', async () => {
    const { ingest, store, syncs } = setup();
    const r = await ingest.ingestBuffer(Buffer.from('2601.00001|One\n2601.00002|Two\n'), { origin: 'a.jsonl' });
    expect(r).toMatchObject({ ok: true, format: 'arxiv-jsonl', digestDate: '2026-01-01', papers: 2, counts: { new: 2 } });
    expect((await store.stats()).papers).toBe(2);
    expect(syncs()).toBe(1);
    const again = await ingest.ingestBuffer(Buffer.from('2601.00001|One\n'), { origin: 'a.jsonl' });
    expect(again).toMatchObject({ ok: true, counts: { new: 0, unchanged: 1 } });
    expect(syncs()).toBe(1); // nothing changed: no index work
  });

  it('names the file and the reason for a parse error, and stores nothing', async () => {
    const { ingest, store } = setup();
    const r = await ingest.ingestBuffer(Buffer.from('2601.00001|One!\n'), { origin: 'bad.txt' });
    expect(r).toEqual({ ok: false, origin: 'bad.txt', error: 'bad.txt: unrecognized format' });
    expect((await store.stats()).papers).toBe(0);
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const { ingest, dir, store } = setup(100);
    const f = join(dir, 'big.jsonl');
    writeFileSync(f, '2601.00001|One\n'.repeat(20));
    const r = await ingest.ingestFile(f);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(`${f}: 300 bytes is over the 100 bytes size limit (MAX_FILE_MB)`);
    expect((await store.stats()).papers).toBe(0);
  });

  it('the size-limit message never shows the size at or under the limit', () => {
    const MB = 1024 * 1024;
    expect(sizeLimitError('a', 1025, 1024)).toBe('a: 1025 bytes is over the 1 KB (1024 bytes) size limit (MAX_FILE_MB)');
    expect(sizeLimitError('a', 2000, 1024)).toBe('a: 1.9 KB is over the 1 KB size limit (MAX_FILE_MB)');
    expect(sizeLimitError('a', 50 * MB + 1, 50 * MB)).toBe('a: 52428801 bytes is over the 50 MB (52428800 bytes) size limit (MAX_FILE_MB)');
    expect(sizeLimitError('a', 50 * MB + 60_000, 50 * MB)).toBe('a: 50.05 MB is over the 50 MB size limit (MAX_FILE_MB)');
    expect(sizeLimitError('a', 80 * MB, 50 * MB)).toBe('a: 80.0 MB is over the 50 MB size limit (MAX_FILE_MB)');
    expect(sizeLimitError('a', 3 * MB, 0.5 * MB)).toBe('a: 3.0 MB is over the 512 KB size limit (MAX_FILE_MB)');
    // MAX_FILE_MB=0.001 is not a whole number of KB: both in bytes
    expect(sizeLimitError('a', 2000, 1049)).toBe('a: 2000 bytes is over the 1049 bytes size limit (MAX_FILE_MB)');

    const unit: Record<string, number> = { bytes: 1, KB: 1024, MB: MB };
    const bytesOf = (shown: string) => {
      const [n, u] = shown.split(' ');
      return Number(n) * unit[u!]!;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 * MB }), fc.integer({ min: 1, max: 100 * MB }), (maxBytes, extra) => {
        const size = maxBytes + extra;
        const m = /^a: (\S+ \S+) is over the (\S+ \S+)(?: \((\d+) bytes\))? size limit \(MAX_FILE_MB\)$/.exec(sizeLimitError('a', size, maxBytes));
        expect(m).not.toBeNull();
        expect(bytesOf(m![2]!)).toBe(maxBytes); // the limit exactly as set
        expect(bytesOf(m![1]!)).toBeGreaterThan(maxBytes);
        expect(bytesOf(m![1]!)).toBeLessThanOrEqual(size); // rounded down, never inflated
      }),
    );
  });

  it.skipIf(!existsSync('/proc/self/mem'))('a file whose read fails (I/O error) gets one line, even as root; nothing stored changes', async () => {
    const { ingest, dir, store } = setup();
    await ingest.ingestBuffer(Buffer.from('2601.00001|One\n'), { origin: 'a' });
    // Readable to stat and open, fails on read (offset 0 is never mapped): permissions cannot fake that as root.
    const r = await ingest.ingestFile('/proc/self/mem');
    expect(r).toEqual({ ok: false, origin: '/proc/self/mem', error: '/proc/self/mem: cannot read (input/output error)' });
    expect((await store.stats()).papers).toBe(1);
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '2601.00002|Two\n');
    expect(await ingest.ingestFile(good)).toMatchObject({ ok: true, counts: { new: 1 } });
    expect((await store.stats()).papers).toBe(2);
  });

  it.skipIf(!existsSync('/dev/zero'))('stops reading an endless file at the size limit', async () => {
    const { ingest } = setup(4096);
    // st.size of /dev/zero is 0: without a bounded read this would read until memory runs out.
    const r = await ingest.ingestFile('/dev/zero');
    expect(!r.ok && r.error).toBe('/dev/zero: is over the 4 KB size limit (MAX_FILE_MB); stopped reading there');
  });

  it('reports missing, unreadable and directory inputs in one line', async () => {
    const { ingest, dir } = setup();
    const missing = await ingest.ingestFile(join(dir, 'nope.json'));
    expect(!missing.ok && missing.error).toMatch(/nope\.json: cannot read \(no such file\)/);
    mkdirSync(join(dir, 'sub'));
    const d = await ingest.ingestFile(join(dir, 'sub'));
    expect(!d.ok && d.error).toMatch(/sub: is a directory/);
    if (process.getuid?.() !== 0) {
      const f = join(dir, 'locked.jsonl');
      writeFileSync(f, '2601.00001|One\n');
      chmodSync(f, 0);
      const locked = await ingest.ingestFile(f);
      expect(!locked.ok && locked.error).toMatch(/permission denied/);
    }
  });

  it('a store failure keeps nothing of that input and says so', async () => {
    const { ingest, store, dir } = setup();
    await ingest.ingestBuffer(Buffer.from('2601.00001|One\n'), { origin: 'a' });
    const db = openDatabase(join(dir, 'papers.db'));
    db.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`);
    const r = await ingest.ingestBuffer(Buffer.from('2601.00002|Fine\n2601.00003|BOOM\n'), { origin: 'b' });
    expect(!r.ok && r.error).toMatch(/^b: could not be stored \(disk says no\); nothing of it was kept$/);
    expect((await store.stats()).papers).toBe(1);
  });
});
