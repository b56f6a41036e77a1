import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPapers } from './helpers/run-cli.js';
import { MAIN, ROOT, TSX, cleanEnv, emptyEnvFile } from './helpers/spawn-bot.js';
import { SEED_DIGEST } from './helpers/test-data.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

/**
 * Root ignores file modes, so as root the child runs as `nobody` to meet a read-only folder the way
 * an operator's unprivileged service user would.
 */
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd, env: { ...cleanEnv(), HOME: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...asUnprivileged });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** A folder the unprivileged child may enter. */
function openDir(): string {
  const d = tempDir();
  chmodSync(d, 0o755);
  return d;
}

describe('DATA_DIR that cannot be used: one sentence naming the path, the reason and the variable', { timeout: 240_000 }, () => {
  it('a file: the bot refuses to start, with no stack trace unless DEBUG=1', async () => {
    const dir = openDir();
    const file = join(dir, 'data');
    writeFileSync(file, 'not a folder');
    const env = { DATA_DIR: file, ENV_FILE: emptyEnvFile(dir) };
    const r = await run([MAIN], env, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`papers-bot: failed to start: DATA_DIR ${file} is a file, not a folder: set DATA_DIR to a folder the bot may write \\(default ./data\\)\\n$`));
    expect(r.err).not.toMatch(/\n\s+at /);
    const debug = await run([MAIN], { ...env, DEBUG: '1' }, dir);
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/DataDirError: DATA_DIR .* is a file[\s\S]*\n\s+at /);
  });

  it('read-only: the bot says so and stops; `papers stats` still reads the store', async () => {
    const dir = openDir();
    const data = join(dir, 'data');
    const ingested = await runPapers(['ingest', SEED_DIGEST, '--date', '2025-04-22'], data);
    expect(ingested.code).toBe(0);
    for (const f of readdirSync(data)) chmodSync(join(data, f), 0o444);
    chmodSync(data, 0o555);
    const env = { DATA_DIR: data, ENV_FILE: emptyEnvFile(dir) };

    const bot = await run([MAIN], env, dir);
    expect(bot.code).toBe(1);
    expect(bot.err).toMatch(new RegExp(`papers-bot: failed to start: DATA_DIR ${data} is not writable \\(permission denied\\): set DATA_DIR to a folder the bot may write`));
    expect(bot.err).not.toMatch(/\n\s+at /);

    const stats = await run([join(ROOT, 'src', 'cli', 'main.ts'), 'stats', '--json'], env, dir);
    expect(stats.err).toBe('');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ papers: 74, digests: 1 });

    const ingest = await run([join(ROOT, 'src', 'cli', 'main.ts'), 'ingest', SEED_DIGEST], env, dir);
    expect(ingest.code).toBe(1);
    expect(ingest.err).toMatch(/^papers: DATA_DIR .* is not writable \(permission denied\)/);
    chmodSync(data, 0o755);
  });
});
