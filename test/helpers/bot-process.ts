import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A real `src/main.ts` process (node --import tsx), its log lines (pino JSON on stderr) kept for the test. */
export interface BotProcess {
  child: ChildProcess;
  /** Every stderr line so far, JSON-parsed where it is JSON. */
  lines: Array<Record<string, unknown> | string>;
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(pred: (line: Record<string, unknown>) => boolean, timeoutMs?: number, what?: string): Promise<Record<string, unknown>>;
  /** SIGTERM, then resolves on exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the bot as an operator would, with `env` on top of a copy of this environment that has no
 * SLACK_/DISCORD_ variables of its own. Runs from the project root so `data/sample-digest.txt` is found.
 */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|DISCORD)_|^DATABASE_URL$/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve('.'),
    env: { ...clean, HF_FETCH_ENABLED: 'false', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: BotProcess['lines'] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const raw of parts) {
      try {
        lines.push(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        lines.push(raw);
      }
    }
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  return {
    child,
    lines,
    waitForLog(pred, timeoutMs = 30_000, what = 'a matching log line') {
      const find = () => lines.find((l): l is Record<string, unknown> => typeof l === 'object' && pred(l));
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const hit = find();
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolvePromise(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`bot process: no ${what} within ${timeoutMs} ms; stderr:\n${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n').slice(-3000)}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then(() => check());
        check();
      });
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
