import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

// The child ingests 500 papers and is SIGKILLed by SQLite itself when the 300th row is inserted:
// a real kill in the middle of a transaction, at a deterministic point.
const CHILD = `
import { openDatabase } from './src/core/store/sqlite/open.ts';
import { createSqlitePaperStore } from './src/core/store/sqlite/paper-store.ts';
const db = openDatabase(process.argv[2]);
db.function('die', () => { process.kill(process.pid, 'SIGKILL'); return 0; });
db.exec("CREATE TEMP TRIGGER die_at_300 BEFORE INSERT ON main.papers WHEN NEW.title = 'Paper 300' BEGIN SELECT die(); END;");
const store = createSqlitePaperStore(db);
const papers = Array.from({ length: 500 }, (_, i) => ({ id: '2602.' + String(i).padStart(5, '0'), arxivId: '2602.' + String(i).padStart(5, '0'),
  title: 'Paper ' + i, abstract: 'x', authors: [], links: [], keywords: [], categories: [], source: 'hf-api', flags: [] }));
await store.ingest({ source: 'hf-api', digestDate: '2026-02-02', papers });
console.log('not killed');
`;

describe('a kill during ingest', () => {
  it('leaves the database as it was before that input', async () => {
    const dir = tempDir();
    const file = join(dir, 'papers.db');
    const before = createSqlitePaperStore(openDatabase(file));
    await before.ingest({
      source: 'hf-api',
      digestDate: '2026-02-01',
      papers: [{ id: '2601.00001', arxivId: '2601.00001', title: 'Kept', abstract: 'y', authors: [], links: [], keywords: [], categories: [], source: 'hf-api', flags: [] }],
    });
    await before.close();

    const script = join(process.cwd(), `kill-child-${process.pid}.mts`);
    writeFileSync(script, CHILD);
    let signal: string | null = null;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', script, file], { stdio: 'pipe' });
    } catch (err) {
      signal = (err as { signal: string | null }).signal;
    } finally {
      (await import('node:fs')).rmSync(script, { force: true });
    }
    expect(signal).toBe('SIGKILL');

    const after = createSqlitePaperStore(openDatabase(file));
    expect(await after.stats()).toEqual({ papers: 1, digests: 1 });
    expect((await after.getPaper('2601.00001'))?.title).toBe('Kept');
    expect(await after.getPaper('2602.00000')).toBeUndefined();
    await after.close();
  });
});
