import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESSING_MARKER } from '../../../src/core/sources/watch-inbox.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** The real bot (`npm start`'s entry, local mode, stdin kept open) on a DATA_DIR. */
function startBot(dataDir: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|DISCORD)_/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...clean, DATA_DIR: dataDir, HF_FETCH_ENABLED: 'false', LOG_LEVEL: 'info' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return { child, exited, stderr: () => err };
}

// Generous: each bot is a cold tsx start, and on two cores shared with other test files (or a
// second suite) starting one has taken over a minute. The waits end early when the bot exits.
async function until(what: () => boolean, why: () => string, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${why()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('an inbox file whose processing never finished', () => {
  it('is moved to failed/ with a reason at the next start, not retried forever', async () => {
    const dataDir = tempDir();
    const inbox = join(dataDir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    // Big enough that ingesting it takes a while, so the kill lands while it is being read.
    const entries = Array.from({ length: 60_000 }, (_, i) => `{"paper":{"id":"2401.${String(i).padStart(5, '0')}","title":"Paper ${i} on things","summary":"An abstract about things number ${i}."}}`);
    writeFileSync(join(inbox, 'killer.json'), `[${entries.join(',')}]`);

    const first = startBot(dataDir);
    const marker = join(inbox, PROCESSING_MARKER);
    const said = (bot: ReturnType<typeof startBot>) => `exit code ${bot.child.exitCode}; inbox ${JSON.stringify(readdirSync(inbox))}; stderr:\n${bot.stderr().slice(-2000)}`;
    // Ends when the bot starts reading the file, or cannot (it exited, or the file left the inbox
    // without the marker being seen): the last two fail below with what the bot said.
    await until(
      () => existsSync(marker) || first.child.exitCode !== null || !existsSync(join(inbox, 'killer.json')),
      () => `the first bot never started reading the file (${said(first)})`,
    );
    expect(existsSync(marker), `the first bot was not reading the file when killed (${said(first)})`).toBe(true);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(inbox, 'killer.json'))).toBe(true);

    const second = startBot(dataDir);
    await until(
      () => existsSync(join(inbox, 'failed', 'killer.json.reason.txt')) || second.child.exitCode !== null,
      () => `the second bot did not move the file (${said(second)})`,
    );
    expect(readFileSync(join(inbox, 'failed', 'killer.json.reason.txt'), 'utf8')).toMatch(/^killer\.json: processing did not finish \(the bot stopped while reading it, started \d{4}-/);
    expect(readdirSync(inbox).filter((f) => !f.startsWith('.') && f !== 'failed' && f !== 'processed')).toEqual([]);
    expect(existsSync(join(inbox, PROCESSING_MARKER))).toBe(false);
    // The log line follows the move: wait for it rather than race it.
    await until(
      () => /processing never finished moved to failed/.test(second.stderr()) || second.child.exitCode !== null,
      () => `no log line (${said(second)})`,
      30_000,
    );
    expect(second.stderr()).toMatch(/processing never finished moved to failed/);
    second.child.stdin.end();
    await second.exited;
  }, 420_000);
});
