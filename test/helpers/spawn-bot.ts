import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The project root (tests run from there) and its tsx: child bots run the current sources, never a stale dist/. */
export const ROOT = resolve('.');
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
export const MAIN = join(ROOT, 'src', 'main.ts');
/**
 * Node with tsx's loader (by path: the bot's cwd is a temp dir). Not the tsx CLI for a bot that is
 * stopped by a signal: the CLI relays SIGTERM only after its child answers within 30 ms, else it
 * kills the child and exits 143 itself, which a loaded machine turns into a failed clean stop.
 */
const NODE_WITH_TSX = [process.execPath, '--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href] as const;

/**
 * The process environment minus everything that would configure the bot from outside the test
 * (platform tokens, DATA_DIR, a developer's ENV_FILE, …), so each test says what it sets.
 */
export function cleanEnv(): Record<string, string> {
  const drop = /^(SLACK_|DISCORD_|DATA_DIR|ENV_FILE|METRICS_PORT|LOG_LEVEL|HF_|ARXIV_|INBOX_DIR|SAMPLE_DIGEST|MAX_FILE_MB|PORT$|DEBUG$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !drop.test(k))) as Record<string, string>;
}

/** An empty .env in `dir`, named by ENV_FILE, so a developer's own .env in the project never reaches a test bot. */
export function emptyEnvFile(dir: string): string {
  const f = join(dir, 'empty.env');
  writeFileSync(f, '');
  return f;
}

export interface RunningBot {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves once stderr matches (rejects after timeoutMs with what was seen). */
  waitForStderr(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** The exit code once the process ends by itself. */
  exited(): Promise<number | null>;
  /** SIGTERM (when still running), then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node --import tsx src/main.ts` in `cwd` with exactly `env`; stop() signals the bot itself. */
export function spawnBot(cwd: string, env: Record<string, string>): RunningBot {
  const [node, ...loader] = NODE_WITH_TSX;
  const child = spawn(node, [...loader, MAIN], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  const waiters = new Set<() => void>();
  child.stderr!.on('data', (c) => {
    err += c;
    for (const w of waiters) w();
  });
  child.stdout!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    waitForStderr(re, timeoutMs = 180_000) {
      return new Promise((res, rej) => {
        const check = () => {
          const m = re.exec(err);
          if (m) {
            waiters.delete(check);
            clearTimeout(timer);
            res(m);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          rej(new Error(`no ${re} on the bot's stderr within ${timeoutMs} ms; it said:\n${err}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    exited: () => exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
