import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

async function until(what: () => boolean, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SIGTERM with work in flight (the real bot process)', () => {
  it('stops taking queued lines, closes the store cleanly and exits 0', async () => {
    const dataDir = tempDir();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|DISCORD)_/.test(k)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...clean, DATA_DIR: dataDir, HF_FETCH_ENABLED: 'false', SHUTDOWN_TIMEOUT_MS: '10000' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    await until(() => /ingested the sample digest/.test(err));
    // 1,500 chat lines queued at once; stdin stays open, as on a terminal.
    child.stdin.write(`${Array(1500).fill('/papers search model merging').join('\n')}\n`);
    await until(() => (out.match(/^1\. /gm) ?? []).length >= 3);
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const answered = (out.match(/^1\. /gm) ?? []).length;
    expect(answered).toBeGreaterThanOrEqual(3);
    expect(answered).toBeLessThan(1500);
    expect(err).not.toMatch(/Error|abandoning/);
    // Closed cleanly: the store opens and is whole.
    const db = new Database(join(dataDir, 'papers.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n).toBe(74);
    db.close();
  }, 180_000);
});
