/**
 * Several real bot processes (instance.ts) on one PostgreSQL and one fake Slack, with N channels
 * subscribed to the same minute: what the kill test and `npm run bench:instances` drive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseSubscriptionSettings } from '../../src/core/digest/subscription.js';
import { openCore } from '../../src/core/open-core.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/fake-slack.js';

export interface Instance {
  id: string;
  child: ChildProcess;
  stderr: () => string;
}

export interface Cluster {
  fake: FakeSlack;
  instances: Instance[];
  channels: string[];
  /** Rows of the shared database. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Subscribes every channel to the current minute: the next tick of any instance plans them all. */
  subscribeAll(top: number): Promise<void>;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

function startInstance(id: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'multi-instance', 'instance.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, INSTANCE_ID: id },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve({ id, child, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`instance ${id} exited (${code}) before ready:\n${err}`)));
  });
}

export async function startCluster(opts: { databaseUrl: string; instances: number; channels: number; leaseMs: number }): Promise<Cluster> {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'papers-instance-'));
    dirs.push(d);
    return d;
  };
  const fake = await startFakeSlack();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
  // The shared store gets the sample digest once, from here (as `papers ingest` would).
  const seed = await openCore({ dataDir: tmp(), databaseUrl: opts.databaseUrl });
  const r = await seed.ingest.ingestFile(join(ROOT, 'data', 'sample-digest.txt'));
  if (!r.ok) throw new Error(r.error);
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < opts.instances; i++) {
      instances.push(
        await startInstance(`instance-${i + 1}`, {
          DATABASE_URL: opts.databaseUrl,
          DATA_DIR: tmp(),
          SLACK_API_URL: fake.apiUrl,
          LEASE_MS: String(opts.leaseMs),
          TICK_MS: '250',
        }),
      );
    }
  } catch (err) {
    for (const i of instances) i.child.kill('SIGKILL');
    throw err;
  }
  const channels = Array.from({ length: opts.channels }, (_, i) => `C${String(i).padStart(3, '0')}`);
  return {
    fake,
    instances,
    channels,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async subscribeAll(top) {
      // The slot is the minute now running; the subscriptions date from before it, so it is due at once.
      const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const time = slot.toISOString().slice(11, 16);
      const settings = parseSubscriptionSettings({ time, tz: 'UTC', top });
      const now = new Date(slot.getTime() - 60_000).toISOString();
      await Promise.all(channels.map((channelId) => seed.storage.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId, settings, now })));
    },
    async close() {
      for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
      await seed.close();
      await pool.end();
      await fake.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` is true, polling; throws with `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
