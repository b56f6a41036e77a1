/**
 * Several real bot processes (instance.ts) on one PostgreSQL, one fake Slack and (when asked) one
 * fake Discord, with N channels subscribed to the same minute: what the kill test and
 * `npm run bench:instances` drive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseSubscriptionSettings } from '../../src/core/digest/subscription.js';
import { openCore } from '../../src/core/open-core.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/fake-slack.js';

export interface Instance {
  id: string;
  child: ChildProcess;
  stderr: () => string;
}

export interface Cluster {
  fake: FakeSlack;
  /** The fake Discord, when the cluster has Discord channels. */
  discord?: FakeDiscord;
  instances: Instance[];
  /** Slack channel ids. */
  channels: string[];
  /** Discord channel ids (one guild). */
  discordChannels: string[];
  /** Rows of the shared database. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Subscribes every channel to the current minute: the next tick of any instance plans them all. */
  subscribeAll(top: number): Promise<void>;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** `id` undefined: the instance names itself host:pid:random, so a survivor on this host can see it is gone. */
function startInstance(id: string | undefined, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'multi-instance', 'instance.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...(id ? { INSTANCE_ID: id } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /ready (\S+)\n/.exec(out);
      if (ready) resolve({ id: ready[1], child, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`instance ${id ?? child.pid} exited (${code}) before ready:\n${err}`)));
  });
}

export interface ClusterOptions {
  databaseUrl: string;
  instances: number;
  /** Slack channels. */
  channels: number;
  /** Discord channels, posted through the real Discord publisher (REST) against the fake Discord (default 0). */
  discordChannels?: number;
  leaseMs: number;
  /**
   * Instances name themselves host:pid:random and take over a gone same-host instance's runs at once
   * (as src/main.ts does). Default: fixed names (instance-1…), which read as another machine's processes.
   */
  sameHost?: boolean;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'papers-instance-'));
    dirs.push(d);
    return d;
  };
  const fake = await startFakeSlack();
  const discord = opts.discordChannels ? await startFakeDiscord({ channelsPerGuild: opts.discordChannels }) : undefined;
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
  // The shared store gets the sample digest once, from here (as `papers ingest` would).
  const seed = await openCore({ dataDir: tmp(), databaseUrl: opts.databaseUrl });
  const r = await seed.ingest.ingestFile(join(ROOT, 'data', 'sample-digest.txt'));
  if (!r.ok) throw new Error(r.error);
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < opts.instances; i++) {
      instances.push(
        await startInstance(opts.sameHost ? undefined : `instance-${i + 1}`, {
          DATABASE_URL: opts.databaseUrl,
          DATA_DIR: tmp(),
          SLACK_API_URL: fake.apiUrl,
          ...(discord ? { DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: discord.token, DISCORD_APP_ID: discord.appId } : {}),
          LEASE_MS: String(opts.leaseMs),
          TICK_MS: '250',
        }),
      );
    }
  } catch (err) {
    for (const i of instances) i.child.kill('SIGKILL');
    await discord?.close();
    throw err;
  }
  const channels = Array.from({ length: opts.channels }, (_, i) => `C${String(i).padStart(3, '0')}`);
  const discordChannels = discord ? discord.guild.channelIds : [];
  return {
    fake,
    discord,
    instances,
    channels,
    discordChannels,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async subscribeAll(top) {
      // The slot is the minute now running; the subscriptions date from before it, so it is due at once.
      const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const time = slot.toISOString().slice(11, 16);
      const settings = parseSubscriptionSettings({ time, tz: 'UTC', top });
      const now = new Date(slot.getTime() - 60_000).toISOString();
      await Promise.all([
        ...channels.map((channelId) => seed.storage.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId, settings, now })),
        ...discordChannels.map((channelId) => seed.storage.digests.upsert({ platform: 'discord', workspaceId: discord!.guild.id, channelId, settings, now })),
      ]);
    },
    async close() {
      for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
      await seed.close();
      await pool.end();
      await fake.close();
      await discord?.close();
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
