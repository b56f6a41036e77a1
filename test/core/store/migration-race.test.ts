import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { migrations } from '../../../src/core/store/sqlite/migrations/index.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

// Each child loads the real CLI, then waits at a barrier (a file appearing) so that all of them
// open the fresh DATA_DIR in the same instant: without the barrier tsx's start-up spreads them out
// and the race is rarely hit.
const CHILD = `
import { existsSync, writeFileSync } from 'node:fs';
import { runCli } from './src/cli/main.ts';
const [go, dataDir] = process.argv.slice(2);
writeFileSync(go + '.ready.' + process.pid, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));
process.exitCode = await runCli(['stats', '--json'], undefined, { DATA_DIR: dataDir });
`;

function run(script: string, args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('several processes opening one fresh DATA_DIR', () => {
  it('all succeed: migrations run once, under the write lock', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const go = join(dir, 'go');
    const script = join(process.cwd(), `migration-race-child-${process.pid}.mts`);
    writeFileSync(script, CHILD);
    try {
      for (let round = 0; round < 2; round++) {
        rmSync(dataDir, { recursive: true, force: true });
        for (const f of readdirSync(dir)) if (f.startsWith('go')) rmSync(join(dir, f));
        const children = Array.from({ length: 4 }, () => run(script, [go, dataDir]));
        // Every child has loaded and waits at the barrier (polling every 2 ms): let them all go at once.
        while (readdirSync(dir).filter((f) => f.startsWith('go.ready.')).length < 4) await new Promise((r) => setTimeout(r, 20));
        writeFileSync(go, '');
        const results = await Promise.all(children);
        expect(results.map((r) => r.err)).toEqual(['', '', '', '']);
        expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      }
    } finally {
      rmSync(script, { force: true });
    }
    expect(existsSync(join(dataDir, 'papers.db'))).toBe(true);
    const db = openDatabase(join(dataDir, 'papers.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1]!.version);
    db.close();
  }, 120_000);
});
