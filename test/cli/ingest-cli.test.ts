import { copyFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { SEED_DIGEST, TEST_DATA } from '../helpers/test-data.js';

const tempDir = useTempDirs();

describe('papers ingest', () => {
  it('ingests the seed digest and reports the summary as JSON', async () => {
    const data = tempDir();
    const r = await runPapers(['ingest', SEED_DIGEST, '--date', '2025-04-22', '--json'], data);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totals).toEqual({ files: 1, failed: 0, papers: 74, new: 74, merged: 0, unchanged: 0 });
    expect(j.files[0]).toMatchObject({ ok: true, format: 'hf-digest-text', digestDate: '2025-04-22', papers: 74, new: 74 });
    const stats = await runPapers(['stats', '--json'], data);
    expect(JSON.parse(stats.out)).toMatchObject({ papers: 74, digests: 1 });
    // The same file again, as text: one file, counted in the singular.
    const again = await runPapers(['ingest', SEED_DIGEST, '--date', '2025-04-22'], data);
    expect(again.out).toMatch(/^1 file: 74 papers read — 0 new, 0 merged, 74 unchanged; 0 failed$/m);
  });

  it('a directory into an empty data dir: the index holds every file\'s papers and the load that built it ended', async () => {
    const data = tempDir();
    const dir = tempDir();
    const days = ['2024-05-27', '2024-05-28', '2024-12-11'];
    for (const d of days) copyFileSync(join(TEST_DATA, 'hf-daily', `${d}.json`), join(dir, `${d}.json`));
    const r = await runPapers(['ingest', dir, '--json'], data);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).totals).toMatchObject({ files: 3, failed: 0 });
    const held = JSON.parse((await runPapers(['stats', '--json'], data)).out).papers as number;
    const index = new Database(join(data, 'search.db'), { readonly: true });
    expect((index.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n).toBe(held);
    // The load ended: its lookup indexes and merging are back.
    expect(index.prepare("SELECT value FROM meta WHERE key = 'bulk'").get()).toBeUndefined();
    expect(index.prepare("SELECT name FROM sqlite_master WHERE name = 'docs_title_key'").get()).toBeDefined();
    index.close();
    for (const d of [days[0]!, days[2]!]) {
      const first = JSON.parse((await runPapers(['parse', join(dir, `${d}.json`), '--json'], data)).out).papers[0];
      const found = JSON.parse((await runPapers(['search', `"${first.title}"`, '--json'], data)).out);
      expect(found.results.map((p: { id: string }) => p.id)).toContain(first.id);
    }
  });

  it('re-ingesting a file changes nothing', async () => {
    const data = tempDir();
    const file = join(TEST_DATA, 'hf-daily', '2024-05-27.json');
    await runPapers(['ingest', file], data);
    const again = await runPapers(['ingest', file, '--json'], data);
    const t = JSON.parse(again.out).totals;
    expect(t.new).toBe(0);
    expect(t.merged).toBe(0);
    expect(t.unchanged).toBe(t.papers);
  });

  it('a directory with bad files: each gets one line, the others are ingested, exit 1, nothing lost', async () => {
    const data = tempDir();
    await runPapers(['ingest', SEED_DIGEST, '--date', '2025-04-22'], data);
    const dir = tempDir();
    copyFileSync(join(TEST_DATA, 'hf-daily', '2024-05-28.json'), join(dir, 'a-good.json'));
    copyFileSync(join(TEST_DATA, 'arxiv-feeds', 'arxiv_cs_lg.xml'), join(dir, 'b-good.xml'));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(join(dir, 'd-binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'e-truncated.json'), '[{"paper": {"id": "2405.1');
    writeFileSync(join(dir, 'f-latin1.txt'), Buffer.from('Title caf\xe9\n\nAbstract text that is long enough.', 'latin1'));
    writeFileSync(join(dir, 'g-unknown.csv'), 'a,b,c\n1,2,3\n');
    const r = await runPapers(['ingest', dir], data);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const [i, name] of ['c-empty.txt', 'd-binary.bin', 'e-truncated.json', 'f-latin1.txt', 'g-unknown.csv'].entries()) {
      expect(lines[i]).toContain(name);
      expect(lines[i]).toMatch(/^papers: \S+: .+/);
    }
    expect(r.out).toMatch(/7 files:.*5 failed/);
    const stats = JSON.parse((await runPapers(['stats', '--json'], data)).out);
    expect(stats.digests).toBe(3);
    expect(stats.papers).toBeGreaterThan(74);
    // the index caught up once at the end of the run: a paper of the last good file is found
    const feed = JSON.parse((await runPapers(['parse', join(dir, 'b-good.xml'), '--json'], data)).out).papers[0];
    const found = JSON.parse((await runPapers(['search', `"${feed.title}"`, '--json'], data)).out);
    expect(found.results[0].id).toBe(feed.id);
  });

  it('usage errors exit 2 with a message', async () => {
    const data = tempDir();
    expect((await runPapers(['ingest'], data)).code).toBe(2);
    const badFormat = await runPapers(['ingest', SEED_DIGEST, '--format', 'pdf'], data);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toMatch(/unknown --format pdf/);
    const badDate = await runPapers(['ingest', SEED_DIGEST, '--date', '2025-02-30'], data);
    expect(badDate.err).toMatch(/--date 2025-02-30 is not a date/);
    const badFlag = await runPapers(['stats', '--nope'], data);
    expect(badFlag.code).toBe(2);
    expect((await runPapers(['frobnicate'], data)).err).toMatch(/unknown command "frobnicate"/);
  });

  it('reads stdin with -, and --format overrides detection', async () => {
    const data = tempDir();
    const line = JSON.stringify({ id: '2606.00001', categories: ['cs.LG'], authors: ['A B'], title: 'Stdin Paper', summary: 'An abstract from stdin.' });
    const r = await runPapers(['ingest', '-', '--format', 'arxiv-jsonl', '--date', '2026-06-08', '--json'], data, `${line}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ file: 'stdin', format: 'arxiv-jsonl', new: 1 });
    const show = await runPapers(['show', '2606.00001v3', '--json'], data);
    expect(JSON.parse(show.out)).toMatchObject({ id: '2606.00001', title: 'Stdin Paper', digestDates: ['2026-06-08'] });
  });

  it('parse stores nothing and prints the papers as JSON', async () => {
    const data = tempDir();
    const r = await runPapers(['parse', join(TEST_DATA, 'arxiv-feeds', 'arxiv_response.xml'), '--json'], data);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.format).toBe('arxiv-atom');
    expect(j.papers).toHaveLength(2);
    expect(j.papers[0]).toHaveProperty('title');
    expect(JSON.parse((await runPapers(['stats', '--json'], data)).out).papers).toBe(0);
    const empty = await runPapers(['parse', join(TEST_DATA, 'arxiv-feeds', 'arxiv_empty.xml'), '--json'], data);
    expect(JSON.parse(empty.out).papers).toEqual([]);
  });

  it('show: unknown id is an error; human output has the abstract', async () => {
    const data = tempDir();
    await runPapers(['ingest', join(TEST_DATA, 'arxiv-feeds', 'arxiv_response.xml')], data);
    expect((await runPapers(['show', '9999.99999'], data)).code).toBe(1);
    const ids = JSON.parse((await runPapers(['parse', join(TEST_DATA, 'arxiv-feeds', 'arxiv_response.xml'), '--json'], data)).out).papers;
    const r = await runPapers(['show', ids[0].id], data);
    expect(r.code).toBe(0);
    expect(r.out).toContain(ids[0].title);
    expect(r.out).toContain(ids[0].abstract.slice(0, 40));
  });

  it('show: a paper of 100 authors names the first 20 and how many more; --json keeps all of them', async () => {
    const data = tempDir();
    await runPapers(['ingest', join(TEST_DATA, 'hf-daily', '2025-06-13.json')], data);
    const json = await runPapers(['show', '2506.10910', '--json'], data);
    const authors = JSON.parse(json.out).authors as string[];
    expect(authors).toHaveLength(100);
    const r = await runPapers(['show', '2506.10910'], data);
    expect(r.out).toMatch(/^Magistral$/m);
    expect(r.out.split('\n').find((l) => l.startsWith('authors: '))).toBe(`authors: ${authors.slice(0, 20).join(', ')} and 80 more`);
  });
});

/** `total` bytes of JSONL-looking text in 1 KB pieces, counting how many were taken. */
function countedStdin(total: number) {
  let pulled = 0;
  const piece = Buffer.alloc(1024, 'x');
  const stream = Readable.from(
    (function* () {
      while (pulled < total) {
        pulled += piece.length;
        yield piece;
      }
    })(),
  );
  return { stream, pulled: () => pulled };
}

// MAX_FILE_MB=0.01 is 10486 bytes: small inputs are enough to go over it.
const SMALL_LIMIT = { MAX_FILE_MB: '0.01' };

describe('papers ingest and parse: unreadable and oversized inputs', () => {
  it.skipIf(!existsSync('/proc/self/mem'))('a file that fails to read (I/O error, even as root): one line, the others ingested, exit 1, nothing lost', async () => {
    const data = tempDir();
    await runPapers(['ingest', SEED_DIGEST, '--date', '2025-04-22'], data);
    const dir = tempDir();
    copyFileSync(join(TEST_DATA, 'hf-daily', '2024-05-28.json'), join(dir, 'a-good.json'));
    // Opened by the process reading it, the link is that process's memory: offset 0 is never mapped.
    symlinkSync('/proc/self/mem', join(dir, 'b-unreadable.json'));
    copyFileSync(join(TEST_DATA, 'arxiv-feeds', 'arxiv_cs_lg.xml'), join(dir, 'c-good.xml'));
    const r = await runPapers(['ingest', dir], data);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`papers: ${join(dir, 'b-unreadable.json')}: cannot read (input/output error)\n`);
    expect(r.out).toMatch(/3 files:.*1 failed/);
    const stats = JSON.parse((await runPapers(['stats', '--json'], data)).out);
    expect(stats.digests).toBe(3);
    expect(stats.papers).toBeGreaterThan(74);
  });

  it('ingest - stops reading stdin once it is over MAX_FILE_MB, and stores nothing', async () => {
    const data = tempDir();
    const input = countedStdin(1024 * 1024);
    const r = await runPapers(['ingest', '-', '--json'], data, input.stream, SMALL_LIMIT);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0]).toEqual({
      file: 'stdin',
      ok: false,
      error: 'stdin: is over the 10486 bytes size limit (MAX_FILE_MB); stopped reading there',
    });
    // a bounded read takes the limit plus what the stream had buffered ahead, not the whole megabyte
    expect(input.pulled()).toBeLessThan(128 * 1024);
    expect(JSON.parse((await runPapers(['stats', '--json'], data)).out).papers).toBe(0);
  });

  it('ingest - under the limit is still read whole', async () => {
    const data = tempDir();
    const line = JSON.stringify({ id: '2606.00002', categories: ['cs.LG'], authors: ['A B'], title: 'Small Stdin Paper', summary: 'Short.' });
    const r = await runPapers(['ingest', '-', '--format', 'arxiv-jsonl', '--json'], data, `${line}\n`, SMALL_LIMIT);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).totals).toMatchObject({ failed: 0, new: 1 });
  });

  it('parse applies the same size limit to a file and to stdin', async () => {
    const data = tempDir();
    const big = join(tempDir(), 'big.xml');
    copyFileSync(join(TEST_DATA, 'arxiv-feeds', 'arxiv_cs_lg.xml'), big);
    const file = await runPapers(['parse', big], data, undefined, { MAX_FILE_MB: '0.001' });
    expect(file.code).toBe(1);
    expect(file.err).toMatch(new RegExp(`^papers: ${big}: \\d+ bytes is over the 1049 bytes size limit \\(MAX_FILE_MB\\)\\n$`));
    expect(file.out).toBe('');
    const input = countedStdin(1024 * 1024);
    const stdin = await runPapers(['parse', '-'], data, input.stream, SMALL_LIMIT);
    expect(stdin.code).toBe(1);
    expect(stdin.err).toBe('papers: stdin: is over the 10486 bytes size limit (MAX_FILE_MB); stopped reading there\n');
    expect(input.pulled()).toBeLessThan(128 * 1024);
    // the default limit lets the same file through
    expect((await runPapers(['parse', big, '--json'], data)).code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/zero'))('parse stops reading an endless file at the limit', async () => {
    const r = await runPapers(['parse', '/dev/zero'], tempDir(), undefined, SMALL_LIMIT);
    expect(r.code).toBe(1);
    expect(r.err).toBe('papers: /dev/zero: is over the 10486 bytes size limit (MAX_FILE_MB); stopped reading there\n');
  });
});

describe('papers: unexpected errors', () => {
  it('a database from a newer version: one line naming DATA_DIR and the reason, no stack, exit 1', async () => {
    const data = tempDir();
    const db = new Database(join(data, 'papers.db'));
    db.pragma('user_version = 999');
    db.close();
    for (const argv of [['stats'], ['search', 'merging'], ['ingest', SEED_DIGEST]]) {
      const r = await runPapers(argv, data);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        new RegExp(`^papers: cannot open DATA_DIR ${data}: database schema version 999 is newer than this bot knows \\(\\d+\\); upgrade the bot \\(run again with DEBUG=1 for the stack trace\\)\\n$`),
      );
    }
  });

  it('a papers.db that is not a database: one line; DEBUG=1 adds the stack', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'papers.db'), 'not sqlite at all, just text that is long enough to be a header'.repeat(20));
    const r = await runPapers(['stats', '--json'], data);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^papers: cannot open DATA_DIR .*: file is not a database \(run again with DEBUG=1/);
    const debug = await runPapers(['stats'], data, undefined, { DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/^papers: cannot open DATA_DIR .*: file is not a database\n/);
    expect(debug.err).toMatch(/\n\s+at /);
    expect(debug.err).toMatch(/caused by: SqliteError: file is not a database/);
  });
});

describe('papers help', () => {
  it('lists every command', async () => {
    const r = await runPapers([], tempDir());
    for (const c of ['ingest', 'parse', 'search', 'similar', 'show', 'stats']) expect(r.out).toContain(`papers ${c}`);
  });
});
