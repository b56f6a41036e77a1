import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN, TSX, cleanEnv, emptyEnvFile } from './helpers/spawn-bot.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

/**
 * `printf '…' | npm start --silent` with a fresh DATA_DIR and no tokens: the README's first command,
 * run from the TypeScript sources (tsx src/main.ts, what `npm run dev` runs) so the test always
 * exercises the current code, never a stale dist/ (test/build.test.ts covers the built program).
 */
function npmStart(input: string, env: Record<string, string> = {}) {
  const dataDir = tempDir();
  const r = spawnSync(TSX, [MAIN], {
    input,
    encoding: 'utf8',
    env: { ...cleanEnv(), DATA_DIR: dataDir, ENV_FILE: emptyEnvFile(dataDir), ...env },
    timeout: 200_000,
  });
  return { ...r, dataDir };
}

describe('npm start with no tokens (local chat mode)', { timeout: 240_000 }, () => {
  it('says which mode runs, ingests the sample, searches, bookmarks by reaction and exports', () => {
    const r = npmStart('/papers search model merging\nreact 1 🔖\n/papers bookmarks export bibtex\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no DISCORD_TOKEN or SLACK_BOT_TOKEN set: running the local chat mode/);
    expect(r.stderr).toMatch(/ingested the sample digest .* \(74 papers\)/);
    expect(r.stdout).toMatch(/1\. .*Merging/);
    expect(r.stdout).toMatch(/🔖 Bookmarked/);
    const saved = /Saved to (\S+)/.exec(r.stdout)?.[1];
    expect(saved).toBeDefined();
    expect(existsSync(saved!)).toBe(true);
    expect(saved!.startsWith(r.dataDir)).toBe(true);
    expect(readFileSync(saved!, 'utf8')).toMatch(/@misc\{/);
  });

  it('a second start does not ingest the sample again and keeps bookmarks', () => {
    const first = npmStart('/papers search merging\nreact 1 🔖\n');
    expect(first.status).toBe(0);
    const env = { DATA_DIR: first.dataDir };
    const again = spawnSync(TSX, [MAIN], {
      input: '/papers bookmarks\n',
      encoding: 'utf8',
      env: { ...cleanEnv(), ENV_FILE: emptyEnvFile(first.dataDir), ...env },
      timeout: 200_000,
    });
    expect(again.stderr).not.toMatch(/ingested the sample digest/);
    expect(again.stdout).toMatch(/bookmarks \(1\)/i);
  });

  it('logs JSON lines when stderr is not a terminal, and one readable line each with LOG_FORMAT=pretty', () => {
    const missing = { SAMPLE_DIGEST: '/no/such/sample.txt' };
    const json = npmStart('/papers help\n', missing);
    expect(json.status).toBe(0);
    const line = json.stderr.split('\n').find((l) => l.includes('sample digest not ingested'));
    expect(JSON.parse(line!)).toMatchObject({ level: 40, msg: 'sample digest not ingested', error: '/no/such/sample.txt: sample digest not found' });
    const pretty = npmStart('/papers help\n', { ...missing, LOG_FORMAT: 'pretty' });
    expect(pretty.status).toBe(0);
    expect(pretty.stderr).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: sample digest not ingested \{"error":"\/no\/such\/sample\.txt: sample digest not found"\}$/m);
  });

  it('bad configuration: one message naming every problem, exit 1, no stack trace', () => {
    const r = npmStart('', { MAX_FILE_MB: 'big', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MAX_FILE_MB/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('garbage input lines get answers, never a crash', () => {
    const r = npmStart(`hello\n/papers\n/papers nope\n/papers search ${'x'.repeat(5000)}\n/papers search --limit 10000 merging\nreact 99 🔖\n/papers show 9999.99999\n`);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(r.stdout.split('\n').length).toBeGreaterThan(6);
  });
});

describe('data dir layout', { timeout: 240_000 }, () => {
  it('keeps the database in DATA_DIR', () => {
    const r = npmStart('/papers help\n');
    expect(existsSync(join(r.dataDir, 'papers.db'))).toBe(true);
  });
});
